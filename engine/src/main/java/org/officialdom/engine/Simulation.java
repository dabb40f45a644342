package org.officialdom.engine;

import java.io.IOException;
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
public final class Simulation implements AutoCloseable {

    private final Model model;
    private final RandomStreams streams;
    private MetricTable metrics;
    private long step;

    private Parallel parallel;
    private List<Pass> passes;
    private MetricSet metricSet;
    private Map<String, Long> passNanos;
    private boolean checking;

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

    /** A run read from a checkpoint: nothing is initialised; {@link #load} fills it. */
    private Simulation(Model model, RandomStreams streams, int threads) {
        this.model = model;
        this.streams = streams;
        this.parallel = new Parallel(threads);
    }

    /**
     * Writes the run to a checkpoint's body, section by section: the step, the random streams, the
     * model's state, the metrics collected so far and the events of tracked agents.
     */
    void save(CheckpointWriter out) throws IOException {
        out.section("simulation");
        out.putLong("step", step);
        out.section("random");
        streams.save(out);
        out.section("model");
        model.save(out);
        out.section("metrics");
        metrics.save(out);
        out.section("events");
        EventLog events = model.events();
        out.putBoolean("kept", events != null);
        if (events != null) {
            events.save(out);
        }
        out.section("end");
    }

    /**
     * Reads what {@link #save} wrote into {@code model} (built, not initialised); the header gave
     * {@code seed} and {@code step}. The metrics read must be those the model declares.
     */
    static Simulation load(CheckpointReader in, Model model, long seed, long step, int threads) throws IOException {
        in.section("simulation");
        long stored = in.getLong("step");
        if (stored != step) {
            throw in.refused("step", "the step of the header, " + step, String.valueOf(stored));
        }
        in.section("random");
        Simulation sim = new Simulation(model, RandomStreams.load(in, seed), threads);
        try {
            in.section("model");
            model.load(in, sim);
            sim.bind();
            in.section("metrics");
            sim.metrics = new MetricTable(sim.metricSet.list());
            sim.metrics.load(in);
            in.section("events");
            EventLog events = model.events();
            boolean kept = in.getBoolean("kept");
            if (kept != (events != null)) {
                throw in.refused("kept", events != null ? "the events the model keeps" : "no events (the model keeps none)",
                        kept ? "events" : "none");
            }
            if (events != null) {
                events.load(in);
            }
            in.section("end");
            sim.step = step;
            return sim;
        } catch (IOException | RuntimeException e) {
            sim.close();
            throw e;
        }
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
     * Checking mode: after every step, every metric must be finite, every metric whose unit declares
     * a range ({@link #rangeOf}: shares, percents, "(0-1)") must lie in it, and the model's own
     * invariants must hold; otherwise the step
     * throws {@link InvariantViolation}.
     */
    public void setChecking(boolean on) {
        this.checking = on;
    }

    /**
     * The range a metric's unit declares, or null: "share" and "… (0-1)" lie in [0, 1], "percent"
     * in [0, 100], "… (a-b)" in [a, b].
     */
    static double[] rangeOf(String unit) {
        if ("share".equals(unit)) {
            return new double[] {0, 1};
        }
        if ("percent".equals(unit)) {
            return new double[] {0, 100};
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((-?[0-9.]+)-([0-9.]+)\\)$").matcher(unit);
        return m.find() ? new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))} : null;
    }

    /** What checking mode checks after every step, in words, for the run's report. */
    public List<String> checks() {
        var declared = metricSet.list();
        Map<String, List<String>> byRange = new java.util.TreeMap<>();
        for (Metric m : declared) {
            double[] r = rangeOf(m.unit());
            if (r != null) {
                byRange.computeIfAbsent(String.format(java.util.Locale.ROOT, "[%s, %s]", plain(r[0]), plain(r[1])),
                        k -> new java.util.ArrayList<>()).add(m.name());
            }
        }
        List<String> out = new java.util.ArrayList<>();
        out.add("every one of the " + declared.size() + " metrics finite (no NaN, no infinity)");
        byRange.forEach((range, names) -> out.add("in " + range + ": " + String.join(", ", names)));
        out.add("the model's own invariants (" + model.getClass().getSimpleName() + ".invariantViolations)");
        return out;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private void check(double[] row) {
        var declared = metricSet.list();
        for (int i = 0; i < row.length; i++) {
            Metric m = declared.get(i);
            if (!Double.isFinite(row[i])) {
                throw new InvariantViolation(step, "metric " + m.name() + " is " + row[i]);
            }
            double[] range = rangeOf(m.unit());
            if (range != null && (row[i] < range[0] || row[i] > range[1])) {
                throw new InvariantViolation(step, ("share".equals(m.unit()) ? "share " : "metric ") + m.name() + " is " + row[i]
                        + ", outside [" + plain(range[0]) + ", " + plain(range[1]) + "]");
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

    @Override
    public void close() {
        if (parallel != null) {
            parallel.close();
        }
    }
}
