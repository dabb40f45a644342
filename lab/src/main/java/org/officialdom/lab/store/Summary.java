package org.officialdom.lab.store;

import org.officialdom.engine.MetricTable;

/**
 * Summary of one metric over a run: its final value, and its mean, minimum and maximum over steps
 * 1..T (step 0 is the initial state, before any mechanism acted; a run of 0 steps uses step 0).
 */
public record Summary(double last, double mean, double min, double max) {

    public static Summary of(MetricTable t, String metric) {
        double[] v = t.column(metric);
        int from = v.length > 1 ? 1 : 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < v.length; i++) {
            sum += v[i];
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
        }
        int n = v.length - from;
        return new Summary(v[v.length - 1], sum / n, min, max);
    }

    /** The named statistic: final, mean, min or max. */
    public double get(String statistic) {
        return switch (statistic) {
            case "final" -> last;
            case "mean" -> mean;
            case "min" -> min;
            case "max" -> max;
            default -> throw new IllegalArgumentException("no summary statistic " + statistic);
        };
    }
}
