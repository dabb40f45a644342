package org.officialdom.lab.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.officialdom.lab.Backend;
import org.officialdom.lab.Progress;
import org.officialdom.lab.RunOutcome;
import org.officialdom.lab.RunSpec;
import org.officialdom.lab.RunTask;
import org.officialdom.lab.TextTable;
import org.officialdom.lab.analysis.PairedDifference;
import org.officialdom.lab.store.ResultStore;
import org.officialdom.model.scenario.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * A counterfactual comparison: scenarios A and B run under common random numbers (replicate k of
 * both has seed base + k), and each metric's summaries compared by paired differences B − A.
 */
public final class Comparison {

    /** One row of the verdict table. */
    public record Row(String metric, String statistic, PairedDifference diff) {
    }

    /** The comparison's id, rows, and its table as text. */
    public record Result(String comparisonId, List<Row> rows, int ran, int reused, List<String> report) {
    }

    private Comparison() {
    }

    /**
     * Runs (or finds in the store) {@code replicates} runs of each scenario and compares them.
     *
     * @param steps   steps per run, or null for each scenario's own
     * @param metrics metrics to compare, empty for all those A declares
     */
    public static Result run(Scenario a, Scenario b, int replicates, long seedBase, Integer steps, List<String> metrics,
                             List<String> statistics, double confidence, ResultStore store, Backend backend, Progress progress) {
        return run(a, b, replicates, seedBase, steps, metrics, statistics, confidence, List.of(), store, backend, progress);
    }

    /**
     * The same, with replicate k of both scenarios run with {@code draws.get(k)} (parameter values drawn
     * from a calibration's posterior; empty: none), so the differences are paired by seed and by draw
     * and their intervals carry the parameters' uncertainty.
     */
    public static Result run(Scenario a, Scenario b, int replicates, long seedBase, Integer steps, List<String> metrics,
                             List<String> statistics, double confidence, List<Map<String, JsonNode>> draws, ResultStore store,
                             Backend backend, Progress progress) {
        List<RunSpec> as = new ArrayList<>();
        List<RunSpec> bs = new ArrayList<>();
        for (int k = 0; k < replicates; k++) {
            Map<String, JsonNode> o = draws.isEmpty() ? Map.of() : draws.get(k);
            as.add(RunSpec.of(a, o, seedBase + k, steps == null ? a.steps() : steps));
            bs.add(RunSpec.of(b, o, seedBase + k, steps == null ? b.steps() : steps));
        }
        Map<String, RunSpec> all = new LinkedHashMap<>();
        as.forEach(s -> all.putIfAbsent(s.runId(), s));
        bs.forEach(s -> all.putIfAbsent(s.runId(), s));
        Set<String> stored = store.storedRunIds();
        List<RunSpec> todo = all.values().stream().filter(s -> !stored.contains(s.runId())).toList();
        int reused = all.size() - todo.size();
        int[] done = {0};
        List<String> errors = new ArrayList<>();
        progress.start(a.name() + " vs " + b.name(), all.size(), reused);
        List<RunOutcome> pending = new ArrayList<>();
        try {
            backend.run(todo, o -> {
                pending.add(o);
                if (pending.size() >= ExperimentRunner.STORE_BATCH) {
                    store.record(pending);
                    pending.clear();
                }
                if (!o.ok()) {
                    errors.add(o.error());
                }
                progress.advance(reused + ++done[0]);
            });
        } finally {
            store.record(pending);
            progress.finish();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(errors.size() + " runs failed; first error: " + errors.get(0));
        }
        List<String> names = metrics.isEmpty() ? declared(as.get(0)) : metrics;
        Set<String> ids = new HashSet<>(all.keySet());
        String id = "compare-" + RunSpec.shortHash(String.join("\n", as.stream().map(RunSpec::runId).toList())
                + "\n" + String.join("\n", bs.stream().map(RunSpec::runId).toList()) + "\n" + confidence);
        List<Row> rows = new ArrayList<>();
        List<List<Object>> dbRows = new ArrayList<>();
        for (String m : names) {
            for (String stat : statistics) {
                Map<String, Double> v = store.summary(ids, m, stat);
                double[] ya = as.stream().mapToDouble(s -> value(v, s, m)).toArray();
                double[] yb = bs.stream().mapToDouble(s -> value(v, s, m)).toArray();
                PairedDifference d = PairedDifference.of(ya, yb, confidence);
                rows.add(new Row(m, stat, d));
                dbRows.add(java.util.Arrays.asList(id, a.name(), b.name(), m, stat, replicates, d.meanA(), d.meanB(),
                        d.meanDiff(), nan(d.sdDiff()), nan(d.ciLow()), nan(d.ciHigh()), confidence, d.verdict()));
            }
        }
        List<List<Object>> runRows = new ArrayList<>();
        for (int k = 0; k < replicates; k++) {
            runRows.add(List.of(id, "A", k, as.get(k).runId(), as.get(k).seed()));
            runRows.add(List.of(id, "B", k, bs.get(k).runId(), bs.get(k).seed()));
        }
        store.transaction(List.of(ResultStore.Batch.of("DELETE FROM comparisons WHERE comparison_id = ?", id),
                new ResultStore.Batch("INSERT INTO comparisons VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", dbRows),
                ResultStore.Batch.of("DELETE FROM comparison_runs WHERE comparison_id = ?", id),
                new ResultStore.Batch("INSERT INTO comparison_runs VALUES (?, ?, ?, ?, ?)", runRows)));
        List<String> report = new ArrayList<>();
        if (!draws.isEmpty()) {
            report.add("Replicate k of A and of B runs with draw k of a calibration's posterior: the intervals carry the parameters' uncertainty too");
        }
        report.add(String.format(Locale.ROOT, "A = %s, B = %s: %d paired replicates (seeds %d to %d, common random numbers); %d runs now, %d already stored",
                a.name(), b.name(), replicates, seedBase, seedBase + replicates - 1, todo.size(), reused));
        report.addAll(largest(rows, confidence, SHOWN));
        report.add("Comparison id: " + id + " (all " + rows.size() + " rows: table comparisons in " + store.file() + ", and the report)");
        return new Result(id, rows, todo.size(), reused, report);
    }

    /** How many differences the terminal shows; the report and the store hold them all. */
    public static final int SHOWN = 10;

    /**
     * The {@code shown} differences that matter most (by {@link PairedDifference#LARGEST_FIRST}),
     * as a table, then one line naming the metrics identical in A and B.
     */
    public static List<String> largest(List<Row> rows, double confidence, int shown) {
        List<Row> ranked = new ArrayList<>(rows);
        ranked.sort((x, y) -> PairedDifference.LARGEST_FIRST.compare(x.diff(), y.diff()));
        List<Row> differing = ranked.stream().filter(r -> !PairedDifference.IDENTICAL.equals(r.diff().verdict())).toList();
        List<String> out = new ArrayList<>();
        long clear = differing.stream().filter(r -> r.diff().clear()).count();
        out.add(String.format(Locale.ROOT, "Paired differences B - A with %d%% t intervals: %d of %d rows differ clearly%s",
                Math.round(confidence * 100), clear, rows.size(),
                differing.size() > shown ? "; the " + shown + " largest by standardised effect (mean difference / sd of differences):"
                        : ", largest standardised effect (mean difference / sd of differences) first:"));
        if (!differing.isEmpty()) {
            TextTable t = new TextTable("metric", "statistic", "mean A", "mean B", "B - A", "ci_low", "ci_high", "effect", "verdict");
            for (Row r : differing.subList(0, Math.min(shown, differing.size()))) {
                PairedDifference d = r.diff();
                t.row(r.metric(), r.statistic(), d.meanA(), d.meanB(), d.meanDiff(), d.ciLow(), d.ciHigh(), effect(d.effect()), d.verdict());
            }
            out.addAll(t.lines());
        }
        List<Row> same = ranked.subList(differing.size(), ranked.size());
        if (!same.isEmpty()) {
            Map<String, List<String>> byMetric = new LinkedHashMap<>();
            rows.stream().filter(same::contains).forEach(r -> byMetric.computeIfAbsent(r.metric(), k -> new ArrayList<>()).add(r.statistic()));
            long statistics = rows.stream().map(Row::statistic).distinct().count();
            out.add(same.size() + " rows identical in A and B: " + String.join(", ", byMetric.entrySet().stream()
                    .map(e -> e.getValue().size() == statistics ? e.getKey() : e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                    .toList()));
        }
        return out;
    }

    /** A standardised effect for the terminal: two decimals, "inf" when every replicate differs by the same amount. */
    public static String effect(double e) {
        if (Double.isInfinite(e)) {
            return e > 0 ? "+inf" : "-inf";
        }
        return Double.isNaN(e) ? "-" : String.format(Locale.ROOT, "%+.2f", e);
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static double value(Map<String, Double> v, RunSpec s, String metric) {
        Double x = v.get(s.runId());
        if (x == null) {
            throw new IllegalArgumentException("no metric '" + metric + "' in run of " + s.scenarioSource());
        }
        return x;
    }

    private static List<String> declared(RunSpec spec) {
        RunOutcome probe = RunTask.execute(new RunSpec(spec.scenarioText(), spec.scenarioSource(), spec.overrides(), spec.seed(), 0), 1);
        return probe.ok() ? probe.metrics().names() : List.of();
    }

    /** The metrics a scenario's model declares (from a run of 0 steps). */
    public static List<String> declaredMetrics(Scenario sc) {
        return declared(RunSpec.of(sc, Map.of(), sc.seed(), 0));
    }
}
