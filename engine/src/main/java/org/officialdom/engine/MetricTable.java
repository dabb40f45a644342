package org.officialdom.engine;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics collected during a run: one row per observed step, one column per declared metric.
 * Serializable because a cluster back end ships a finished run's table (in its outcome) to the
 * driver; checkpoints write it as typed fields ({@link #save}).
 */
public final class MetricTable implements java.io.Serializable {

    private final List<String> names = new ArrayList<>();
    private final List<String> units = new ArrayList<>();
    private final List<String> descriptions = new ArrayList<>();
    private final List<String> charts = new ArrayList<>();
    private final List<String> styles = new ArrayList<>();
    private final List<Long> steps = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();

    public MetricTable(List<Metric> declared) {
        for (Metric m : declared) {
            names.add(m.name());
            units.add(m.unit());
            descriptions.add(m.description());
            charts.add(m.chart());
            styles.add(m.style().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    public void record(long step, double[] row) {
        if (row.length != names.size()) {
            throw new IllegalArgumentException("row has " + row.length + " values for " + names.size() + " metrics");
        }
        steps.add(step);
        rows.add(row.clone());
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    public List<String> units() {
        return List.copyOf(units);
    }

    public List<String> descriptions() {
        return List.copyOf(descriptions);
    }

    /** The chart each metric is drawn in (its own name when alone). */
    public List<String> charts() {
        return List.copyOf(charts);
    }

    /** The style of each metric's chart: lines, stacked or band. */
    public List<String> styles() {
        return List.copyOf(styles);
    }

    public int rowCount() {
        return rows.size();
    }

    public long step(int row) {
        return steps.get(row);
    }

    public double value(int row, int column) {
        return rows.get(row)[column];
    }

    /** Values of one metric over all rows. */
    public double[] column(String name) {
        int c = names.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no metric '" + name + "'");
        }
        double[] out = new double[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = rows.get(r)[c];
        }
        return out;
    }

    /** The last recorded value of a metric. */
    public double last(String name) {
        int c = names.indexOf(name);
        if (c < 0 || rows.isEmpty()) {
            throw new IllegalArgumentException("no value for metric '" + name + "'");
        }
        return rows.get(rows.size() - 1)[c];
    }

    /** Drops rows after {@code step} (used when a run resumes from a checkpoint). */
    public void truncateAfter(long step) {
        while (!steps.isEmpty() && steps.get(steps.size() - 1) > step) {
            steps.remove(steps.size() - 1);
            rows.remove(rows.size() - 1);
        }
    }

    /** Writes CSV: a header {@code step,<metric>...}, then one line per row. */
    public void writeCsv(Writer out) throws IOException {
        out.write("step");
        for (String n : names) {
            out.write(',');
            out.write(n);
        }
        out.write('\n');
        StringBuilder line = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            line.setLength(0);
            line.append(steps.get(r));
            for (double v : rows.get(r)) {
                line.append(',').append(format(v));
            }
            line.append('\n');
            out.write(line.toString());
        }
    }

    /** Shortest exact text for a double; integral values without a decimal point. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Writes the metric names, the steps recorded and their values (row after row) to a checkpoint. */
    void save(CheckpointWriter out) throws IOException {
        out.putStrings("names", names);
        long[] st = new long[steps.size()];
        double[] values = new double[Math.multiplyExact(rows.size(), names.size())];
        for (int r = 0; r < st.length; r++) {
            st[r] = steps.get(r);
            System.arraycopy(rows.get(r), 0, values, r * names.size(), names.size());
        }
        out.putLongs("steps", st);
        out.putDoubles("values", values);
    }

    /** Reads what {@link #save} wrote into this table, which must declare the same metrics and hold no rows yet. */
    void load(CheckpointReader in) throws IOException {
        List<String> found = in.getStrings("names");
        if (!found.equals(names)) {
            throw in.refused("names", "the " + names.size() + " metrics the model declares " + names,
                    found.size() + " metrics " + found);
        }
        long[] st = in.getLongs("steps");
        long cells = (long) st.length * names.size();
        if (cells > Integer.MAX_VALUE - 8) {
            throw in.refused("steps", "at most " + (Integer.MAX_VALUE - 8) / Math.max(1, names.size()) + " rows", String.valueOf(st.length));
        }
        double[] values = in.getDoubles("values", (int) cells, 0);
        for (int r = 0; r < st.length; r++) {
            steps.add(st[r]);
            rows.add(java.util.Arrays.copyOfRange(values, r * names.size(), (r + 1) * names.size()));
        }
    }
}
