package org.officialdom.engine;

import java.io.Serializable;
import java.util.List;

/**
 * A declared view of the state at the end of a run as a table of numbers: rows by columns (levels
 * by sectors of an organisation, say), with a name, a unit and a description, like a metric. The
 * report draws it as a heat map; the runner writes it to {@code matrices.json}.
 */
public record Matrix(String name, String unit, String description, List<String> rows, List<String> columns,
                     double[][] values) implements Serializable {

    public Matrix {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        if (values.length != rows.size()) {
            throw new IllegalArgumentException("matrix " + name + ": " + values.length + " rows of values for " + rows.size() + " labels");
        }
        for (double[] r : values) {
            if (r.length != columns.size()) {
                throw new IllegalArgumentException("matrix " + name + ": a row of " + r.length + " values for " + columns.size() + " columns");
            }
        }
    }
}
