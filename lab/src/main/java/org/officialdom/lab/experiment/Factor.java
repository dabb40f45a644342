package org.officialdom.lab.experiment;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A parameter an experiment varies: its dotted path, and either explicit levels or a numeric range.
 *
 * @param levels  values to try, or empty when the factor has a range
 * @param min     low end of the range (NaN with levels)
 * @param max     high end of the range (NaN with levels)
 * @param integer whether the parameter is a whole number (values from a range are rounded)
 */
public record Factor(String path, List<JsonNode> levels, double min, double max, boolean integer) {

    public boolean hasRange() {
        return levels.isEmpty();
    }

    /** The value at position {@code u} in [0, 1] of the range. */
    public double at(double u) {
        double v = min + u * (max - min);
        return integer ? Math.round(v) : v;
    }
}
