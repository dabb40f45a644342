package org.officialdom.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.officialdom.lab.Backend;
import org.officialdom.lab.experiment.Experiment;
import org.officialdom.lab.experiment.ExperimentLoader;
import org.officialdom.lab.experiment.ExperimentRunner;
import org.officialdom.lab.store.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Runs an experiment file (design points x replicates) into the result store and prints its tables.",
                "Runs already stored are not run again, so an interrupted experiment resumes where it stopped."})
final class ExperimentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Experiment file (YAML).")
    Path file;

    @Mixin
    LabOptions lab;

    @Option(names = "--spark", arity = "0..1", fallbackValue = "local[*]", paramLabel = "MASTER",
            description = {"Run on Apache Spark: local[*] (the default), local[N], or a cluster's spark://HOST:PORT.",
                    "The results are the same as without it. Needs the Spark jar, which the ./officialdom launcher adds."})
    String spark;

    @Override
    public Integer call() throws Exception {
        Experiment e = ExperimentLoader.load(file);
        var out = spec.commandLine().getOut();
        try (Backend backend = lab.backend(spark); ResultStore store = ResultStore.open(lab.db)) {
            var progress = TerminalProgress.create(lab.quiet, spec.commandLine().getErr(), "runs");
            ExperimentRunner.Result r = ExperimentRunner.run(e, store, backend, progress);
            r.report().forEach(out::println);
            lab.export(store, out);
            out.println("Report: " + ReportCommand.storeReport(store, r.experimentId()));
            out.flush();
            return r.failed() > 0 ? Officialdom.FAILURE : 0;
        }
    }
}
