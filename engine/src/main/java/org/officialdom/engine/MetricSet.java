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

    /** Declares a metric; names must be unique. */
    public MetricSet add(String name, String unit, String description, DoubleSupplier probe) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("metric declared twice: " + name);
        }
        metrics.add(new Metric(name, unit, description, probe));
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
