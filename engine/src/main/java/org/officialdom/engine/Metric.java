package org.officialdom.engine;

import java.util.function.DoubleSupplier;

/**
 * A declared output: its name (a column name: lower case and underscores), its unit, a one-line
 * description, and the probe that reads its current value from the model. The CSV file, the
 * result store, the report and the web page all take labels and units from here.
 */
public record Metric(String name, String unit, String description, DoubleSupplier probe) {

    public Metric {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("metric name must be lower case with underscores: " + name);
        }
    }
}
