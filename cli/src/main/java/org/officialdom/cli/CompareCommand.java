package org.officialdom.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.officialdom.lab.LocalBackend;
import org.officialdom.lab.experiment.Comparison;
import org.officialdom.lab.experiment.ExperimentLoader;
import org.officialdom.lab.store.ResultStore;
import org.officialdom.model.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares scenario B with scenario A under common random numbers (replicate k of both has the same seed):",
                "paired differences B - A of each metric with confidence intervals, and a verdict."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "Baseline: built-in scenario name or scenario file.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "Alternative: built-in scenario name or scenario file.")
    String b;

    @Option(names = {"-n", "--replicates"}, paramLabel = "N", description = "Paired replicates (default: 10).")
    int replicates = 10;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of replicate 0; replicate k has S + k (default: 1).")
    long seed = 1;

    @Option(names = "--steps", description = "Steps per run (default: each scenario's).")
    Integer steps;

    @Option(names = "--metrics", split = ",", paramLabel = "M", description = "Metrics to compare (default: all).")
    List<String> metrics = List.of();

    @Option(names = "--statistics", split = ",", paramLabel = "S",
            description = "Summaries compared: final, mean, min, max (default: final,mean).")
    List<String> statistics = List.of("final", "mean");

    @Option(names = "--confidence", paramLabel = "C", description = "Confidence level of the intervals (default: 0.95).")
    double confidence = 0.95;

    @Option(names = "--posterior", paramLabel = "POSTERIOR",
            description = "Replicate k of A and of B runs with draw k from a posterior sample (an ABC calibration's id or name in "
                    + "--db, a built-in sample like china-calibration, or a .csv file): "
                    + "the differences are paired by seed and by draw, and their intervals include the parameters' uncertainty.")
    String posterior;

    @Mixin
    LabOptions lab;

    @Override
    public Integer call() throws Exception {
        if (replicates < 2 || replicates > 100_000) {
            throw new Officialdom.BadInput("--replicates: expected a number from 2 to 100000, found " + replicates);
        }
        if (seed < 0) {
            throw new Officialdom.BadInput("--seed: expected a number of at least 0, found " + seed);
        }
        if (steps != null && steps < 0) {
            throw new Officialdom.BadInput("--steps: expected a number of at least 0, found " + steps);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new Officialdom.BadInput("--confidence: expected a number between 0 and 1, found " + confidence);
        }
        for (String s : statistics) {
            if (!List.of("final", "mean", "min", "max").contains(s)) {
                throw new Officialdom.BadInput("--statistics: expected final, mean, min or max, found '" + s + "'");
            }
        }
        Scenario sa = ExperimentLoader.scenario(a, null);
        Scenario sb = ExperimentLoader.scenario(b, null);
        if (!sa.kind().name().equals(sb.kind().name())) {
            throw new Officialdom.BadInput("B: expected a scenario of model " + sa.kind().name() + " like A, found model " + sb.kind().name());
        }
        List<String> declared = Comparison.declaredMetrics(sa);
        for (String m : metrics) {
            if (!declared.contains(m)) {
                throw new Officialdom.BadInput("--metrics: expected metrics of model " + sa.kind().name() + ": "
                        + String.join(", ", declared) + ", found '" + m + "'");
            }
        }
        var out = spec.commandLine().getOut();
        try (LocalBackend backend = lab.backend(); ResultStore store = ResultStore.open(lab.db)) {
            var progress = TerminalProgress.create(lab.quiet, spec.commandLine().getErr(), "runs");
            List<java.util.Map<String, tools.jackson.databind.JsonNode>> draws = List.of();
            if (posterior != null) {
                try {
                    draws = org.officialdom.lab.calibration.PosteriorSample.resolve(posterior, store).overrides(sa, replicates, seed);
                } catch (IllegalArgumentException e) {
                    throw new Officialdom.BadInput("--posterior: " + e.getMessage());
                }
            }
            Comparison.Result r = Comparison.run(sa, sb, replicates, seed, steps, metrics, statistics, confidence, draws,
                    store, backend, progress);
            r.report().forEach(out::println);
            lab.export(store, out);
            out.println("Report: " + ReportCommand.storeReport(store, r.comparisonId()));
            out.flush();
            return 0;
        }
    }
}
