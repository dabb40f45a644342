package org.officialdom.lab.analysis;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Percentile bootstrap over independent units (rows of a Sobol base sample, Morris trajectories):
 * resample the units with replacement, recompute the statistics, take the quantiles. Seeded, so
 * the intervals are the same on every machine.
 */
final class Bootstrap {

    /** Statistics of a resample given as the indices of the units drawn. */
    interface Statistics {
        double[] of(int[] units);
    }

    private Bootstrap() {
    }

    static RandomGenerator generator(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /** For each statistic, {low, high}: the (1-c)/2 and (1+c)/2 quantiles over {@code resamples} resamples. */
    static double[][] intervals(int units, int resamples, double confidence, long seed, Statistics stats) {
        RandomGenerator rng = generator(seed);
        int[] all = new int[units];
        Arrays.setAll(all, i -> i);
        int m = stats.of(all).length;
        double[][] draws = new double[m][resamples];
        int[] idx = new int[units];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < units; i++) {
                idx[i] = rng.nextInt(units);
            }
            double[] s = stats.of(idx);
            for (int j = 0; j < m; j++) {
                draws[j][b] = s[j];
            }
        }
        double[][] out = new double[m][];
        for (int j = 0; j < m; j++) {
            double[] d = draws[j];
            Arrays.sort(d);
            out[j] = new double[] {quantile(d, (1 - confidence) / 2), quantile(d, (1 + confidence) / 2)};
        }
        return out;
    }

    /** Linear interpolation between order statistics (type 7, as R and NumPy do by default). */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
