package org.officialdom.lab;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.officialdom.engine.Model;
import org.officialdom.engine.Simulation;
import org.officialdom.model.scenario.Scenario;

/**
 * A whole-run benchmark: builds the scenario's model, times initialisation and every pass of every
 * step, and reports agent-steps per second (agents alive at the start of each step, summed over
 * steps, divided by the seconds spent stepping), bytes per agent and the peak heap. Nothing is
 * written to disk.
 */
public final class Benchmark {

    /** What one benchmark run measured. */
    public record Result(long agents, int steps, int threads, double initSeconds, double stepSeconds,
                         long agentSteps, long bytesPerAgent, long peakHeapBytes, Map<String, Double> passSeconds) {

        public double agentStepsPerSecond() {
            return stepSeconds > 0 ? agentSteps / stepSeconds : 0;
        }
    }

    private Benchmark() {
    }

    public static Result run(Scenario sc, int threads, Progress progress) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long t0 = System.nanoTime();
        Model model = sc.kind().create(sc.parametersAt(0));
        try (Simulation sim = new Simulation(model, sc.seed(), threads)) {
            long t1 = System.nanoTime();
            long agentSteps = 0;
            progress.start(sc.name(), sc.steps(), 0);
            while (sim.stepNumber() < sc.steps()) {
                long next = sim.stepNumber() + 1;
                if (!sc.changesAt(next).isEmpty()) {
                    sc.kind().update(model, sc.parametersAt(next));
                }
                agentSteps += model.agents();
                sim.step();
                progress.advance(sim.stepNumber());
            }
            long t2 = System.nanoTime();
            progress.finish();
            Map<String, Double> passes = new LinkedHashMap<>();
            sim.passNanos().forEach((k, v) -> passes.put(k, v / 1e9));
            return new Result(model.agents(), sc.steps(), threads, (t1 - t0) / 1e9, (t2 - t1) / 1e9, agentSteps,
                    model.bytesPerAgent(), peakHeap(), passes);
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
