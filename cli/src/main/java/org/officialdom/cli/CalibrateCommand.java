package org.officialdom.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.officialdom.lab.Backend;
import org.officialdom.lab.calibration.AbcCalibrator;
import org.officialdom.lab.calibration.PosteriorBands;
import org.officialdom.lab.calibration.PosteriorSample;
import org.officialdom.lab.calibration.Calibration;
import org.officialdom.lab.calibration.Calibrator;
import org.officialdom.lab.store.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fits parameters to targets (series typed in the file or read from published data), as declared in a "
                + "calibration file (YAML): with CMA-ES for a point estimate (method: cma-es, the default), or with ABC-SMC for a "
                + "posterior sample with its uncertainty (method: abc-smc). An ABC-SMC calibration stores every simulation as it "
                + "finishes; run the same file again to resume an interrupted one.",
                "Example: officialdom calibrate examples/china-calibration.yaml"})
final class CalibrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Calibration file (YAML).")
    Path file;

    @Mixin
    LabOptions lab;

    @Option(names = "--spark", arity = "0..1", fallbackValue = "local[*]", paramLabel = "MASTER",
            description = {"Run the simulations on Apache Spark: local[*] (the default), local[N], or a cluster's spark://HOST:PORT.",
                    "The results are the same as without it. Needs the Spark jar, which the ./officialdom launcher adds."})
    String spark;

    /**
     * Writes the last generation's particles as {@code NAME.csv} and the yearly published values the
     * targets put on a metric's scale as {@code NAME.observed.csv}, in {@code dir}: what a scenario's
     * {@code posterior} field or {@code run --posterior-from} reads.
     */
    static Path writePosterior(Calibration c, String id, ResultStore store, Path dir) throws java.io.IOException {
        PosteriorSample s = PosteriorSample.fromStore(store, id);
        Path file = dir.resolve(c.name() + ".csv");
        java.util.List<String> comments = java.util.List.of(
                "Posterior sample of calibration " + c.name() + " (" + id + "): the last ABC-SMC generation's "
                        + s.size() + " particles with their importance weights.",
                "Written by 'officialdom calibrate' (Officialdom " + org.officialdom.lab.Version.get() + ") from " + store.file() + ".");
        org.officialdom.lab.AtomicFile.writeString(file, s.toCsv(comments));
        org.officialdom.lab.AtomicFile.writeString(dir.resolve(c.name() + ".observed.csv"),
                PosteriorBands.observedCsv(PosteriorBands.observedOf(c)));
        return file;
    }

    @Override
    public Integer call() throws Exception {
        Calibration c = Calibration.load(file);
        var out = spec.commandLine().getOut();
        try (Backend backend = lab.backend(spark); ResultStore store = ResultStore.open(lab.db)) {
            if (c.bayesian()) {
                var progress = TerminalProgress.create(lab.quiet, spec.commandLine().getErr(), "accepted");
                AbcCalibrator.Result r = AbcCalibrator.run(c, store, backend, progress, lab.quiet ? new java.io.PrintWriter(java.io.Writer.nullWriter()) : out);
                out.println();
                r.report().forEach(out::println);
                Path report = ReportCommand.storeReport(store, r.calibrationId());
                out.println("Report: " + report);
                Path sample = writePosterior(c, r.calibrationId(), store, report.getParent());
                out.println("Posterior sample: " + sample + " (and the published values it was fitted to, "
                        + sample.getFileName().toString().replace(".csv", ".observed.csv") + "); run --posterior N --posterior-from "
                        + sample + " draws from it");
            } else {
                var progress = TerminalProgress.create(lab.quiet, spec.commandLine().getErr(), "evaluations");
                Calibrator.Result r = Calibrator.run(c, store, backend, progress);
                r.report().forEach(out::println);
            }
            lab.export(store, out);
            out.flush();
            return 0;
        }
    }
}
