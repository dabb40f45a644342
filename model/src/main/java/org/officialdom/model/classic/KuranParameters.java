package org.officialdom.model.classic;

import java.util.List;
import org.officialdom.model.parameter.Param;
import org.officialdom.model.parameter.ParameterProblem;

/**
 * Parameters of Kuran's preference-falsification model. Thresholds and private preferences are in
 * percent: a threshold T_i is the public opposition share (0–100) at which person i stops
 * falsifying and opposes the regime in public; a private preference x_i is how strongly i favours
 * the opposition (0–100). Defaults give the ten-person sequence commonly cited from Kuran (1989).
 */
public record KuranParameters(
        @Param(value = "Number of people (ignored for distribution 'list', where the list sets it).", unit = "people", min = 1, max = 2_000_000_000, size = true)
        int population,
        @Param("How revolutionary thresholds are drawn: list (the values in 'thresholds'), normal (mean, sd; clipped to [0, 100]) or uniform (low, high).")
        Distribution distribution,
        @Param(value = "Explicit revolutionary thresholds, one per person (distribution: list).", unit = "percent of the population publicly opposed")
        List<Double> thresholds,
        @Param(value = "Mean threshold of the normal distribution.", unit = "percent", min = 0, max = 100, lever = true)
        double mean,
        @Param(value = "Standard deviation of the normal distribution.", unit = "percent", min = 0, lever = true)
        double sd,
        @Param(value = "Lower bound of the uniform distribution.", unit = "percent", min = 0, max = 100)
        double low,
        @Param(value = "Upper bound of the uniform distribution.", unit = "percent", min = 0, max = 100)
        double high,
        @Param("Where private preferences come from: mirror (x_i = 100 - T_i: the lower the threshold, the stronger the private opposition) or list (the values in 'preferences').")
        Preferences preferences,
        @Param(value = "Explicit private preferences, one per person (preferences: list).", unit = "percent in favour of the opposition")
        List<Double> preferenceList,
        @Param(value = "Private preference above which a person counts as privately opposed.", unit = "percent", min = 0, max = 100)
        double oppositionCutoff) {

    public static final KuranParameters DEFAULTS = new KuranParameters(
            10, Distribution.LIST, List.of(0.0, 20.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 100.0),
            50, 20, 0, 100, Preferences.MIRROR, List.of(), 50);

    public enum Distribution { LIST, NORMAL, UNIFORM }

    public enum Preferences { MIRROR, LIST }

    public KuranParameters {
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        preferenceList = preferenceList == null ? List.of() : List.copyOf(preferenceList);
        if (distribution == Distribution.LIST && thresholds.isEmpty()) {
            throw new ParameterProblem("thresholds", "the thresholds listed (distribution 'list')", "an empty list");
        }
        if (high < low) {
            throw new ParameterProblem("high", "a value of at least 'low' (" + low + ")", String.valueOf(high));
        }
        if (preferences == Preferences.LIST && preferenceList.size() != people(distribution, population, thresholds)) {
            throw new ParameterProblem("preference_list", "one value per person (" + people(distribution, population, thresholds)
                    + ") with preferences 'list'", "a list of " + preferenceList.size());
        }
    }

    /** The number of people actually created. */
    public int people() {
        return people(distribution, population, thresholds);
    }

    private static int people(Distribution d, int population, List<Double> thresholds) {
        return d == Distribution.LIST ? thresholds.size() : population;
    }
}
