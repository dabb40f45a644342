package org.officialdom.lab.calibration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.officialdom.engine.random.RandomStream;
import org.officialdom.engine.random.RandomStreams;
import org.officialdom.lab.Backend;
import org.officialdom.lab.Progress;
import org.officialdom.lab.RunOutcome;
import org.officialdom.lab.RunSpec;
import org.officialdom.lab.TextTable;
import org.officialdom.lab.store.ResultStore;
import tools.jackson.databind.JsonNode;

/**
 * A Bayesian calibration of a model by {@link AbcSmc}: each proposal is run {@code replicates}
 * times, its targets summarised ({@link Target#simulate}, averaged over the replicates) and its
 * distance to the observed values taken ({@link Target#distance}, summed over targets).
 *
 * <p>Every simulated proposal is stored as it finishes (table {@code abc_simulations} with its
 * parameters and summaries), so an interrupted calibration, run again with the same file, answers
 * the proposals it had already simulated from the store and goes on from there (the proposals are
 * a pure function of the file, see {@link AbcSmc}). Seeds: replicate r of proposal i of generation
 * t has seed {@code base + 1,000,003 · t + replicates · i + r}, so no two simulations share one.
 *
 * <p>After the last generation, {@code predictive} particles drawn by weight are run once more
 * over the whole period of every target, held-out years included: the posterior predictive check
 * and, with {@code holdout_from}, the out-of-sample prediction.
 */
public final class AbcCalibrator {

    /** Posterior predictive draws run after the last generation. */
    static final int PREDICTIVE = 50;

    /** A target value's posterior predictive band. */
    public record Band(String target, String label, double observed, boolean fitted, double median, double low5,
                       double high95, double low25, double high75) {
    }

    public record Result(String calibrationId, AbcSmc.Result abc, List<Band> bands, long simulatedNow, long fromStore,
                         double seconds, List<String> report) {
    }

    private final Calibration c;
    private final Backend backend;
    private final ResultStore store;
    private final String id;
    private final Map<String, Double> known = new HashMap<>();
    private long simulatedNow;
    private long fromStore;

    private AbcCalibrator(Calibration c, Backend backend, ResultStore store) {
        this.c = c;
        this.backend = backend;
        this.store = store;
        this.id = idOf(c);
    }

    /** The calibration's id: its name and a hash of its text and its scenario. */
    public static String idOf(Calibration c) {
        return c.name() + "-" + RunSpec.shortHash(c.text() + "\n" + RunSpec.of(c.base(), Map.of(), 0, 0).scenarioHash());
    }

    public static Result run(Calibration c, ResultStore store, Backend backend, Progress progress, java.io.PrintWriter log) {
        Calibrator.checkMetrics(c);
        long t0 = System.nanoTime();
        AbcCalibrator cal = new AbcCalibrator(c, backend, store);
        cal.loadKnown();
        AbcSmc abc = new AbcSmc(c.priors(), c.abc());
        AbcSmc.Result r;
        String[] label = {""};
        int[] open = {-1};
        try {
            r = abc.run(cal::distances, new AbcSmc.Listener() {

                @Override
                public void batch(int generation, int simulated, int accepted, double tolerance) {
                    if (generation != open[0]) {
                        open[0] = generation;
                        label[0] = generation == 0 ? "generation 0 (prior)"
                                : String.format(Locale.ROOT, "generation %d, tolerance %.4g", generation, tolerance);
                        progress.start(label[0], c.abc().particles(), 0);
                    }
                    progress.advance(accepted);
                }

                @Override
                public void generation(AbcSmc.Generation g) {
                    progress.finish();
                    open[0] = -1;
                    cal.storeGeneration(g);
                    log.println(String.format(Locale.ROOT, "generation %d: tolerance %.4g, %d simulations, acceptance %.1f %%, ESS %.0f",
                            g.generation(), g.tolerance(), g.simulations(), 100 * g.acceptance(), g.ess()));
                    log.flush();
                }
            });
        } finally {
            if (open[0] >= 0) {
                progress.finish(); // a generation the budget or the acceptance floor cut short
            }
        }
        List<Band> bands = cal.predictive(r.posterior(), progress);
        double seconds = (System.nanoTime() - t0) / 1e9;
        cal.storeCalibration(r, seconds);
        List<String> report = report(c, cal.id, r, bands, cal.simulatedNow, cal.fromStore, seconds);
        return new Result(cal.id, r, bands, cal.simulatedNow, cal.fromStore, seconds, report);
    }

    private long seedOf(int generation, int index, int replicate) {
        return c.seedBase() + 1_000_003L * generation + (long) c.replicates() * index + replicate;
    }

    private List<RunSpec> specs(double[] theta, int generation, int index) {
        Map<String, JsonNode> overrides = c.overrides(theta);
        List<RunSpec> specs = new ArrayList<>();
        for (int r = 0; r < c.replicates(); r++) {
            specs.add(RunSpec.of(c.base(), overrides, seedOf(generation, index, r), c.steps()));
        }
        return specs;
    }

    /** The simulator of {@link AbcSmc}: stored distances where there are, else runs (in parallel) and stores. */
    private double[] distances(List<AbcSmc.Proposal> batch) {
        double[] d = new double[batch.size()];
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            Double k = known.get(key(batch.get(i).generation(), batch.get(i).index()));
            if (k != null) {
                d[i] = k;
                fromStore++;
            } else {
                todo.add(i);
            }
        }
        if (todo.isEmpty()) {
            return d;
        }
        List<RunSpec> specs = new ArrayList<>();
        Map<Integer, List<RunSpec>> byProposal = new LinkedHashMap<>();
        for (int i : todo) {
            AbcSmc.Proposal p = batch.get(i);
            List<RunSpec> s = specs(p.theta(), p.generation(), p.index());
            byProposal.put(i, s);
            specs.addAll(s);
        }
        Map<String, RunOutcome> outs = new HashMap<>();
        backend.run(specs, o -> outs.put(o.runId(), o));
        List<List<Object>> sims = new ArrayList<>();
        List<List<Object>> params = new ArrayList<>();
        List<List<Object>> sums = new ArrayList<>();
        for (Map.Entry<Integer, List<RunSpec>> e : byProposal.entrySet()) {
            AbcSmc.Proposal p = batch.get(e.getKey());
            List<RunOutcome> runs = new ArrayList<>();
            for (RunSpec s : e.getValue()) {
                RunOutcome o = outs.get(s.runId());
                if (o == null || !o.ok()) {
                    throw new IllegalStateException("a run failed during calibration: " + (o == null ? "no outcome" : o.error()));
                }
                runs.add(o);
            }
            double total = 0;
            for (Target t : c.targets()) {
                double[] v = Calibrator.meanSummary(c, runs, t);
                total += t.distance(v);
                for (int i = 0; i < v.length; i++) {
                    sums.add(List.of(id, p.generation(), p.index(), t.name(), t.labelOf(i, c.base()), v[i]));
                }
            }
            d[e.getKey()] = total;
            known.put(key(p.generation(), p.index()), total);
            sims.add(List.of(id, p.generation(), p.index(), seedOf(p.generation(), p.index(), 0), total));
            for (int j = 0; j < p.theta().length; j++) {
                params.add(List.of(id, p.generation(), p.index(), c.parameters().get(j).path(), p.theta()[j]));
            }
            simulatedNow++;
        }
        if (store != null) {
            store.transaction(List.of(
                    new ResultStore.Batch("INSERT OR REPLACE INTO abc_simulations VALUES (?, ?, ?, ?, ?)", sims),
                    new ResultStore.Batch("INSERT OR REPLACE INTO abc_parameters VALUES (?, ?, ?, ?, ?)", params),
                    new ResultStore.Batch("INSERT OR REPLACE INTO abc_summaries VALUES (?, ?, ?, ?, ?, ?)", sums)));
        }
        return d;
    }

    private static String key(int generation, int index) {
        return generation + "/" + index;
    }

    /** The distances stored by an earlier, interrupted run of the same calibration. */
    private void loadKnown() {
        if (store == null) {
            return;
        }
        synchronized (store) {
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "SELECT generation, proposal, distance FROM abc_simulations WHERE calibration_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        known.put(key(rs.getInt(1), rs.getInt(2)), rs.getDouble(3));
                    }
                }
            } catch (SQLException e) {
                throw new ResultStore.StoreException("cannot read the stored simulations of " + id + ": " + e.getMessage(), e);
            }
        }
    }

    private void storeGeneration(AbcSmc.Generation g) {
        if (store == null) {
            return;
        }
        List<List<Object>> particles = new ArrayList<>();
        for (AbcSmc.Particle p : g.particles()) {
            particles.add(List.of(id, g.generation(), p.index(), p.weight()));
        }
        store.transaction(List.of(
                ResultStore.Batch.of("DELETE FROM abc_particles WHERE calibration_id = ? AND generation = ?", id, g.generation()),
                new ResultStore.Batch("INSERT INTO abc_particles VALUES (?, ?, ?, ?)", particles),
                ResultStore.Batch.of("INSERT OR REPLACE INTO abc_generations VALUES (?, ?, ?, ?, ?, ?)", id, g.generation(),
                        g.tolerance(), g.simulations(), g.acceptance(), g.ess())));
    }

    /**
     * Records the finished calibration. Its {@code seconds} are the time of the invocation that
     * finished it (after an interruption, the resumed part only: the interrupted part's is not
     * recorded); a rerun that found every simulation in the store keeps the time recorded before,
     * and one that simulated more (a larger budget) adds its time to it.
     */
    private void storeCalibration(AbcSmc.Result r, double seconds) {
        if (store == null) {
            return;
        }
        Double before = null;
        synchronized (store) {
            try (java.sql.PreparedStatement ps = store.connection().prepareStatement(
                    "SELECT seconds FROM abc_calibrations WHERE calibration_id = ?")) {
                ps.setString(1, id);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        before = rs.getDouble(1);
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new ResultStore.StoreException("cannot read calibration " + id + ": " + e.getMessage(), e);
            }
        }
        if (before != null) {
            seconds = simulatedNow == 0 ? before : before + seconds;
        }
        List<List<Object>> targets = new ArrayList<>();
        for (Target t : c.targets()) {
            for (int i = 0; i < t.values().length; i++) {
                targets.add(List.of(id, t.name(), t.labelOf(i, c.base()), t.values()[i], t.fitted()[i], t.weight(), t.source()));
            }
        }
        List<List<Object>> priors = new ArrayList<>();
        for (int j = 0; j < c.priors().size(); j++) {
            Prior p = c.priors().get(j);
            priors.add(List.of(id, j, p.path(), p.kind(), p.low(), p.high(), p.mean(), p.sd())); // NaN: not a normal prior
        }
        store.transaction(List.of(
                ResultStore.Batch.of("DELETE FROM abc_priors WHERE calibration_id = ?", id),
                new ResultStore.Batch("INSERT INTO abc_priors VALUES (?, ?, ?, ?, ?, ?, ?, ?)", priors),
                ResultStore.Batch.of("DELETE FROM abc_targets WHERE calibration_id = ?", id),
                new ResultStore.Batch("INSERT INTO abc_targets VALUES (?, ?, ?, ?, ?, ?, ?)", targets),
                ResultStore.Batch.of("INSERT OR REPLACE INTO abc_calibrations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, c.name(),
                        c.base().name(), c.text(), c.parameters().size(), c.abc().particles(), c.replicates(), r.stop().name().toLowerCase(Locale.ROOT),
                        r.simulations(), seconds, java.time.Instant.now().toString())));
    }

    /**
     * Posterior predictive check: {@link #PREDICTIVE} particles drawn by weight (systematic
     * resampling, named stream {@code abc-predictive}), each run once with a fresh seed; per target
     * value the median and the 50 % and 90 % bands of the draws.
     */
    private List<Band> predictive(AbcSmc.Generation post, Progress progress) {
        int n = PREDICTIVE;
        RandomStream s = new RandomStreams(c.abc().seed()).stream("abc-predictive");
        double u = s.uniform(0, 0, 0) / n;
        double[] cum = new double[post.particles().size()];
        double acc = 0;
        for (int i = 0; i < cum.length; i++) {
            acc += post.particles().get(i).weight();
            cum[i] = acc;
        }
        List<RunSpec> specs = new ArrayList<>();
        int j = 0;
        for (int k = 0; k < n; k++) {
            double x = u + (double) k / n;
            while (j < cum.length - 1 && cum[j] < x) {
                j++;
            }
            specs.add(RunSpec.of(c.base(), c.overrides(post.particles().get(j).theta()), c.seedBase() + 999_999_937L + k, c.steps()));
        }
        Map<String, RunOutcome> outs = new HashMap<>();
        progress.start("posterior predictive runs", n, 0);
        try {
            backend.run(specs, o -> {
                outs.put(o.runId(), o);
                progress.advance(outs.size());
            });
        } finally {
            progress.finish();
        }
        List<List<Object>> rows = new ArrayList<>();
        List<Band> bands = new ArrayList<>();
        for (Target t : c.targets()) {
            double[][] draws = new double[t.values().length][n];
            for (int k = 0; k < n; k++) {
                RunOutcome o = outs.get(specs.get(k).runId());
                if (o == null || !o.ok()) {
                    throw new IllegalStateException("a posterior predictive run failed: " + (o == null ? "no outcome" : o.error()));
                }
                double[] v = t.simulate(o.metrics(), c.base());
                for (int i = 0; i < v.length; i++) {
                    draws[i][k] = v[i];
                    rows.add(List.of(id, k, t.name(), t.labelOf(i, c.base()), v[i]));
                }
            }
            for (int i = 0; i < t.values().length; i++) {
                double[] d = draws[i].clone();
                Arrays.sort(d);
                bands.add(new Band(t.name(), t.labelOf(i, c.base()), t.values()[i], t.fitted()[i], q(d, 0.5), q(d, 0.05), q(d, 0.95),
                        q(d, 0.25), q(d, 0.75)));
            }
        }
        if (store != null) {
            store.transaction(List.of(ResultStore.Batch.of("DELETE FROM abc_predictive WHERE calibration_id = ?", id),
                    new ResultStore.Batch("INSERT INTO abc_predictive VALUES (?, ?, ?, ?, ?)", rows)));
        }
        return bands;
    }

    /**
     * {@code n} draws from a stored ABC calibration's posterior (its last generation, {@link PosteriorSample#draws}):
     * parameter path to value, in the order of the draws.
     *
     * @throws IllegalArgumentException if the store holds no finished ABC calibration of that id or name
     */
    public static List<Map<String, Double>> posteriorDraws(ResultStore store, String idOrName, int n, long seed) {
        return PosteriorSample.fromStore(store, idOrName).draws(n, seed);
    }

    /** Quantile of sorted values, linear between order statistics. */
    static double q(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static List<String> report(Calibration c, String id, AbcSmc.Result r, List<Band> bands, long now, long stored, double seconds) {
        List<String> out = new ArrayList<>();
        AbcSmc.Generation post = r.posterior();
        out.add(String.format(Locale.ROOT, "Calibration %s (ABC-SMC): %d parameters, %d targets, %d particles, %d replicate(s) per proposal",
                c.name(), c.parameters().size(), c.targets().size(), c.abc().particles(), c.replicates()));
        out.add(String.format(Locale.ROOT, "%d generations, stopped by %s; %d simulations (%d run now, %d from the store) in %.0f s",
                r.generations().size(), switch (r.stop()) {
                    case GENERATIONS -> "the number of generations";
                    case TOLERANCE -> "reaching the tolerance";
                    case ACCEPTANCE -> "the acceptance rate falling below " + c.abc().minAcceptance();
                    case BUDGET -> "the simulation budget";
                }, r.simulations(), now, stored, seconds));
        out.add("");
        TextTable g = new TextTable("generation", "tolerance", "simulations", "acceptance", "ESS");
        for (AbcSmc.Generation x : r.generations()) {
            g.row(x.generation(), x.tolerance(), x.simulations(), String.format(Locale.ROOT, "%.1f %%", 100 * x.acceptance()), Math.round(x.ess()));
        }
        out.addAll(g.lines());
        out.add("");
        out.add("Posterior (last generation, weighted) against the prior; 'narrowed' is the 90 % interval's width as a share of the prior's:");
        TextTable p = new TextTable("parameter", "prior", "mean", "sd", "median", "90 % interval", "narrowed");
        for (int j = 0; j < c.parameters().size(); j++) {
            Prior pr = c.priors().get(j);
            double lo = post.quantile(j, 0.05);
            double hi = post.quantile(j, 0.95);
            double priorWidth = pr.inverse(0.95) - pr.inverse(0.05);
            p.row(pr.path(), pr.describe(), post.mean(j), post.sd(j), post.quantile(j, 0.5),
                    "[" + TextTable.number(lo) + ", " + TextTable.number(hi) + "]",
                    String.format(Locale.ROOT, "%.0f %%", 100 * (hi - lo) / priorWidth));
        }
        out.addAll(p.lines());
        out.add("");
        out.add("Posterior predictive check (" + PREDICTIVE + " draws): median and 90 % band of the model against the data"
                + (c.holdoutFrom() == null ? "" : "; years from " + c.holdoutFrom() + " held out of the fit"));
        TextTable b = new TextTable("target", "year", "observed", "median", "90 % band", "inside", "fitted");
        int heldOut = 0;
        int heldInside = 0;
        int fitted = 0;
        int fittedInside = 0;
        for (Band x : bands) {
            boolean inside = x.observed() >= x.low5() && x.observed() <= x.high95();
            b.row(x.target(), x.label(), x.observed(), x.median(), "[" + TextTable.number(x.low5()) + ", " + TextTable.number(x.high95()) + "]",
                    inside ? "yes" : "no", x.fitted() ? "yes" : "held out");
            if (x.fitted()) {
                fitted++;
                fittedInside += inside ? 1 : 0;
            } else {
                heldOut++;
                heldInside += inside ? 1 : 0;
            }
        }
        out.addAll(b.lines());
        out.add(String.format(Locale.ROOT, "Observed values inside the 90 %% band: %d of %d fitted%s", fittedInside, fitted,
                heldOut == 0 ? "" : String.format(Locale.ROOT, ", %d of %d held out", heldInside, heldOut)));
        out.add("Calibration id: " + id + " (tables abc_calibrations, abc_generations, abc_simulations, abc_parameters, abc_summaries, "
                + "abc_particles, abc_targets, abc_predictive)");
        return out;
    }
}
