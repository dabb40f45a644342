package org.officialdom.engine;

import java.util.function.DoubleSupplier;

/**
 * A declared output: its name (a column name: lower case and underscores), its unit, a one-line
 * description, the probe that reads its current value from the model, and the chart it is drawn in
 * (metrics that share a chart title are drawn together, in the chart's style). The CSV file, the
 * result store, the report and the web page all take labels and units from here.
 */
public record Metric(String name, String unit, String description, DoubleSupplier probe, String chart, ChartStyle style) {

    /** How the metrics of one chart are drawn together. */
    public enum ChartStyle {
        /** One line per metric. */
        LINES,
        /** Areas stacked on each other (shares of a whole, such as the EVLN mix). */
        STACKED,
        /** The first metric is the central line (a mean, say); the others are quantiles drawn faintly around it. */
        BAND,
        /**
         * One bar per metric, its latest value (the organisation now). Only for the live page's charts
         * ({@link MetricSet#page}): a report chart draws a whole run over time, so a metric, the
         * stored tables and the report never carry it.
         */
        BARS
    }

    public Metric {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("metric name must be lower case with underscores: " + name);
        }
        if (chart == null || chart.isBlank()) {
            chart = name;
        }
        if (style == null) {
            style = ChartStyle.LINES;
        }
        if (style == ChartStyle.BARS) {
            throw new IllegalArgumentException("metric " + name + ": BARS is a style of the live page's charts only (MetricSet.page), not of a report chart");
        }
    }

    /** A metric drawn in a chart of its own. */
    public Metric(String name, String unit, String description, DoubleSupplier probe) {
        this(name, unit, description, probe, name, ChartStyle.LINES);
    }
}
