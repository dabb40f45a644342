package org.officialdom.model.classic;

import java.util.List;
import org.officialdom.model.parameter.Param;
import org.officialdom.model.parameter.ParameterProblem;

/**
 * Parameters of Granovetter's threshold model. Defaults give the paper's riot example: 100 actors
 * with thresholds 0, 1, ..., 99. None is a lever: thresholds are drawn at step 0, so moving them
 * during a run would change nothing (see {@link Granovetter#setParameters}).
 *
 * <p>A threshold below zero would mean the same as zero (act at once), so {@code low} stays at or
 * above zero; a crowd with instigators is written with {@code instigators}, or with
 * {@code discrete_uniform}, whose whole-number thresholds include 0.
 */
public record GranovetterParameters(
        @Param(value = "Number of actors.", unit = "actors", min = 1, max = 2_000_000_000, size = true)
        int population,
        @Param("How thresholds are drawn: sequence (0, 1, ..., N-1), normal (mean, sd; clipped to [0, N] or [0, 1]), uniform (continuous on [low, high)), discrete_uniform (the whole numbers low, low+1, ..., high, each equally likely; count unit only), or list (the values in 'thresholds').")
        Distribution distribution,
        @Param("Whether a threshold is a number of others acting (count) or their share (share).")
        Unit unit,
        @Param(value = "Mean threshold of the normal distribution.", unit = "actors or share, per 'unit'", min = 0)
        double mean,
        @Param(value = "Standard deviation of the normal distribution.", unit = "actors or share, per 'unit'", min = 0)
        double sd,
        @Param(value = "Lower bound of the uniform distributions.", unit = "actors or share, per 'unit'", min = 0)
        double low,
        @Param(value = "Upper bound of the uniform distributions (excluded for uniform, included for discrete_uniform).", unit = "actors or share, per 'unit'", min = 0)
        double high,
        @Param(value = "Explicit thresholds (distribution: list); their number sets the population.", unit = "actors or share, per 'unit'")
        List<Double> thresholds,
        @Param(value = "Instigators: the first this many actors have threshold 0 whatever the distribution; the others draw theirs.", unit = "actors", min = 0)
        int instigators,
        @Param("Also run Granovetter's map r(t+1) = N F(r(t)) on the threshold distribution itself, beside the crowd, and report its path (map_acting) and equilibrium (map_equilibrium).")
        boolean map) {

    public static final GranovetterParameters DEFAULTS = new GranovetterParameters(
            100, Distribution.SEQUENCE, Unit.COUNT, 25, 10, 0, 100, List.of(), 0, false);

    public enum Distribution { SEQUENCE, NORMAL, UNIFORM, DISCRETE_UNIFORM, LIST }

    public enum Unit { COUNT, SHARE }

    public GranovetterParameters {
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        if (distribution == Distribution.LIST && thresholds.isEmpty()) {
            throw new ParameterProblem("thresholds", "the thresholds listed (distribution 'list')", "an empty list");
        }
        if (high < low) {
            throw new ParameterProblem("high", "a value of at least 'low' (" + low + ")", String.valueOf(high));
        }
        if (distribution == Distribution.DISCRETE_UNIFORM) {
            if (unit != Unit.COUNT) {
                throw new IllegalArgumentException("distribution 'discrete_uniform' draws whole numbers of actors: it needs unit 'count'");
            }
            if (Math.floor(high) < Math.ceil(low)) {
                throw new IllegalArgumentException("distribution 'discrete_uniform' needs a whole number between 'low' ("
                        + low + ") and 'high' (" + high + ")");
            }
        }
        int n = distribution == Distribution.LIST ? thresholds.size() : population;
        if (instigators > n) {
            throw new ParameterProblem("instigators", "at most the number of actors (" + n + ")", String.valueOf(instigators));
        }
    }

    /** The parameters without instigators and without the map (the form used before they existed). */
    public GranovetterParameters(int population, Distribution distribution, Unit unit, double mean, double sd,
                                 double low, double high, List<Double> thresholds) {
        this(population, distribution, unit, mean, sd, low, high, thresholds, 0, false);
    }

    /** The number of actors actually created. */
    public int actors() {
        return distribution == Distribution.LIST ? thresholds.size() : population;
    }

    /** The whole-number thresholds of discrete_uniform: from {@code ceil(low)} to {@code floor(high)}. */
    int discreteLow() {
        return (int) Math.ceil(low);
    }

    int discreteHigh() {
        return (int) Math.floor(high);
    }
}
