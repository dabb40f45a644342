package org.officialdom.lab.experiment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.officialdom.lab.analysis.Estimate;
import org.officialdom.lab.analysis.Morris;
import org.officialdom.lab.analysis.Sobol;
import org.officialdom.lab.store.ResultStore;
import org.officialdom.model.scenario.ScenarioException;
import org.officialdom.model.scenario.ScenarioLoader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Runs an experiment into the result store: plans the design points, gives each (point, replicate)
 * its seed, registers the experiment, runs on the back end only the runs not stored yet (so an
 * interrupted experiment, run again, picks up where it stopped), then analyses the stored results.
 *
 * <p>Analyses read the store by (point, replicate), never in the order runs finished, so the
 * numbers are the same whatever the parallelism.
 */
public final class ExperimentRunner {

    /** What an experiment did, and its tables as text. */
    public record Result(String experimentId, int points, int runs, int ran, int reused, int failed,
                         List<Estimate> estimates, List<String> report) {
    }

    /** One run of the experiment: design point, replicate, spec. */
    public record Cell(int point, int replicate, RunSpec spec) {
    }

    private ExperimentRunner() {
    }

    /** The experiment's id: its name and a hash of its text and of the base scenario. */
    public static String id(Experiment e) {
        return e.name() + "-" + RunSpec.shortHash(e.text() + "\n" + RunSpec.of(e.base(), Map.of(), 0, 0).scenarioHash());
    }

    /** Every run of the experiment, point by point, replicate by replicate. */
    public static List<Cell> cells(Experiment e, Plan plan) {
        List<Cell> cells = new ArrayList<>();
        for (int p = 0; p < plan.size(); p++) {
            Map<String, JsonNode> point = plan.points().get(p);
            for (int r = 0; r < e.replicates(); r++) {
                cells.add(new Cell(p, r, RunSpec.of(e.base(), point, e.seeds().seed(p, r), e.steps())));
            }
        }
        return cells;
    }

    /**
     * Outcomes stored per transaction by default: each run is committed as it finishes, so a crash
     * loses no finished run (a transaction per run costs little beside a run).
     */
    public static final int STORE_BATCH = 1;

    public static Result run(Experiment e, ResultStore store, Backend backend, Progress progress) {
        return run(e, store, backend, progress, STORE_BATCH);
    }

    /**
     * Runs the experiment, storing outcomes {@code batch} at a time (each batch one transaction; a
     * crash loses at most the runs of the batch being gathered, which a restart runs again).
     */
    public static Result run(Experiment e, ResultStore store, Backend backend, Progress progress, int batch) {
        Plan plan = Plan.of(e);
        checkPoints(e, plan);
        List<String> metrics = metricsOf(e);
        List<Cell> cells = cells(e, plan);
        String id = id(e);
        register(e, id, plan, cells, store);

        Set<String> stored = store.storedRunIds();
        Map<String, RunSpec> todo = new LinkedHashMap<>();
        for (Cell c : cells) {
            String rid = c.spec().runId();
            if (!stored.contains(rid)) {
                todo.putIfAbsent(rid, c.spec());
            }
        }
        Set<String> distinct = new HashSet<>();
        cells.forEach(c -> distinct.add(c.spec().runId()));
        int reused = distinct.size() - todo.size();
        int[] done = {0};
        int[] failed = {0};
        String[] firstError = {null};
        progress.start(e.name(), distinct.size(), reused);
        List<RunOutcome> pending = new ArrayList<>();
        try {
            backend.run(new ArrayList<>(todo.values()), o -> {
                pending.add(o);
                if (pending.size() >= batch) {
                    store.record(pending);
                    pending.clear();
                }
                if (!o.ok()) {
                    failed[0]++;
                    if (firstError[0] == null) {
                        firstError[0] = o.error();
                    }
                }
                progress.advance(reused + ++done[0]);
            });
        } finally {
            // Keep the runs finished so far, also when the back end failed or was interrupted.
            store.record(pending);
            progress.finish();
        }
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "Experiment %s (%s): %d design points x %d replicates = %d runs (%d distinct); %d run now, %d already stored",
                e.name(), e.design().type(), plan.size(), e.replicates(), cells.size(), distinct.size(), todo.size(), reused));
        List<Estimate> estimates = new ArrayList<>();
        if (failed[0] > 0) {
            report.add(failed[0] + " runs failed (first error: " + firstError[0] + "); analysis skipped. "
                    + "Failed runs are stored with their error and run again next time.");
        } else {
            analyse(e, id, plan, cells, metrics, store, report, estimates);
        }
        report.add("Experiment id: " + id + " (tables experiment_runs, design_points" +
                (isSensitivity(e) ? ", sensitivity" : "") + " in " + store.file() + ")");
        return new Result(id, plan.size(), cells.size(), todo.size(), reused, failed[0], estimates, report);
    }

    private static boolean isSensitivity(Experiment e) {
        return e.design().type().equals("morris") || e.design().type().equals("sobol");
    }

    /** Binds every design point, so that a value the model rejects stops the experiment before any run. */
    private static void checkPoints(Experiment e, Plan plan) {
        for (Map<String, JsonNode> point : plan.points()) {
            try {
                RunTask.withOverrides(e.base(), point).parametersAt(0);
            } catch (JacksonException ex) {
                throw new ScenarioException(e.file(), ScenarioLoader.lineOf(e.text(), "factors"), "factors",
                        "values the model accepts", point + ": " + ex.getOriginalMessage());
            } catch (IllegalArgumentException ex) {
                throw new ScenarioException(e.file(), ScenarioLoader.lineOf(e.text(), "factors"), "factors",
                        "values the model accepts together", point + ": " + ex.getMessage());
            }
        }
    }

    /** The metrics to analyse, checked against those the model declares (from a run of 0 steps). */
    static List<String> metricsOf(Experiment e) {
        RunOutcome probe = RunTask.execute(RunSpec.of(e.base(), Map.of(), e.seeds().seed(0, 0), 0), 1);
        if (!probe.ok()) {
            throw new ScenarioException(e.file(), ScenarioLoader.lineOf(e.text(), "scenario"), "scenario",
                    "a scenario that runs", probe.error());
        }
        List<String> declared = probe.metrics().names();
        if (e.metrics().isEmpty()) {
            return declared;
        }
        for (int i = 0; i < e.metrics().size(); i++) {
            if (!declared.contains(e.metrics().get(i))) {
                throw new ScenarioException(e.file(), ScenarioLoader.lineOf(e.text(), "metrics[" + i + "]"), "metrics[" + i + "]",
                        "a metric of model " + e.base().kind().name() + ": " + String.join(", ", declared),
                        "'" + e.metrics().get(i) + "'");
            }
        }
        return e.metrics();
    }

    private static void register(Experiment e, String id, Plan plan, List<Cell> cells, ResultStore store) {
        List<List<Object>> runRows = new ArrayList<>();
        for (Cell c : cells) {
            runRows.add(List.of(id, c.point(), c.replicate(), c.spec().runId(), c.spec().seed()));
        }
        List<List<Object>> pointRows = new ArrayList<>();
        for (int p = 0; p < plan.size(); p++) {
            for (Map.Entry<String, JsonNode> kv : plan.points().get(p).entrySet()) {
                double v = Plan.number(kv.getValue());
                pointRows.add(java.util.Arrays.asList(id, p, kv.getKey(), Double.isNaN(v) ? null : v, Plan.text(kv.getValue())));
            }
        }
        store.transaction(List.of(
                ResultStore.Batch.of("INSERT OR REPLACE INTO experiments VALUES (?, ?, ?, ?, ?, ?, ?)", id, e.name(),
                        e.design().type(), e.file(), e.text(), cells.size(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()),
                new ResultStore.Batch("INSERT OR REPLACE INTO experiment_runs VALUES (?, ?, ?, ?, ?)", runRows),
                new ResultStore.Batch("INSERT OR REPLACE INTO design_points VALUES (?, ?, ?, ?, ?)", pointRows)));
    }

    /** Mean over replicates of a summary statistic, per design point. */
    static double[] perPoint(Plan plan, List<Cell> cells, Map<String, Double> byRun, int replicates, double[] sd) {
        double[] y = new double[plan.size()];
        double[] sq = new double[plan.size()];
        for (Cell c : cells) {
            y[c.point()] += byRun.get(c.spec().runId());
        }
        for (int p = 0; p < y.length; p++) {
            y[p] /= replicates;
        }
        for (Cell c : cells) {
            double d = byRun.get(c.spec().runId()) - y[c.point()];
            sq[c.point()] += d * d;
        }
        if (sd != null) {
            for (int p = 0; p < y.length; p++) {
                sd[p] = replicates > 1 ? Math.sqrt(sq[p] / (replicates - 1)) : Double.NaN;
            }
        }
        return y;
    }

    private static void analyse(Experiment e, String id, Plan plan, List<Cell> cells, List<String> metrics,
                                ResultStore store, List<String> report, List<Estimate> estimates) {
        Set<String> ids = new HashSet<>();
        cells.forEach(c -> ids.add(c.spec().runId()));
        String type = e.design().type();
        List<List<Object>> rows = new ArrayList<>();
        TextTable table = isSensitivity(e)
                ? new TextTable("metric", "statistic", "factor", "measure", "estimate", "ci_low", "ci_high")
                : null;
        List<String> pointLines = new ArrayList<>();
        for (String metric : metrics) {
            for (String stat : e.statistics()) {
                Map<String, Double> byRun = store.summary(ids, metric, stat);
                double[] sd = new double[plan.size()];
                double[] y = perPoint(plan, cells, byRun, e.replicates(), sd);
                List<Estimate> est;
                String method;
                if (type.equals("morris")) {
                    method = "morris";
                    est = Morris.analyze(plan.morris(), y, e.factorNames(), e.design().bootstrap(), e.design().confidence(), e.design().seed());
                } else if (type.equals("sobol")) {
                    method = "sobol";
                    est = Sobol.analyze(e.design().samples(), e.factors().size(), y, e.factorNames(),
                            e.design().bootstrap(), e.design().confidence(), e.design().seed());
                } else {
                    pointLines.addAll(pointTable(e, plan, metric, stat, y, sd));
                    continue;
                }
                for (Estimate x : est) {
                    estimates.add(x);
                    rows.add(List.of(id, method, metric, stat, x.factor(), x.measure(), x.estimate(), x.ciLow(), x.ciHigh()));
                    table.row(metric, stat, x.factor(), x.measure(), x.estimate(), x.ciLow(), x.ciHigh());
                }
            }
        }
        if (table != null) {
            store.transaction(List.of(
                    ResultStore.Batch.of("DELETE FROM sensitivity WHERE experiment_id = ?", id),
                    new ResultStore.Batch("INSERT INTO sensitivity VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)));
            report.add((type.equals("morris") ? "Morris elementary effects (inputs scaled to [0, 1]; "
                    : "Sobol indices (") + "intervals: " + Math.round(e.design().confidence() * 100) + "% bootstrap, "
                    + e.design().bootstrap() + " resamples)");
            report.addAll(table.lines());
        } else {
            report.addAll(pointLines);
        }
    }

    private static List<String> pointTable(Experiment e, Plan plan, String metric, String stat, double[] y, double[] sd) {
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(e.factorNames());
        header.add(stat + " " + metric + " (mean)");
        header.add("sd");
        TextTable t = new TextTable(header.toArray(String[]::new));
        for (int p = 0; p < plan.size(); p++) {
            List<Object> cells = new ArrayList<>();
            cells.add(p);
            for (String f : e.factorNames()) {
                cells.add(Plan.text(plan.points().get(p).get(f)));
            }
            cells.add(y[p]);
            cells.add(sd[p]);
            t.row(cells.toArray());
        }
        List<String> out = new ArrayList<>();
        out.add("");
        out.add(metric + ", " + stat + " over replicates:");
        out.addAll(t.lines());
        return out;
    }
}
