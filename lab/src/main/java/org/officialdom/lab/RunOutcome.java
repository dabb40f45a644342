package org.officialdom.lab;

import java.io.Serializable;
import java.util.List;
import org.officialdom.engine.EventLog;
import org.officialdom.engine.MetricTable;

/**
 * What one run produced, in memory: its metrics, the events of tracked agents and its summary, or
 * the error that stopped it. Serializable so that a cluster back end can ship it to the driver.
 *
 * @param status  {@link #OK} or {@link #FAILED}
 * @param error   the error message of a failed run, else null
 * @param metrics null for a failed run
 */
public record RunOutcome(
        RunSpec spec,
        String runId,
        String scenario,
        String model,
        String parameters,
        String status,
        String error,
        MetricTable metrics,
        List<EventLog.Event> events,
        List<String> summary,
        long agents,
        String startedAt,
        double seconds,
        String version) implements Serializable {

    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public boolean ok() {
        return OK.equals(status);
    }
}
