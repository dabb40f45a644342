package org.officialdom.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;

/** The ordered list of metrics a model declares. */
public final class MetricSet {

    private final List<Metric> metrics = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private String chart;
    private Metric.ChartStyle style;

    /**
     * Metrics added after this call are drawn together in one chart with this title, until the
     * next call of {@code chart} or {@link #alone()}.
     */
    public MetricSet chart(String title, Metric.ChartStyle style) {
        this.chart = title;
        this.style = style;
        return this;
    }

    /** Metrics added after this call each get a chart of their own (the default). */
    public MetricSet alone() {
        this.chart = null;
        this.style = null;
        return this;
    }

    /** Declares a metric; names must be unique. */
    public MetricSet add(String name, String unit, String description, DoubleSupplier probe) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("metric declared twice: " + name);
        }
        metrics.add(new Metric(name, unit, description, probe, chart, style));
        return this;
    }

    public List<Metric> list() {
        return Collections.unmodifiableList(metrics);
    }

    public int size() {
        return metrics.size();
    }

    /** Reads every probe, in declaration order. */
    public double[] measure() {
        double[] row = new double[metrics.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = metrics.get(i).probe().getAsDouble();
        }
        return row;
    }
}
