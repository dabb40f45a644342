package org.officialdom.lab.analysis;

import java.util.random.RandomGenerator;

/**
 * Latin hypercube samples of the unit cube (McKay, Beckman and Conover 1979): each factor's range
 * is cut into n equal strata, each stratum is used exactly once, at a uniform point within it, and
 * the strata of different factors are paired by independent random permutations.
 */
public final class LatinHypercube {

    private LatinHypercube() {
    }

    public static double[][] design(int n, int k, long seed) {
        if (n < 1 || k < 1) {
            throw new IllegalArgumentException("a Latin hypercube needs at least 1 point and 1 factor");
        }
        RandomGenerator rng = Bootstrap.generator(seed);
        double[][] out = new double[n][k];
        for (int i = 0; i < k; i++) {
            int[] strata = Morris.permutation(n, rng);
            for (int j = 0; j < n; j++) {
                out[j][i] = (strata[j] + rng.nextDouble()) / n;
            }
        }
        return out;
    }
}
