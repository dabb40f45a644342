package org.officialdom.lab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MorrisTest {

    @Test
    void linearFunctionHasEffectsEqualToItsCoefficientsAndNoSpread() {
        double[] c = {10, -5, 1, 0};
        Morris.Plan plan = Morris.design(10, 4, 4, 3);
        double[] y = new double[plan.points().length];
        for (int r = 0; r < y.length; r++) {
            for (int i = 0; i < 4; i++) {
                y[r] += c[i] * plan.points()[r][i];
            }
        }
        List<Estimate> est = Morris.analyze(plan, y, List.of("a", "b", "c", "d"), 100, 0.95, 1);
        for (int i = 0; i < 4; i++) {
            assertThat(est.get(3 * i).estimate()).as("mu").isCloseTo(c[i], within(1e-9));
            assertThat(est.get(3 * i + 1).estimate()).as("mu*").isCloseTo(Math.abs(c[i]), within(1e-9));
            assertThat(est.get(3 * i + 2).estimate()).as("sigma").isCloseTo(0, within(1e-9));
        }
    }

    @Test
    void ranksTheFactorsOfANonlinearFunction() {
        // y = 8 x1² + 4 x2 + x1 x3 + 0 x4: importance x1 > x2 > x3 > x4; only x1 and x3 have spread.
        Morris.Plan plan = Morris.design(20, 4, 4, 11);
        double[] y = new double[plan.points().length];
        for (int r = 0; r < y.length; r++) {
            double[] x = plan.points()[r];
            y[r] = 8 * x[0] * x[0] + 4 * x[1] + x[0] * x[2];
        }
        List<Estimate> est = Morris.analyze(plan, y, List.of("x1", "x2", "x3", "x4"), 100, 0.95, 1);
        double[] muStar = new double[4];
        double[] sigma = new double[4];
        for (int i = 0; i < 4; i++) {
            muStar[i] = est.get(3 * i + 1).estimate();
            sigma[i] = est.get(3 * i + 2).estimate();
        }
        assertThat(muStar[0]).isGreaterThan(muStar[1]);
        assertThat(muStar[1]).isGreaterThan(muStar[2]);
        assertThat(muStar[2]).isGreaterThan(muStar[3]);
        assertThat(muStar[1]).isCloseTo(4, within(1e-9));
        assertThat(muStar[3]).isEqualTo(0);
        assertThat(sigma[0]).isGreaterThan(0);
        assertThat(sigma[1]).isCloseTo(0, within(1e-9));
        assertThat(sigma[3]).isEqualTo(0);
    }

    @Test
    void trajectoriesMoveOneFactorAtATimeByDeltaAndStayInTheCube() {
        Morris.Plan plan = Morris.design(5, 3, 6, 2);
        double delta = 6 / (2.0 * 5);
        for (int t = 0; t < 5; t++) {
            for (int j = 0; j < 3; j++) {
                double[] a = plan.points()[t * 4 + j];
                double[] b = plan.points()[t * 4 + j + 1];
                int changed = 0;
                for (int i = 0; i < 3; i++) {
                    assertThat(b[i]).isBetween(0.0, 1.0);
                    if (a[i] != b[i]) {
                        changed++;
                        assertThat(Math.abs(b[i] - a[i])).isCloseTo(delta, within(1e-12));
                    }
                }
                assertThat(changed).isEqualTo(1);
            }
        }
    }

    @Test
    void latinHypercubeUsesEachStratumOnce() {
        double[][] x = LatinHypercube.design(10, 3, 5);
        for (int i = 0; i < 3; i++) {
            boolean[] seen = new boolean[10];
            for (double[] row : x) {
                int s = (int) Math.floor(row[i] * 10);
                assertThat(seen[s]).isFalse();
                seen[s] = true;
            }
        }
    }
}
