package org.officialdom.lab;

import java.nio.file.Path;
import java.util.List;
import org.officialdom.engine.MetricTable;

/**
 * What a finished run left behind: its folder, its metrics, the three-line summary, and how fast it
 * went.
 */
public record RunResult(
        Path folder,
        MetricTable metrics,
        List<String> summary,
        long agents,
        long bytesPerAgent,
        long stepsRun,
        double seconds,
        double agentStepsPerSecond) {
}
