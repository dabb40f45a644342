package org.officialdom.model.classic;

import java.io.Serializable;
import java.util.List;
import org.officialdom.model.parameter.Param;

/**
 * Parameters of Granovetter's threshold model. Defaults give the paper's riot example: 100 actors
 * with thresholds 0, 1, ..., 99. None is a lever: thresholds are drawn at step 0, so moving them
 * during a run would change nothing (see {@link Granovetter#setParameters}).
 */
public record GranovetterParameters(
        @Param(value = "Number of actors.", unit = "actors", min = 1, max = 2_000_000_000, size = true)
        int population,
        @Param("How thresholds are drawn: sequence (0, 1, ..., N-1), normal (mean, sd; clipped to [0, N] or [0, 1]), uniform (low, high), or list (the values in 'thresholds').")
        Distribution distribution,
        @Param("Whether a threshold is a number of others acting (count) or their share (share).")
        Unit unit,
        @Param(value = "Mean threshold of the normal distribution.", unit = "actors or share, per 'unit'", min = 0)
        double mean,
        @Param(value = "Standard deviation of the normal distribution.", unit = "actors or share, per 'unit'", min = 0)
        double sd,
        @Param(value = "Lower bound of the uniform distribution.", unit = "actors or share, per 'unit'", min = 0)
        double low,
        @Param(value = "Upper bound of the uniform distribution.", unit = "actors or share, per 'unit'", min = 0)
        double high,
        @Param(value = "Explicit thresholds (distribution: list); their number sets the population.", unit = "actors or share, per 'unit'")
        List<Double> thresholds) implements Serializable {

    public static final GranovetterParameters DEFAULTS = new GranovetterParameters(
            100, Distribution.SEQUENCE, Unit.COUNT, 25, 10, 0, 100, List.of());

    public enum Distribution { SEQUENCE, NORMAL, UNIFORM, LIST }

    public enum Unit { COUNT, SHARE }

    public GranovetterParameters {
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        if (distribution == Distribution.LIST && thresholds.isEmpty()) {
            throw new IllegalArgumentException("distribution 'list' needs the thresholds listed in 'thresholds'");
        }
        if (high < low) {
            throw new IllegalArgumentException("'high' (" + high + ") is below 'low' (" + low + ")");
        }
    }

    /** The number of actors actually created. */
    public int actors() {
        return distribution == Distribution.LIST ? thresholds.size() : population;
    }
}
