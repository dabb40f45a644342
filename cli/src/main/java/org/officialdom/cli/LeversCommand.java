package org.officialdom.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.officialdom.lab.AtomicFile;
import org.officialdom.lab.Backend;
import org.officialdom.lab.experiment.LeverTable;
import org.officialdom.lab.experiment.LeverTableLoader;
import org.officialdom.lab.experiment.LeverTableRunner;
import org.officialdom.lab.experiment.LeverTableText;
import org.officialdom.lab.store.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "levers", mixinStandardHelpOptions = true,
        description = {"Runs a lever table: a baseline scenario, and the same scenario with one lever changed at a time,",
                "paired by seed (common random numbers); prints, for every lever and outcome, the mean difference",
                "lever arm - baseline with its t interval, and a * where the interval excludes 0.",
                "Runs already stored are not run again, so an interrupted lever table resumes where it stopped.",
                "Example: officialdom levers examples/granovetter-levers.yaml --markdown levers.md"})
final class LeversCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Lever-table file (YAML); see examples/granovetter-levers.yaml.")
    Path file;

    @Mixin
    LabOptions lab;

    @Option(names = "--spark", arity = "0..1", fallbackValue = "local[*]", paramLabel = "MASTER",
            description = {"Run on Apache Spark: local[*] (the default), local[N], or a cluster's spark://HOST:PORT.",
                    "The results are the same as without it. Needs the Spark jar, which the ./officialdom launcher adds."})
    String spark;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "Also write the table as a Markdown document: what was run, the table, how to read it.")
    Path markdown;

    @Option(names = "--width", paramLabel = "N",
            description = "Widest line of the printed table (default: " + LeverTableText.WIDTH + "); a wider table is split.")
    int width = LeverTableText.WIDTH;

    @Override
    public Integer call() throws Exception {
        if (width < 40 || width > 10_000) {
            throw new Officialdom.BadInput("--width: expected a number from 40 to 10000, found " + width);
        }
        LeverTable t = LeverTableLoader.load(file);
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        try (Backend backend = lab.backend(spark); ResultStore store = ResultStore.open(lab.db)) {
            if (!lab.quiet) {
                err.printf("levers %s: %d arms (baseline and %d levers) x %d replicates = %d runs into %s; "
                                + "interrupted, the same command resumes from the runs stored%n",
                        t.name(), t.arms().size(), t.levers().size(), t.replicates(), t.arms().size() * t.replicates(), store.file());
                err.flush();
            }
            var progress = TerminalProgress.create(lab.quiet, err, "runs");
            LeverTableRunner.Result r = LeverTableRunner.run(t, store, backend, progress);
            LeverTableText.terminal(r, width).forEach(out::println);
            out.println("Full results: lever table " + r.id() + " in " + store.file()
                    + " (tables lever_effects, lever_runs, lever_tables; queries in docs/results.md)");
            lab.export(store, out);
            if (r.failed() == 0) {
                if (markdown != null) {
                    AtomicFile.writeString(markdown, LeverTableText.markdown(r, command(), LocalDate.now().toString()));
                    out.println("Markdown: " + markdown);
                }
                out.println("Report: " + ReportCommand.storeReport(store, r.id()));
            }
            out.flush();
            return r.failed() > 0 ? Officialdom.FAILURE : 0;
        }
    }

    /** The command line as typed, for the Markdown document. */
    private String command() {
        List<String> words = new ArrayList<>(List.of("officialdom"));
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        if (args.isEmpty() || !args.get(0).equals("levers")) {
            words.add("levers");
        }
        for (String a : args) {
            words.add(a.matches("[A-Za-z0-9_./:=,@+\\-\\[\\]*]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return String.join(" ", words);
    }
}
