package org.officialdom.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.officialdom.lab.LocalBackend;
import org.officialdom.lab.calibration.Calibration;
import org.officialdom.lab.calibration.Calibrator;
import org.officialdom.lab.store.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fits parameters to target series with CMA-ES, as declared in a calibration file (YAML).")
final class CalibrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Calibration file (YAML).")
    Path file;

    @Mixin
    LabOptions lab;

    @Override
    public Integer call() {
        Calibration c = Calibration.load(file);
        var out = spec.commandLine().getOut();
        try (LocalBackend backend = lab.backend(); ResultStore store = ResultStore.open(lab.db)) {
            var progress = TerminalProgress.create(lab.quiet, spec.commandLine().getErr(), "evaluations");
            Calibrator.Result r = Calibrator.run(c, store, backend, progress);
            r.report().forEach(out::println);
            lab.export(store, out);
            out.flush();
            return 0;
        }
    }
}
