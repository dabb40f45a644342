package org.officialdom.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.officialdom.engine.Metric;
import org.officialdom.lab.LocalBackend;
import org.officialdom.lab.Progress;
import org.officialdom.lab.analysis.Shapley;
import org.officialdom.lab.experiment.Explanation;
import org.officialdom.model.parameter.ParameterSchema;
import org.officialdom.model.scenario.Scenario;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An explanation asked for in the page: lab's {@link Explanation} (Shapley values over runs with and
 * without each group of the loaded scenario's calendar entries, common random numbers) of the
 * scenario as loaded (its seed, steps and size), kept small enough to wait for: few replicates,
 * few groups, a bounded number of runs. The page draws its result as a waterfall per metric.
 *
 * <p>Groups: one per parameter the calendar sets while there are at most {@link #BY_PATH_UP_TO};
 * beyond, one per parameter section (every {@code study.*} entry together, say), so that the
 * flagship's thirteen paths become six groups and 64 coalitions instead of a sampled estimate.
 */
final class PageExplanation {

    static final int MIN_REPLICATES = 2;
    static final int MAX_REPLICATES = 5;
    static final int BY_PATH_UP_TO = 6;
    static final int EXACT_UP_TO = 8;
    static final int PERMUTATIONS = 16;

    private final Explanation.Spec spec;
    private final int runs;
    private final Map<String, Metric> metrics;

    private PageExplanation(Explanation.Spec spec, int runs, Map<String, Metric> metrics) {
        this.spec = spec;
        this.runs = runs;
        this.metrics = metrics;
    }

    /**
     * The explanation of {@code sc} (as loaded in the page) over its whole run, for {@code metrics},
     * or a refusal naming the limit it passes.
     */
    static PageExplanation plan(Scenario sc, String sizePath, int replicates, List<Metric> metrics, Limits limits) {
        if (replicates < MIN_REPLICATES || replicates > MAX_REPLICATES) {
            throw new WebException(422, "explain: expected " + MIN_REPLICATES + " to " + MAX_REPLICATES
                    + " replicates (intervals need two; the page keeps it small), found " + replicates);
        }
        List<Explanation.Group> groups = groups(sc);
        if (groups.isEmpty()) {
            throw new WebException(422, "explain: the scenario " + sc.name()
                    + " has no calendar entries, so there is nothing to split its change among");
        }
        if (sc.steps() < 2) {
            throw new WebException(422, "explain: expected a run of at least 2 steps (a change needs a start and an end), found "
                    + sc.steps());
        }
        if (metrics.isEmpty()) {
            throw new WebException(422, "explain: the model '" + sc.kind().name() + "' draws no time series to explain");
        }
        // the size the page chose travels as an override: the runs are made from the scenario's text
        Map<String, JsonNode> held = new LinkedHashMap<>();
        if (sizePath != null && groups.stream().noneMatch(g -> g.paths().stream()
                .anyMatch(p -> p.equals(sizePath) || p.startsWith(sizePath + ".") || sizePath.startsWith(p + ".")))) {
            held.put(sizePath, Levers.valueAt(sc.parameterTreeAt(0), sizePath).deepCopy());
        }
        int window = Math.max(1, Math.min(12, sc.steps() / 4));
        Explanation.Spec spec = new Explanation.Spec(sc, held, groups, metrics.stream().map(Metric::name).toList(), 0,
                sc.steps(), window, replicates, EXACT_UP_TO, PERMUTATIONS);
        int n = groups.size();
        int coalitions = Shapley.coalitions(n, n <= EXACT_UP_TO ? null : Shapley.orders(n, PERMUTATIONS, sc.seed())).size();
        long runs = (long) coalitions * replicates;
        if (runs > limits.maxExplainRuns()) {
            throw new WebException(422, "explain: this server makes at most " + limits.maxExplainRuns()
                    + " runs for one explanation; " + n + (n == 1 ? " group" : " groups") + " of calendar entries take " + coalitions + " coalitions × "
                    + replicates + " replicates = " + runs + " runs: use fewer replicates (or officialdom explain)");
        }
        Map<String, Metric> byName = new LinkedHashMap<>();
        metrics.forEach(m -> byName.put(m.name(), m));
        return new PageExplanation(spec, (int) runs, byName);
    }

    /** One group per calendar path while they are few; else one per parameter section. */
    static List<Explanation.Group> groups(Scenario sc) {
        List<Explanation.Group> byPath = Explanation.groupsByPath(sc);
        if (byPath.size() <= BY_PATH_UP_TO) {
            return byPath.stream().map(g -> new Explanation.Group(label(g.name()), g.paths())).toList();
        }
        Map<String, List<String>> sections = new LinkedHashMap<>();
        for (Explanation.Group g : byPath) {
            String path = g.paths().get(0);
            String section = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            sections.computeIfAbsent(section, k -> new ArrayList<>()).add(path);
        }
        List<Explanation.Group> out = new ArrayList<>();
        sections.forEach((section, paths) -> out.add(new Explanation.Group(
                paths.size() == 1 ? label(paths.get(0)) : label(section), List.of(section))));
        return out;
    }

    /** A parameter path as a person reads it: "surveillance: intensity", "recruitment: youth unemployment". */
    static String label(String path) {
        String s = path.replace('_', ' ');
        int dot = s.indexOf('.');
        return dot < 0 ? s : s.substring(0, dot) + ": " + s.substring(dot + 1).replace('.', ' ');
    }

    int runs() {
        return runs;
    }

    /** What the page is told when the explanation starts: its design. */
    ObjectNode design() {
        ObjectNode o = ParameterSchema.MAPPER.createObjectNode();
        o.put("state", "started");
        o.put("runs", runs);
        o.put("replicates", spec.replicates());
        o.put("from", spec.scenario().labelOf(spec.from()));
        o.put("to", spec.scenario().labelOf(spec.to()));
        o.put("window", spec.window());
        ArrayNode gs = o.putArray("groups");
        for (Explanation.Group g : spec.groups()) {
            gs.addObject().put("name", g.name()).set("paths", ParameterSchema.MAPPER.valueToTree(g.paths()));
        }
        return o;
    }

    /**
     * Makes the runs ({@code workers} at a time) and tells {@code tell} its progress and result as
     * "explain" events; stops early, telling nothing more, once {@code cancelled} says so.
     */
    void run(int workers, Consumer<ObjectNode> tell, BooleanSupplier cancelled) {
        tell.accept(design());
        Progress progress = new Progress() {
            long total;

            @Override
            public void start(String label, long total, long done) {
                this.total = total;
            }

            @Override
            public void advance(long done) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("the run was closed");
                }
                tell.accept(ParameterSchema.MAPPER.createObjectNode().put("state", "running").put("done", done).put("total", total));
            }

            @Override
            public void finish() {
            }
        };
        try (LocalBackend backend = new LocalBackend(workers, 1)) {
            Explanation.Result r = Explanation.run(spec, null, backend, progress);
            tell.accept(result(r));
        } catch (CancellationException e) {
            // the session is gone: nobody to tell
        } catch (RuntimeException e) {
            if (cancelled.getAsBoolean() || e.getCause() instanceof CancellationException) {
                return;
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            tell.accept(ParameterSchema.MAPPER.createObjectNode().put("state", "failed").put("message", "explain: " + why));
        }
    }

    /** The result as the page draws it: per metric its start, drift, each group with its interval, interaction, end. */
    ObjectNode result(Explanation.Result r) {
        ObjectNode o = ParameterSchema.MAPPER.createObjectNode();
        o.put("state", "done");
        o.put("method", r.method());
        o.put("runs", r.runs());
        ArrayNode ms = o.putArray("metrics");
        for (Explanation.MetricResult m : r.metrics()) {
            Metric declared = metrics.get(m.metric());
            ObjectNode mo = ms.addObject();
            mo.put("name", m.metric());
            mo.put("unit", declared.unit());
            mo.put("description", declared.description());
            estimate(mo.putObject("start"), m.start());
            estimate(mo.putObject("drift"), m.drift());
            ArrayNode cs = mo.putArray("contributions");
            m.contributions().forEach((name, e) -> estimate(cs.addObject().put("name", name), e));
            if (m.interaction() == null) {
                mo.putNull("interaction");
            } else {
                estimate(mo.putObject("interaction"), m.interaction());
            }
            estimate(mo.putObject("total"), m.total());
            estimate(mo.putObject("end"), m.end());
        }
        return o;
    }

    private static void estimate(ObjectNode o, Explanation.Estimate e) {
        number(o, "mean", e.mean());
        number(o, "low", e.low());
        number(o, "high", e.high());
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
