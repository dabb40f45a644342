package org.officialdom.model.bureaucracy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    private static void same(double v) {
        for (int places = 0; places <= 3; places++) {
            assertEquals(String.format(Locale.ROOT, "%." + places + "f", v), Decimals.fixed(v, places),
                    "value " + v + " (" + Double.toHexString(v) + "), " + places + " places");
        }
    }

    @Test
    void writesWhatFormatterWrites() {
        double[] edges = {0, -0.0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1.005, 2.675, 0.045, 99.95, 99.949999,
            0.0049999, 0.005, 1e-4, 3e-5, 1e-300, 123456789.125, 1e16, 1e22, Double.MIN_VALUE, Double.MAX_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double v : edges) {
            same(v);
        }
        SplittableRandom r = new SplittableRandom(1);
        for (int k = 0; k < 50_000; k++) {
            same(r.nextDouble());                        // morale, stress, shares
            same(100 * r.nextDouble());                  // percentages, percentiles
            same((float) r.nextDouble());                // float columns widened to double
            same(Math.round(r.nextDouble() * 2000) / 200.0 + 0.005); // near the half-way point of 2 places
            same(r.nextDouble(-1e6, 1e6));
        }
    }
}
