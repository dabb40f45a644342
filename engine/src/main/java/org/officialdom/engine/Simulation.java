package org.officialdom.engine;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.officialdom.engine.random.RandomStreams;

/**
 * The state of one run (MASON's SimState): the model, the step counter, the random streams and the
 * metrics collected so far. Everything a run needs to continue hangs off this object, so writing
 * it to a {@link Checkpoint} and reading it back resumes the run exactly.
 *
 * <p>The thread pool is not part of the state: a resumed run may use another thread count and still
 * produce the same bits.
 */
public final class Simulation implements Serializable, AutoCloseable {

    private final Model model;
    private final RandomStreams streams;
    private final MetricTable metrics;
    private long step;

    private transient Parallel parallel;
    private transient List<Pass> passes;
    private transient MetricSet metricSet;
    private transient Map<String, Long> passNanos;
    private transient boolean checking;

    /** Creates the run, initialises the model and records the metrics of step 0. */
    public Simulation(Model model, long seed, int threads) {
        this.model = model;
        this.streams = new RandomStreams(seed);
        this.parallel = new Parallel(threads);
        model.init(this);
        bind();
        this.metrics = new MetricTable(metricSet.list());
        metrics.record(0, metricSet.measure());
    }

    private void bind() {
        this.passes = model.passes();
        this.metricSet = model.metrics();
        // a page chart naming a metric that is not declared fails every run, not only the page
        metricSet.pages();
        this.passNanos = new LinkedHashMap<>();
        for (Pass p : passes) {
            passNanos.put(p.name(), 0L);
        }
    }

    /** Runs one step: every pass in order, then measures the metrics. */
    public void step() {
        step++;
        for (Pass p : passes) {
            long t0 = System.nanoTime();
            p.run(this);
            passNanos.merge(p.name(), System.nanoTime() - t0, Long::sum);
        }
        double[] row = metricSet.measure();
        metrics.record(step, row);
        if (checking) {
            check(row);
        }
    }

    /**
     * Checking mode: after every step, every metric must be finite, every metric whose unit is
     * "share" must lie in [0, 1], and the model's own invariants must hold; otherwise the step
     * throws {@link InvariantViolation}.
     */
    public void setChecking(boolean on) {
        this.checking = on;
    }

    private void check(double[] row) {
        var declared = metricSet.list();
        for (int i = 0; i < row.length; i++) {
            Metric m = declared.get(i);
            if (!Double.isFinite(row[i])) {
                throw new InvariantViolation(step, "metric " + m.name() + " is " + row[i]);
            }
            if ("share".equals(m.unit()) && (row[i] < 0 || row[i] > 1)) {
                throw new InvariantViolation(step, "share " + m.name() + " is " + row[i] + ", outside [0, 1]");
            }
        }
        List<String> broken = model.invariantViolations();
        if (!broken.isEmpty()) {
            throw new InvariantViolation(step, String.join("; ", broken));
        }
    }

    /** Runs until {@link #step()} reaches {@code lastStep}. */
    public void runTo(long lastStep) {
        while (step < lastStep) {
            step();
        }
    }

    /** The step just completed (0 before the first step). */
    public long stepNumber() {
        return step;
    }

    public long seed() {
        return streams.seed();
    }

    public RandomStreams streams() {
        return streams;
    }

    public Parallel parallel() {
        return parallel;
    }

    public Model model() {
        return model;
    }

    public MetricTable metrics() {
        return metrics;
    }

    public MetricSet declaredMetrics() {
        return metricSet;
    }

    /** Wall time spent in each pass so far, in nanoseconds, in pass order. */
    public Map<String, Long> passNanos() {
        return new LinkedHashMap<>(passNanos);
    }

    /** Swaps the thread pool (after a checkpoint is read, or to change the thread count). */
    public void useThreads(int threads) {
        if (parallel != null) {
            parallel.close();
        }
        parallel = new Parallel(threads);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        bind();
    }

    @Override
    public void close() {
        if (parallel != null) {
            parallel.close();
        }
    }
}
