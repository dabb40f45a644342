package org.officialdom.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * The ordered list of metrics a model declares, and the charts its live page shows ({@link #page}).
 * Report charts are declared with the metrics ({@link #chart}); page charts name metrics declared
 * anywhere in the set and are checked when read, so that renaming a metric breaks a test instead of
 * silently dropping a chart.
 */
public final class MetricSet {

    /** A chart of the live page: its title, how it is drawn, and its metrics in the order named. */
    public record PageChart(String title, Metric.ChartStyle style, List<Metric> metrics) {
        public PageChart {
            metrics = List.copyOf(metrics);
        }
    }

    private record PageDeclaration(String title, Metric.ChartStyle style, List<String> names) {
    }

    private final List<Metric> metrics = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final List<PageDeclaration> pages = new ArrayList<>();
    private String chart;
    private Metric.ChartStyle style;

    /**
     * Metrics added after this call are drawn together in one chart with this title, until the
     * next call of {@code chart} or {@link #alone()}.
     */
    public MetricSet chart(String title, Metric.ChartStyle style) {
        if (style == Metric.ChartStyle.BARS) {
            throw new IllegalArgumentException("chart '" + title + "': BARS is a style of the live page's charts only (page), not of a report chart");
        }
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

    /**
     * Declares a chart of the live page, shown in declaration order. The names may be declared
     * before or after this call; {@link #pages()} refuses a name that is not declared by then.
     */
    public MetricSet page(String title, Metric.ChartStyle style, String... metricNames) {
        return page(title, style, List.of(metricNames));
    }

    /** As {@link #page(String, Metric.ChartStyle, String...)}, with the names as a list. */
    public MetricSet page(String title, Metric.ChartStyle style, List<String> metricNames) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("page chart: expected a title, found none");
        }
        if (style == null) {
            throw new IllegalArgumentException("page chart '" + title + "': expected a style, found none");
        }
        if (metricNames.isEmpty()) {
            throw new IllegalArgumentException("page chart '" + title + "': expected at least one metric, found none");
        }
        if (pages.stream().anyMatch(p -> p.title().equals(title))) {
            throw new IllegalArgumentException("page chart declared twice: " + title);
        }
        if (new HashSet<>(metricNames).size() != metricNames.size()) {
            throw new IllegalArgumentException("page chart '" + title + "': a metric is named twice in " + metricNames);
        }
        pages.add(new PageDeclaration(title, style, List.copyOf(metricNames)));
        return this;
    }

    /** The names of the metrics declared so far in the report chart with this title, in order. */
    public List<String> inChart(String title) {
        return metrics.stream().filter(m -> m.chart().equals(title)).map(Metric::name).toList();
    }

    /**
     * The live page's charts, in declaration order; empty if the model declares none.
     *
     * @throws IllegalArgumentException if a page chart names a metric the set does not declare
     */
    public List<PageChart> pages() {
        Map<String, Metric> byName = new HashMap<>();
        metrics.forEach(m -> byName.put(m.name(), m));
        List<PageChart> out = new ArrayList<>();
        for (PageDeclaration p : pages) {
            List<Metric> ms = new ArrayList<>();
            for (String n : p.names()) {
                Metric m = byName.get(n);
                if (m == null) {
                    throw new IllegalArgumentException("page chart '" + p.title() + "' names metric '" + n
                            + "', which is not declared");
                }
                ms.add(m);
            }
            out.add(new PageChart(p.title(), p.style(), ms));
        }
        return out;
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
