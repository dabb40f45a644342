package org.officialdom.lab.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.MersenneTwister;
import org.officialdom.lab.Backend;
import org.officialdom.lab.Progress;
import org.officialdom.lab.RunOutcome;
import org.officialdom.lab.RunSpec;
import org.officialdom.lab.TextTable;
import org.officialdom.lab.experiment.Comparison;
import org.officialdom.lab.experiment.Factor;
import org.officialdom.lab.store.ResultStore;
import org.officialdom.model.scenario.ScenarioException;
import org.officialdom.model.scenario.ScenarioLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Fits parameters to target series with CMA-ES (Hansen's covariance matrix adaptation evolution
 * strategy, from hipparchus-optim), which needs no gradients and tolerates the noisy, stepwise
 * objectives that agent-based models give.
 *
 * <p>The optimiser works on the unit cube (each parameter scaled to its range). One evaluation runs
 * {@code replicates} runs (seeds base, base + 1, ...: the same seeds at every evaluation, so the
 * objective is a deterministic function of the parameters), averages each target metric over
 * them, and scores the fit: for each target, the root mean squared error over its steps divided by
 * the mean absolute target value (so targets in different units weigh alike), times its weight,
 * summed over targets. Several restarts from different starting points show whether the fit is
 * well identified: their spread is reported per parameter.
 */
public final class Calibrator {

    /** The best point one restart found. */
    public record Restart(int restart, double[] values, double fit, int evaluations) {
    }

    /** All restarts, the best of them, the spread of each parameter over restarts, and the report. */
    public record Result(String calibrationId, List<Restart> restarts, Restart best, double[] mean, double[] sd,
                         double[] replicateFits, List<String> report) {
    }

    private final Calibration c;
    private final Backend backend;
    private final Map<String, Double> cache = new HashMap<>();
    private int evaluations;

    private Calibrator(Calibration c, Backend backend) {
        this.c = c;
        this.backend = backend;
    }

    public static Result run(Calibration c, ResultStore store, Backend backend, Progress progress) {
        checkMetrics(c);
        Calibrator cal = new Calibrator(c, backend);
        int k = c.parameters().size();
        List<Restart> restarts = new ArrayList<>();
        progress.start(c.name(), (long) c.restarts() * c.evaluations(), 0);
        try {
            for (int r = 0; r < c.restarts(); r++) {
                restarts.add(cal.restart(r, k, progress));
            }
        } finally {
            progress.finish();
        }
        Restart best = restarts.stream().min((x, y) -> Double.compare(x.fit(), y.fit())).orElseThrow();
        double[] mean = new double[k];
        double[] sd = new double[k];
        for (int i = 0; i < k; i++) {
            final int j = i;
            mean[i] = restarts.stream().mapToDouble(x -> x.values()[j]).average().orElse(Double.NaN);
            double ss = restarts.stream().mapToDouble(x -> (x.values()[j] - mean[j]) * (x.values()[j] - mean[j])).sum();
            sd[i] = restarts.size() > 1 ? Math.sqrt(ss / (restarts.size() - 1)) : Double.NaN;
        }
        // The best point once more, stored, so the fitted series can be read back beside the targets.
        List<RunSpec> specs = cal.specs(best.values());
        Map<String, RunOutcome> outs = cal.execute(specs);
        if (store != null) {
            store.record(new ArrayList<>(outs.values()));
        }
        double[] replicateFits = specs.stream().mapToDouble(s -> cal.fit(List.of(outs.get(s.runId())))).toArray();
        String id = c.name() + "-" + RunSpec.shortHash(c.text() + "\n" + RunSpec.of(c.base(), Map.of(), 0, 0).scenarioHash());
        List<String> report = report(c, id, restarts, best, mean, sd, replicateFits);
        if (store != null) {
            store(c, id, store, restarts, best, specs, outs);
        }
        return new Result(id, restarts, best, mean, sd, replicateFits, report);
    }

    static void checkMetrics(Calibration c) {
        List<String> declared = Comparison.declaredMetrics(c.base());
        for (int i = 0; i < c.targets().size(); i++) {
            Target t = c.targets().get(i);
            List<String> all = new ArrayList<>(t.metrics());
            all.addAll(t.per());
            for (String m : all) {
                if (!declared.contains(m)) {
                    String field = "targets[" + i + "]." + (t.metrics().contains(m) ? "metric" : "per");
                    throw new ScenarioException(c.file(), ScenarioLoader.lineOf(c.text(), field), field,
                            "a metric of model " + c.base().kind().name() + ": " + String.join(", ", declared), "'" + m + "'");
                }
            }
        }
    }

    private Restart restart(int r, int k, Progress progress) {
        MersenneTwister rng = new MersenneTwister(c.seed() * 1_000_003L + r);
        double[] start = new double[k];
        for (int i = 0; i < k; i++) {
            start[i] = r == 0 ? 0.5 : rng.nextDouble();
        }
        double[] sigma = new double[k];
        Arrays.fill(sigma, c.sigma());
        double[] lo = new double[k];
        double[] hi = new double[k];
        Arrays.fill(hi, 1.0);
        double[] bestU = start.clone();
        double[] bestFit = {Double.POSITIVE_INFINITY};
        int[] used = {0};
        int before = evaluations;
        ObjectiveFunction f = new ObjectiveFunction(u -> {
            double fit = objective(u);
            used[0]++;
            progress.advance((long) r * c.evaluations() + used[0]);
            if (fit < bestFit[0]) {
                bestFit[0] = fit;
                System.arraycopy(u, 0, bestU, 0, k);
            }
            return fit;
        });
        CMAESOptimizer opt = new CMAESOptimizer(c.evaluations(), Double.MIN_VALUE, true, 0, 0, rng, false, null);
        try {
            opt.optimize(new MaxEval(c.evaluations()), f, GoalType.MINIMIZE, new InitialGuess(start),
                    new SimpleBounds(lo, hi), new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(c.population()));
        } catch (MathIllegalStateException tooMany) {
            // the evaluation budget ran out: keep the best point seen
        }
        progress.advance((long) (r + 1) * c.evaluations());
        return new Restart(r, values(bestU), bestFit[0], evaluations - before);
    }

    private double[] values(double[] u) {
        double[] v = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            v[i] = c.parameters().get(i).at(Math.min(1, Math.max(0, u[i])));
        }
        return v;
    }

    private List<RunSpec> specs(double[] values) {
        Map<String, JsonNode> overrides = c.overrides(values);
        List<RunSpec> specs = new ArrayList<>();
        for (int r = 0; r < c.replicates(); r++) {
            specs.add(RunSpec.of(c.base(), overrides, c.seedBase() + r, c.steps()));
        }
        return specs;
    }

    private Map<String, RunOutcome> execute(List<RunSpec> specs) {
        Map<String, RunOutcome> outs = new HashMap<>();
        backend.run(specs, o -> outs.put(o.runId(), o));
        for (RunOutcome o : outs.values()) {
            if (!o.ok()) {
                throw new IllegalStateException("a run failed during calibration: " + o.error());
            }
        }
        return outs;
    }

    private double objective(double[] u) {
        List<RunSpec> specs = specs(values(u));
        String key = specs.get(0).overrides();
        Double known = cache.get(key);
        if (known != null) {
            return known;
        }
        evaluations++;
        Map<String, RunOutcome> outs = execute(specs);
        double fit = fit(specs.stream().map(s -> outs.get(s.runId())).toList());
        cache.put(key, fit);
        return fit;
    }

    /** The fit of the mean series of these runs to the targets (0 is a perfect fit): {@link Target#distance} summed. */
    double fit(List<RunOutcome> runs) {
        return distance(c, runs);
    }

    /** The distance of these runs (their mean summaries) to the calibration's targets, summed over targets. */
    static double distance(Calibration c, List<RunOutcome> runs) {
        double total = 0;
        for (Target t : c.targets()) {
            total += t.distance(meanSummary(c, runs, t));
        }
        return total;
    }

    /** The target's run side, averaged over the runs. */
    static double[] meanSummary(Calibration c, List<RunOutcome> runs, Target t) {
        double[] out = new double[t.values().length];
        for (RunOutcome o : runs) {
            double[] v = t.simulate(o.metrics(), c.base());
            for (int i = 0; i < out.length; i++) {
                out[i] += v[i] / runs.size();
            }
        }
        return out;
    }

    private static List<String> report(Calibration c, String id, List<Restart> restarts, Restart best, double[] mean,
                                       double[] sd, double[] replicateFits) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Calibration %s: %d parameters, %d targets, %d replicates per evaluation, %d restarts of CMA-ES",
                c.name(), c.parameters().size(), c.targets().size(), c.replicates(), c.restarts()));
        TextTable t = new TextTable("parameter", "range", "best", "mean over restarts", "sd over restarts");
        for (int i = 0; i < c.parameters().size(); i++) {
            Factor p = c.parameters().get(i);
            t.row(p.path(), "[" + TextTable.number(p.min()) + ", " + TextTable.number(p.max()) + "]", best.values()[i], mean[i], sd[i]);
        }
        out.addAll(t.lines());
        TextTable r = new TextTable("restart", "fit", "evaluations", "parameters");
        for (Restart x : restarts) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < x.values().length; i++) {
                sb.append(i == 0 ? "" : ", ").append(c.parameters().get(i).path()).append('=').append(TextTable.number(x.values()[i]));
            }
            r.row(x.restart(), x.fit(), x.evaluations(), sb.toString());
        }
        out.add("");
        out.addAll(r.lines());
        double lo = Arrays.stream(replicateFits).min().orElse(Double.NaN);
        double hi = Arrays.stream(replicateFits).max().orElse(Double.NaN);
        out.add("");
        out.add(String.format(Locale.ROOT, "Best fit %s (normalised RMSE summed over targets); single replicates at the best point fit from %s to %s",
                TextTable.number(best.fit()), TextTable.number(lo), TextTable.number(hi)));
        out.add("Calibration id: " + id + " (tables calibrations, runs)");
        return out;
    }

    private static void store(Calibration c, String id, ResultStore store, List<Restart> restarts, Restart best,
                              List<RunSpec> specs, Map<String, RunOutcome> outs) {
        List<List<Object>> rows = new ArrayList<>();
        for (Restart x : restarts) {
            for (int i = 0; i < x.values().length; i++) {
                rows.add(List.of(id, c.name(), x.restart(), c.parameters().get(i).path(), x.values()[i], x.fit(),
                        x.evaluations(), x == best));
            }
        }
        List<List<Object>> runs = new ArrayList<>();
        for (RunSpec s : specs) {
            runs.add(List.of(id, s.runId(), s.seed()));
        }
        List<List<Object>> targets = new ArrayList<>();
        for (Target t : c.targets()) {
            for (int i = 0; i < t.values().length; i++) {
                // by-step targets: the step; by-year targets: the (scenario's) year
                targets.add(List.of(id, t.name(), t.byStep() ? t.fromStep() + i : t.years()[t.pool() ? 0 : i], t.values()[i], t.weight()));
            }
        }
        store.transaction(List.of(
                ResultStore.Batch.of("DELETE FROM calibration_targets WHERE calibration_id = ?", id),
                new ResultStore.Batch("INSERT INTO calibration_targets VALUES (?, ?, ?, ?, ?)", targets),
                ResultStore.Batch.of("DELETE FROM calibrations WHERE calibration_id = ?", id),
                new ResultStore.Batch("INSERT INTO calibrations VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows),
                ResultStore.Batch.of("DELETE FROM calibration_runs WHERE calibration_id = ?", id),
                new ResultStore.Batch("INSERT INTO calibration_runs VALUES (?, ?, ?)", runs)));
    }
}
