package org.officialdom.model.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.Simulation;
import org.officialdom.model.classic.GranovetterParameters.Distribution;
import org.officialdom.model.classic.GranovetterParameters.Unit;

class GranovetterTest {

    private static double finalActing(GranovetterParameters p, int steps, long seed) {
        try (Simulation sim = new Simulation(new Granovetter(p), seed, 2)) {
            sim.runTo(steps);
            return sim.metrics().last("acting");
        }
    }

    private static List<Double> riot() {
        List<Double> t = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            t.add((double) i);
        }
        return t;
    }

    @Test
    void uniformThresholdsZeroToNinetyNineBringEveryoneOut() {
        var p = new GranovetterParameters(100, Distribution.SEQUENCE, Unit.COUNT, 0, 0, 0, 0, List.of());
        assertThat(finalActing(p, 100, 1)).isEqualTo(100);
        var listed = new GranovetterParameters(0, Distribution.LIST, Unit.COUNT, 0, 0, 0, 0, riot());
        assertThat(finalActing(listed, 100, 1)).isEqualTo(100);
    }

    @Test
    void movingTheThresholdOneActorToTwoStopsTheRiotAtOne() {
        List<Double> t = riot();
        t.set(1, 2.0);
        var p = new GranovetterParameters(0, Distribution.LIST, Unit.COUNT, 0, 0, 0, 0, t);
        assertThat(finalActing(p, 100, 1)).isEqualTo(1);
    }

    /** r = F(r) iterated from 0, with F the normal CDF: computed here, independently of the model. */
    private static double fixedPoint(double mean, double sd) {
        double r = 0;
        for (int i = 0; i < 10_000; i++) {
            double next = normalCdf((r - mean) / sd);
            if (Math.abs(next - r) < 1e-12) {
                break;
            }
            r = next;
        }
        return r;
    }

    /** Standard normal CDF via the complementary error function (Abramowitz-Stegun 7.1.26 is too coarse; use a series). */
    static double normalCdf(double z) {
        // erf by its Taylor series for |x| < 3, and the asymptotic tail beyond
        double x = z / Math.sqrt(2);
        double erf;
        if (Math.abs(x) < 3) {
            double term = x;
            double sum = x;
            for (int n = 1; n < 200; n++) {
                term *= -x * x / n;
                sum += term / (2 * n + 1);
            }
            erf = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            erf = Math.signum(x);
        }
        return 0.5 * (1 + erf);
    }

    @Test
    void normalThresholdsSettleAtTheFixedPointOfTheirDistribution() {
        int n = 200_000;
        // a low equilibrium (sd small) and a high one (sd large), away from the critical spread
        for (double sd : new double[] {0.05, 0.3}) {
            double expected = fixedPoint(0.25, sd);
            var p = new GranovetterParameters(n, Distribution.NORMAL, Unit.SHARE, 0.25, sd, 0, 1, List.of());
            double share = finalActing(p, 200, 11) / n;
            assertThat(share).as("sd %s", sd).isCloseTo(expected, within(0.01));
        }
        assertThat(fixedPoint(0.25, 0.05)).isLessThan(0.01);
        assertThat(fixedPoint(0.25, 0.3)).isGreaterThan(0.5);
    }

    @Test
    void theNormalCdfUsedAboveIsRight() {
        assertThat(normalCdf(0)).isCloseTo(0.5, within(1e-12));
        assertThat(normalCdf(1.96)).isCloseTo(0.9750021, within(1e-6));
        assertThat(normalCdf(-1)).isCloseTo(0.1586553, within(1e-6));
    }

    @Test
    void metricsAreIdenticalForOneTwoAndEightThreads() {
        var p = new GranovetterParameters(300_000, Distribution.NORMAL, Unit.SHARE, 0.25, 0.2, 0, 1, List.of());
        String[] csv = new String[3];
        int k = 0;
        for (int threads : new int[] {1, 2, 8}) {
            try (Simulation sim = new Simulation(new Granovetter(p), 5, threads)) {
                sim.runTo(30);
                var w = new java.io.StringWriter();
                try {
                    sim.metrics().writeCsv(w);
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
                csv[k++] = w.toString();
            }
        }
        assertThat(csv[1]).isEqualTo(csv[0]);
        assertThat(csv[2]).isEqualTo(csv[0]);
    }

    @Test
    void builtInRiotScenarioEndsWithEveryone() {
        assertThat(ScenarioRuns.run("granovetter", 1, 1).last("acting")).isEqualTo(100);
    }
}
