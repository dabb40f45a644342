package org.officialdom.lab;

import java.nio.file.Path;
import java.util.List;
import org.officialdom.engine.EventLog;
import org.officialdom.engine.MetricTable;
import org.officialdom.model.scenario.Scenario;

/**
 * What a finished run left behind: its folder, its metrics, the three-line summary, and how fast it
 * went, and what it needs to be recorded in the result store (the scenario as run, the events, the
 * id it is stored under, kept across a resume); {@code checks} says what {@code --check} checked.
 */
public record RunResult(
        Path folder,
        MetricTable metrics,
        List<String> summary,
        long agents,
        long bytesPerAgent,
        long stepsRun,
        double seconds,
        double agentStepsPerSecond,
        Scenario scenario,
        List<EventLog.Event> events,
        String runId,
        List<String> checks) {

    /** The id a run of this scenario is stored under: --set overrides are part of it. */
    static String idOf(Scenario sc) {
        return RunSpec.of(sc, overridesOf(sc), sc.seed(), sc.steps()).runId();
    }

    /**
     * This run as an outcome for the result store. Parameters changed on the command line
     * ({@code --set}) become the spec's overrides, so that they are part of the run's id.
     */
    public RunOutcome toOutcome(String startedAt) {
        RunSpec spec = RunSpec.of(scenario, overridesOf(scenario), scenario.seed(), scenario.steps());
        return new RunOutcome(spec, runId == null ? spec.runId() : runId, scenario.name(), scenario.kind().name(),
                scenario.parameterTreeAt(0).toString(), RunOutcome.OK, null, metrics, events, summary, agents,
                startedAt, seconds, Version.get());
    }

    /** Dotted paths whose value differs between the scenario's text and the parameters it ran with. */
    static java.util.Map<String, tools.jackson.databind.JsonNode> overridesOf(Scenario sc) {
        Scenario written = org.officialdom.model.scenario.ScenarioLoader.parse(sc.text(), sc.source());
        java.util.Map<String, tools.jackson.databind.JsonNode> before = new java.util.TreeMap<>();
        java.util.Map<String, tools.jackson.databind.JsonNode> after = new java.util.TreeMap<>();
        flatten(written.parameterTreeAt(0), "", before);
        flatten(sc.parameterTreeAt(0), "", after);
        java.util.Map<String, tools.jackson.databind.JsonNode> diff = new java.util.TreeMap<>();
        after.forEach((k, v) -> {
            if (!v.equals(before.get(k))) {
                diff.put(k, v);
            }
        });
        return diff;
    }

    private static void flatten(tools.jackson.databind.JsonNode node, String path,
                                java.util.Map<String, tools.jackson.databind.JsonNode> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else {
            out.put(path, node);
        }
    }
}
