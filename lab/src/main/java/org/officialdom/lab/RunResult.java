package org.officialdom.lab;

import java.nio.file.Path;
import java.util.List;
import org.officialdom.engine.EventLog;
import org.officialdom.engine.MetricTable;
import org.officialdom.model.scenario.Scenario;

/**
 * What a finished run left behind: its folder, its metrics, the three-line summary, and how fast it
 * went, and what it needs to be recorded in the result store (the scenario as run, the events).
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
        List<EventLog.Event> events) {

    /** This run as an outcome for the result store (no parameter overrides: the scenario as written). */
    public RunOutcome toOutcome(String startedAt) {
        RunSpec spec = RunSpec.of(scenario, java.util.Map.of(), scenario.seed(), scenario.steps());
        return new RunOutcome(spec, spec.runId(), scenario.name(), scenario.kind().name(),
                scenario.parameterTreeAt(0).toString(), RunOutcome.OK, null, metrics, events, summary, agents,
                startedAt, seconds, Version.get());
    }
}
