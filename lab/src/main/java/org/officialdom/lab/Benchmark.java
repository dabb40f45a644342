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
 *
 * <p>A warm-up of {@code w} steps runs the scenario's first {@code w} steps without counting them:
 * the rate and the time per pass are those of the steps after them. On a two-core machine the JIT
 * compiler takes seconds of processor time early in a run, time the model's two threads share with
 * it; a short run counts that time, a warmed-up one does not (as JMH's warm-up iterations do not).
 */
public final class Benchmark {

    /** What one benchmark run measured; the step figures are those after {@code warmupSteps}. */
    public record Result(long agents, int steps, int warmupSteps, int threads, double initSeconds, double warmupSeconds,
                         double stepSeconds, long agentSteps, long bytesPerAgent, long peakHeapBytes,
                         Map<String, Double> passSeconds) {

        public double agentStepsPerSecond() {
            return stepSeconds > 0 ? agentSteps / stepSeconds : 0;
        }
    }

    private Benchmark() {
    }

    /** The whole run timed, without a warm-up. */
    public static Result run(Scenario sc, int threads, Progress progress) {
        return run(sc, threads, 0, progress);
    }

    /**
     * Runs the scenario's steps; the first {@code warmup} (0 to steps − 1) are run but not counted.
     */
    public static Result run(Scenario sc, int threads, int warmup, Progress progress) {
        if (warmup < 0 || warmup >= Math.max(1, sc.steps())) {
            throw new IllegalArgumentException("warm-up of " + warmup + " steps for a run of " + sc.steps());
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        sc.footprintWithin(Runner.heapForOneRun(), "this Java heap");
        long t0 = System.nanoTime();
        Model model = sc.kind().create(sc.parametersAt(0));
        try (Simulation sim = new Simulation(model, sc.seed(), threads)) {
            long t1 = System.nanoTime();
            long warmed = t1;
            Map<String, Long> atWarm = new LinkedHashMap<>(sim.passNanos());
            long agentSteps = 0;
            progress.start(sc.name(), sc.steps(), 0);
            while (sim.stepNumber() < sc.steps()) {
                long next = sim.stepNumber() + 1;
                if (!sc.changesAt(next).isEmpty()) {
                    sc.kind().update(model, sc.parametersAt(next));
                }
                if (next > warmup) {
                    agentSteps += model.agents();
                }
                sim.step();
                progress.advance(sim.stepNumber());
                if (sim.stepNumber() == warmup) {
                    warmed = System.nanoTime();
                    atWarm = new LinkedHashMap<>(sim.passNanos());
                }
            }
            long t2 = System.nanoTime();
            progress.finish();
            Map<String, Double> passes = new LinkedHashMap<>();
            Map<String, Long> before = atWarm;
            sim.passNanos().forEach((k, v) -> passes.put(k, (v - before.getOrDefault(k, 0L)) / 1e9));
            return new Result(model.agents(), sc.steps(), warmup, threads, (t1 - t0) / 1e9, (warmed - t1) / 1e9,
                    (t2 - warmed) / 1e9, agentSteps, model.bytesPerAgent(), peakHeap(), passes);
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
