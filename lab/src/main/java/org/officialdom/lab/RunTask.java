package org.officialdom.lab;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.officialdom.engine.Model;
import org.officialdom.engine.Simulation;
import org.officialdom.model.parameter.ParameterSchema;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes one run in memory, from a {@link RunSpec} alone: the unit of work every back end runs. A run
 * that throws becomes a failed outcome carrying its message, so one bad design point does not stop
 * an experiment.
 */
public final class RunTask {

    private static final Map<String, Scenario> PARSED = new ConcurrentHashMap<>();

    private RunTask() {
    }

    /** Runs the spec on {@code threads} worker threads (results do not depend on it). */
    public static RunOutcome execute(RunSpec spec, int threads) {
        String started = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        long t0 = System.nanoTime();
        Scenario sc = null;
        String params = null;
        try {
            sc = scenario(spec);
            params = sc.parameterTreeAt(0).toString();
            // refused before anything is allocated, and stored as a failed run with the reason
            sc.footprintWithin(Runner.heapForOneRun(), "this Java heap");
            Model model = sc.kind().create(sc.parametersAt(0));
            try (Simulation sim = new Simulation(model, sc.seed(), threads)) {
                while (sim.stepNumber() < sc.steps()) {
                    Runner.stepOnce(sc, sim);
                }
                var events = sim.model().events() == null ? List.<org.officialdom.engine.EventLog.Event>of()
                        : sim.model().events().events();
                return new RunOutcome(spec, spec.runId(), sc.name(), sc.kind().name(), params, RunOutcome.OK, null,
                        sim.metrics(), events, sim.model().summary(sim.metrics()), sim.model().agents(), started,
                        (System.nanoTime() - t0) / 1e9, Version.get());
            }
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            return new RunOutcome(spec, spec.runId(), sc == null ? "?" : sc.name(), sc == null ? "?" : sc.kind().name(),
                    params, RunOutcome.FAILED, msg, null, List.of(), List.of(), 0, started,
                    (System.nanoTime() - t0) / 1e9, Version.get());
        }
    }

    /** The scenario of a spec: its text parsed (once per text), overrides applied, seed and steps set. */
    public static Scenario scenario(RunSpec spec) {
        Scenario base = PARSED.computeIfAbsent(spec.scenarioSource() + "\n" + spec.scenarioText(),
                k -> ScenarioLoader.parse(spec.scenarioText(), spec.scenarioSource()));
        return withOverrides(base, spec.overrideMap()).with(spec.seed(), spec.steps());
    }

    /** The scenario with dotted parameter overrides merged into its parameters. */
    public static Scenario withOverrides(Scenario base, Map<String, JsonNode> overrides) {
        if (overrides.isEmpty()) {
            return base;
        }
        ObjectNode params = base.parameters().deepCopy();
        ParameterSchema.merge(params, tree(overrides));
        return new Scenario(base.name(), base.title(), base.description(), base.kind(), base.seed(), base.steps(),
                base.start(), params, base.calendar(), base.source(), base.text());
    }

    /** Dotted paths to a nested tree: {@code {"a.b": 1}} becomes {@code {"a": {"b": 1}}}. */
    public static ObjectNode tree(Map<String, JsonNode> dotted) {
        ObjectNode set = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> kv : dotted.entrySet()) {
            ObjectNode at = set;
            String[] parts = kv.getKey().split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode child = at.get(parts[i]);
                at = child instanceof ObjectNode o ? o : at.putObject(parts[i]);
            }
            at.set(parts[parts.length - 1], kv.getValue());
        }
        return set;
    }
}
