package org.officialdom.lab.experiment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.officialdom.lab.Backend;
import org.officialdom.lab.Progress;
import org.officialdom.lab.RunOutcome;
import org.officialdom.lab.RunSpec;
import org.officialdom.lab.analysis.PairedDifference;
import org.officialdom.lab.store.ResultStore;

/**
 * Runs a lever table into the result store: registers it, runs on the back end only the runs not
 * stored yet (an interrupted table, run again, picks up where it stopped), then reads every run's
 * outcomes over the window from the store and compares each lever arm with the baseline, replicate
 * by replicate: the mean paired difference (lever − baseline) with a Student-t interval
 * ({@link PairedDifference}).
 *
 * <p>Replicate k of every arm has seed {@code seed + k}, as in {@code compare}. Outcomes are read by
 * (arm, replicate) and summed in step order, never in the order runs finished, so the table is the
 * same whatever the parallelism.
 */
public final class LeverTableRunner {

    /**
     * Finished runs are stored at least this often (seconds), and at the latest every
     * {@link ExperimentRunner#STORE_BATCH} runs: a lever table of national-size runs, interrupted,
     * loses only the runs still running.
     */
    static final double STORE_EVERY_SECONDS = 2;

    /** One run of the table: arm (0 the baseline), replicate, spec. */
    public record Cell(int arm, int replicate, RunSpec spec) {
    }

    /** The effect of lever {@code lever} (1-based, as arms) on outcome {@code outcome} (0-based). */
    public record Effect(int lever, int outcome, PairedDifference diff) {

        /** The interval lies wholly above or below 0. */
        public boolean excludesZero() {
            return diff.ciLow() > 0 || diff.ciHigh() < 0;
        }
    }

    /**
     * What a lever table did.
     *
     * @param baselineMeans per outcome, the baseline's mean over replicates (empty if runs failed)
     * @param effects       lever by lever, outcome by outcome (empty if runs failed)
     */
    public record Result(String id, LeverTable table, int runs, int distinct, int ran, int reused, int failed,
                         String firstError, double[] baselineMeans, List<Effect> effects, String store) {

        public Effect effect(int lever, int outcome) {
            return effects.get((lever - 1) * table.outcomes().size() + outcome);
        }
    }

    private LeverTableRunner() {
    }

    /** The table's id: its name and a hash of its text and of the baseline scenario. */
    public static String id(LeverTable t) {
        return t.name() + "-" + RunSpec.shortHash(t.text() + "\n" + RunSpec.of(t.baseline(), Map.of(), 0, 0).scenarioHash());
    }

    /** Every run of the table, arm by arm, replicate by replicate. */
    public static List<Cell> cells(LeverTable t) {
        List<Cell> cells = new ArrayList<>();
        for (LeverTable.Arm a : t.arms()) {
            for (int k = 0; k < t.replicates(); k++) {
                cells.add(new Cell(a.index(), k, a.spec(t.seed(), k, t.steps())));
            }
        }
        return cells;
    }

    public static Result run(LeverTable t, ResultStore store, Backend backend, Progress progress) {
        List<Cell> cells = cells(t);
        String id = id(t);
        register(t, id, cells, store);

        Set<String> stored = store.storedRunIds();
        Map<String, RunSpec> todo = new LinkedHashMap<>();
        Set<String> distinct = new LinkedHashSet<>();
        for (Cell c : cells) {
            distinct.add(c.spec().runId());
            if (!stored.contains(c.spec().runId())) {
                todo.putIfAbsent(c.spec().runId(), c.spec());
            }
        }
        int reused = distinct.size() - todo.size();
        int[] done = {0};
        int[] failed = {0};
        String[] firstError = {null};
        List<RunOutcome> pending = new ArrayList<>();
        long[] lastStored = {System.nanoTime()};
        progress.start("levers " + t.name(), distinct.size(), reused);
        try {
            backend.run(new ArrayList<>(todo.values()), o -> {
                pending.add(o);
                if (pending.size() >= ExperimentRunner.STORE_BATCH
                        || System.nanoTime() - lastStored[0] >= STORE_EVERY_SECONDS * 1e9) {
                    store.record(pending);
                    pending.clear();
                    lastStored[0] = System.nanoTime();
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
        if (failed[0] > 0) {
            return new Result(id, t, cells.size(), distinct.size(), todo.size(), reused, failed[0], firstError[0],
                    new double[0], List.of(), store.file().toString());
        }
        double[][][] values = outcomes(t, cells, store);
        double[] baselineMeans = new double[t.outcomes().size()];
        List<Effect> effects = new ArrayList<>();
        for (int j = 0; j < t.outcomes().size(); j++) {
            baselineMeans[j] = Arrays.stream(values[j][0]).sum() / t.replicates();
        }
        for (int i = 1; i < t.arms().size(); i++) {
            for (int j = 0; j < t.outcomes().size(); j++) {
                effects.add(new Effect(i, j, PairedDifference.of(values[j][0], values[j][i], t.confidence())));
            }
        }
        storeEffects(t, id, effects, store);
        return new Result(id, t, cells.size(), distinct.size(), todo.size(), reused, 0, null, baselineMeans,
                List.copyOf(effects), store.file().toString());
    }

    /** Each outcome of each run, as {@code [outcome][arm][replicate]}, from the metrics stored over the window. */
    static double[][][] outcomes(LeverTable t, List<Cell> cells, ResultStore store) {
        Set<String> ids = new HashSet<>();
        cells.forEach(c -> ids.add(c.spec().runId()));
        double[][][] out = new double[t.outcomes().size()][t.arms().size()][t.replicates()];
        Map<String, Map<String, double[]>> byMetric = new LinkedHashMap<>();
        for (int j = 0; j < t.outcomes().size(); j++) {
            LeverTable.Outcome o = t.outcomes().get(j);
            Map<String, double[]> series = byMetric.computeIfAbsent(o.metric(), m -> store.window(ids, m, t.from(), t.to()));
            for (Cell c : cells) {
                double[] w = series.get(c.spec().runId());
                if (w == null) {
                    throw new IllegalStateException("no metric '" + o.metric() + "' stored for run " + c.spec().runId());
                }
                out[j][c.arm()][c.replicate()] = o.of(w, t.arms().get(c.arm()).monthsPerStep());
            }
        }
        return out;
    }

    private static void register(LeverTable t, String id, List<Cell> cells, ResultStore store) {
        List<List<Object>> runRows = new ArrayList<>();
        for (Cell c : cells) {
            runRows.add(List.of(id, c.arm(), t.arms().get(c.arm()).label(), c.replicate(), c.spec().runId(), c.spec().seed()));
        }
        store.transaction(List.of(
                ResultStore.Batch.of("INSERT OR REPLACE INTO lever_tables VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id, t.name(), t.title(), t.baseline().source(), t.file(), t.text(), t.levers().size(), t.replicates(),
                        t.seed(), t.steps(), t.from(), t.to(), t.confidence(), cells.size(),
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()),
                ResultStore.Batch.of("DELETE FROM lever_runs WHERE lever_table_id = ?", id),
                new ResultStore.Batch("INSERT INTO lever_runs VALUES (?, ?, ?, ?, ?, ?)", runRows)));
    }

    private static void storeEffects(LeverTable t, String id, List<Effect> effects, ResultStore store) {
        List<List<Object>> rows = new ArrayList<>();
        for (Effect e : effects) {
            LeverTable.Arm a = t.arms().get(e.lever());
            LeverTable.Outcome o = t.outcomes().get(e.outcome());
            PairedDifference d = e.diff();
            rows.add(Arrays.asList(id, e.lever(), a.label(), RunSpec.canonical(a.changes()), e.outcome(), o.metric(), o.summary(),
                    o.heading(), d.n(), nan(d.meanA()), nan(d.meanB()), nan(d.meanDiff()), nan(d.sdDiff()), nan(d.ciLow()),
                    nan(d.ciHigh()), d.confidence(), e.excludesZero()));
        }
        store.transaction(List.of(ResultStore.Batch.of("DELETE FROM lever_effects WHERE lever_table_id = ?", id),
                new ResultStore.Batch("INSERT INTO lever_effects VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)));
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
