package org.officialdom.lab.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.officialdom.lab.Backend;
import org.officialdom.lab.Progress;
import org.officialdom.lab.RunOutcome;
import org.officialdom.lab.RunSpec;
import org.officialdom.lab.TextTable;
import org.officialdom.lab.analysis.PairedDifference;
import org.officialdom.lab.analysis.Shapley;
import org.officialdom.lab.store.ResultStore;
import org.officialdom.model.scenario.CalendarEntry;
import org.officialdom.model.scenario.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * Why it happened: a scenario's outcome changes attributed to the groups of its calendar entries
 * by Shapley values.
 *
 * <p>The players are groups of calendar entries (by default one per parameter path the calendar
 * sets: {@code investigation.campaign}, {@code recruitment.youth_unemployment}, ...). Coalition S
 * is the scenario with the entries of the groups in S and without the others (those levers stay at
 * their starting values); entries of no group stay in every coalition. Replicate k of every
 * coalition has the scenario's seed + k (common random numbers).
 *
 * <p>For a metric m and a run, the change over the period is {@code w = m̄(end) − m̄(start)}, the
 * means over the {@code window} steps ending at {@code to} and starting after {@code from}. Per
 * replicate, the value of a coalition is {@code v(S) = w(S) − w(∅)}; the scenario's change
 * {@code w(N)} is then exactly the no-calendar change {@code w(∅)} (the model's own drift) plus the
 * Shapley values of the groups, replicate by replicate. The interaction is
 * {@code v(N) − Σ_g v({g})}: how far the groups' joint effect is from the sum of their effects
 * alone. Every figure is a mean over replicates with a 95 % t interval.
 */
public final class Explanation {

    /** A player: a name and the parameter paths whose calendar entries it holds. */
    public record Group(String name, List<String> paths) {
    }

    /**
     * What to explain.
     *
     * @param set          overrides held in every run (the population's size, say)
     * @param exactLimit   up to this many groups the values are exact (2^n coalitions); beyond, sampled orders
     * @param permutations sampled orders when not exact
     * @param draws        per replicate, parameter values drawn from a posterior (replicate k runs with draw k, in
     *                     every coalition), so the intervals carry the parameters' uncertainty; empty: none
     */
    public record Spec(Scenario scenario, Map<String, JsonNode> set, List<Group> groups, List<String> metrics, int from, int to,
                       int window, int replicates, int exactLimit, int permutations, List<Map<String, JsonNode>> draws) {

        public Spec(Scenario scenario, Map<String, JsonNode> set, List<Group> groups, List<String> metrics, int from, int to,
                    int window, int replicates, int exactLimit, int permutations) {
            this(scenario, set, groups, metrics, from, to, window, replicates, exactLimit, permutations, List.of());
        }

        /** The overrides of replicate k: the held values, then its posterior draw. */
        Map<String, JsonNode> overrides(int k) {
            if (draws.isEmpty()) {
                return set;
            }
            Map<String, JsonNode> o = new LinkedHashMap<>(set);
            o.putAll(draws.get(k));
            return o;
        }
    }

    /** One figure with its interval over replicates. */
    public record Estimate(double mean, double low, double high) {
        static Estimate of(double[] values) {
            PairedDifference d = PairedDifference.of(new double[values.length], values, 0.95);
            return new Estimate(d.meanDiff(), d.ciLow(), d.ciHigh());
        }
    }

    /** A metric's decomposition: start and end of the scenario, its change, the drift, each group's share, the interaction. */
    public record MetricResult(String metric, Estimate start, Estimate end, Estimate total, Estimate drift,
                               Map<String, Estimate> contributions, Estimate interaction, double largestResidual) {
    }

    public record Result(String id, String method, int coalitions, int runs, int ranNow, List<MetricResult> metrics,
                         List<String> report) {
    }

    private Explanation() {
    }

    /** One group per parameter path that the scenario's calendar sets, in order of first appearance. */
    public static List<Group> groupsByPath(Scenario sc) {
        Set<String> paths = new LinkedHashSet<>();
        for (CalendarEntry e : sc.calendar()) {
            collect("", e.set(), paths);
        }
        return paths.stream().map(p -> new Group(p, List.of(p))).toList();
    }

    private static void collect(String prefix, JsonNode n, Set<String> out) {
        if (n.isObject() && !n.isEmpty()) {
            n.properties().forEach(kv -> collect(prefix.isEmpty() ? kv.getKey() : prefix + "." + kv.getKey(), kv.getValue(), out));
        } else {
            out.add(prefix);
        }
    }

    /** The scenario with only the calendar entries of the groups in {@code mask}. */
    static Scenario coalition(Spec spec, int mask) {
        List<String> held = new ArrayList<>();
        for (int g = 0; g < spec.groups().size(); g++) {
            if ((mask & (1 << g)) == 0) {
                held.addAll(spec.groups().get(g).paths());
            }
        }
        return held.isEmpty() ? spec.scenario() : LeverTable.hold(spec.scenario(), false, held).scenario();
    }

    /** The explanation's id: a hash of everything that decides its runs and figures. */
    static String idOf(Spec spec) {
        StringBuilder sb = new StringBuilder(spec.scenario().text()).append('\n').append(RunSpec.canonical(spec.set()));
        spec.draws().forEach(d -> sb.append('\n').append(RunSpec.canonical(d)));
        spec.groups().forEach(g -> sb.append('\n').append(g.name()).append('=').append(g.paths()));
        sb.append('\n').append(spec.metrics()).append(' ').append(spec.from()).append(' ').append(spec.to()).append(' ')
                .append(spec.window()).append(' ').append(spec.replicates()).append(' ').append(spec.exactLimit()).append(' ')
                .append(spec.permutations());
        return spec.scenario().name() + "-explain-" + RunSpec.shortHash(sb.toString());
    }

    public static Result run(Spec spec, ResultStore store, Backend backend, Progress progress) {
        int n = spec.groups().size();
        if (n == 0) {
            throw new IllegalArgumentException("scenario " + spec.scenario().name() + " has no calendar entries to explain");
        }
        if (n > 30) {
            throw new IllegalArgumentException(n + " groups: at most 30 (name fewer groups with --groups)");
        }
        boolean exact = n <= spec.exactLimit();
        List<int[]> orders = exact ? null : Shapley.orders(n, spec.permutations(), spec.scenario().seed());
        List<Integer> masks = Shapley.coalitions(n, orders);
        String id = idOf(spec);
        // the runs: every coalition, every replicate
        Map<String, RunSpec> specs = new LinkedHashMap<>();
        Map<Integer, String[]> runIds = new HashMap<>();
        for (int mask : masks) {
            Scenario sc = coalition(spec, mask);
            String[] ids = new String[spec.replicates()];
            for (int k = 0; k < spec.replicates(); k++) {
                RunSpec rs = RunSpec.of(sc, spec.overrides(k), spec.scenario().seed() + k, spec.scenario().steps());
                ids[k] = rs.runId();
                specs.put(rs.runId(), rs);
            }
            runIds.put(mask, ids);
        }
        // what the store holds already; the rest runs now, each run stored as it finishes
        Map<String, Map<String, double[]>> columns = new HashMap<>();
        List<RunSpec> todo = new ArrayList<>();
        for (RunSpec rs : specs.values()) {
            if (store != null && store.has(rs.runId())) {
                Map<String, double[]> all = store.metrics(rs.runId());
                Map<String, double[]> mine = new HashMap<>();
                spec.metrics().forEach(m -> mine.put(m, all.get(m)));
                columns.put(rs.runId(), mine);
            } else {
                todo.add(rs);
            }
        }
        progress.start("explain " + spec.scenario().name(), specs.size(), specs.size() - todo.size());
        try {
            backend.run(todo, o -> {
                if (!o.ok()) {
                    throw new IllegalStateException("a run failed while explaining " + spec.scenario().name() + ": " + o.error());
                }
                if (store != null) {
                    store.record(o);
                }
                Map<String, double[]> mine = new HashMap<>();
                spec.metrics().forEach(m -> mine.put(m, o.metrics().column(m)));
                columns.put(o.runId(), mine);
                progress.advance(columns.size());
            });
        } finally {
            progress.finish();
        }
        // per metric and replicate: the coalitions' values, the Shapley values, the interaction
        List<MetricResult> results = new ArrayList<>();
        int full = (1 << n) - 1;
        for (String metric : spec.metrics()) {
            int r = spec.replicates();
            double[][] phi = new double[n][r];
            double[] total = new double[r];
            double[] drift = new double[r];
            double[] interaction = new double[r];
            double[] start = new double[r];
            double[] end = new double[r];
            double residual = 0;
            for (int k = 0; k < r; k++) {
                final int kk = k;
                Map<Integer, Double> w = new HashMap<>();
                for (int mask : masks) {
                    double[] col = columns.get(runIds.get(mask)[k]).get(metric);
                    w.put(mask, mean(col, spec.to() - spec.window() + 1, spec.to()) - mean(col, spec.from() + 1, spec.from() + spec.window()));
                }
                double w0 = w.get(0);
                double[] p = exact ? Shapley.exact(n, mask -> w.get(mask) - w0) : Shapley.sampled(n, orders, mask -> w.get(mask) - w0);
                double sum = 0;
                for (int g = 0; g < n; g++) {
                    phi[g][k] = p[g];
                    sum += p[g];
                }
                double[] colN = columns.get(runIds.get(full)[kk]).get(metric);
                start[k] = mean(colN, spec.from() + 1, spec.from() + spec.window());
                end[k] = mean(colN, spec.to() - spec.window() + 1, spec.to());
                total[k] = w.get(full);
                drift[k] = w0;
                residual = Math.max(residual, Math.abs(total[k] - drift[k] - sum));
                if (exact) {
                    double singles = 0;
                    for (int g = 0; g < n; g++) {
                        singles += w.get(1 << g) - w0;
                    }
                    interaction[k] = (total[k] - w0) - singles;
                } else {
                    interaction[k] = Double.NaN;
                }
            }
            Map<String, Estimate> contributions = new LinkedHashMap<>();
            for (int g = 0; g < n; g++) {
                contributions.put(spec.groups().get(g).name(), Estimate.of(phi[g]));
            }
            results.add(new MetricResult(metric, Estimate.of(start), Estimate.of(end), Estimate.of(total), Estimate.of(drift),
                    contributions, exact ? Estimate.of(interaction) : null, residual));
        }
        String method = exact ? "exact Shapley values over all " + masks.size() + " coalitions"
                : "Shapley values estimated from " + spec.permutations() + " sampled orders (" + masks.size() + " coalitions)";
        if (store != null) {
            store(spec, id, method, results, runIds, store);
        }
        return new Result(id, method, masks.size(), specs.size(), todo.size(), results, report(spec, id, method, results, specs.size(), todo.size()));
    }

    private static double mean(double[] col, int from, int to) {
        int a = Math.max(0, from);
        int b = Math.min(col.length - 1, to);
        double s = 0;
        for (int i = a; i <= b; i++) {
            s += col[i];
        }
        return s / (b - a + 1);
    }

    private static void store(Spec spec, String id, String method, List<MetricResult> results, Map<Integer, String[]> runIds,
                              ResultStore store) {
        List<List<Object>> rows = new ArrayList<>();
        for (MetricResult m : results) {
            int order = 0;
            rows.add(row(id, spec, method, m.metric(), order++, "start", m.start()));
            rows.add(row(id, spec, method, m.metric(), order++, "no calendar (drift)", m.drift()));
            for (Map.Entry<String, Estimate> c : m.contributions().entrySet()) {
                rows.add(row(id, spec, method, m.metric(), order++, c.getKey(), c.getValue()));
            }
            if (m.interaction() != null) {
                rows.add(row(id, spec, method, m.metric(), order++, "interaction (joint − sum of alone)", m.interaction()));
            }
            rows.add(row(id, spec, method, m.metric(), order++, "total change", m.total()));
            rows.add(row(id, spec, method, m.metric(), order, "end", m.end()));
        }
        List<List<Object>> runs = new ArrayList<>();
        runIds.forEach((mask, ids) -> {
            for (int k = 0; k < ids.length; k++) {
                runs.add(List.of(id, mask, coalitionLabel(spec, mask), k, ids[k]));
            }
        });
        store.transaction(List.of(
                ResultStore.Batch.of("DELETE FROM explanations WHERE explain_id = ?", id),
                new ResultStore.Batch("INSERT INTO explanations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows),
                ResultStore.Batch.of("DELETE FROM explanation_runs WHERE explain_id = ?", id),
                new ResultStore.Batch("INSERT INTO explanation_runs VALUES (?, ?, ?, ?, ?)", runs)));
    }

    private static List<Object> row(String id, Spec spec, String method, String metric, int order, String part, Estimate e) {
        return List.of(id, spec.scenario().name(), metric, order, part, e.mean(), e.low(), e.high(), spec.replicates(),
                spec.scenario().labelOf(spec.from()), spec.scenario().labelOf(spec.to()), spec.window(), method,
                java.time.Instant.now().toString());
    }

    static String coalitionLabel(Spec spec, int mask) {
        List<String> names = new ArrayList<>();
        for (int g = 0; g < spec.groups().size(); g++) {
            if ((mask & (1 << g)) != 0) {
                names.add(spec.groups().get(g).name());
            }
        }
        return names.isEmpty() ? "(none)" : String.join(" + ", names);
    }

    private static List<String> report(Spec spec, String id, String method, List<MetricResult> results, int runs, int ranNow) {
        List<String> out = new ArrayList<>();
        Scenario sc = spec.scenario();
        out.add(String.format(Locale.ROOT, "Explaining %s from %s to %s: %d groups of calendar entries, %s; %d replicates "
                        + "(seeds %d to %d, common random numbers); %d runs, %d run now",
                sc.name(), sc.labelOf(spec.from()), sc.labelOf(spec.to()), spec.groups().size(), method, spec.replicates(),
                sc.seed(), sc.seed() + spec.replicates() - 1, runs, ranNow));
        if (!spec.draws().isEmpty()) {
            out.add("Replicate k runs with draw k of a calibration's posterior: the intervals carry the parameters' uncertainty too");
        }
        out.add(String.format(Locale.ROOT, "Change of each metric: mean of the %d steps ending at %s minus mean of the %d steps after %s; "
                + "mean over replicates [95 %% t interval]", spec.window(), sc.labelOf(spec.to()), spec.window(), sc.labelOf(spec.from())));
        for (MetricResult m : results) {
            out.add("");
            out.add(m.metric() + ":");
            TextTable t = new TextTable("part", "contribution", "95 % interval");
            t.row("start", m.start().mean(), "");
            t.row("no calendar (the model's drift)", m.drift().mean(), interval(m.drift()));
            for (Map.Entry<String, Estimate> c : m.contributions().entrySet()) {
                t.row(c.getKey(), c.getValue().mean(), interval(c.getValue()));
            }
            t.row("total change", m.total().mean(), interval(m.total()));
            t.row("end", m.end().mean(), "");
            if (m.interaction() != null) {
                t.row("(of which interaction: joint − sum of each alone)", m.interaction().mean(), interval(m.interaction()));
            }
            out.addAll(t.lines());
        }
        out.add("");
        out.add("Explanation id: " + id + " (tables explanations, explanation_runs)");
        return out;
    }

    private static String interval(Estimate e) {
        return "[" + TextTable.number(e.low()) + ", " + TextTable.number(e.high()) + "]";
    }
}
