package org.officialdom.lab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SobolTest {

    /** Ishigami and Homma (1990) with a = 7, b = 0.1 on [−π, π]³. */
    static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + 7 * Math.sin(x2) * Math.sin(x2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
    }

    @Test
    void ishigamiIndicesMatchTheAnalyticValues() {
        // Analytic values: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2; V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V13 = b²π⁸(1/18 − 1/50).
        double a = 7;
        double b = 0.1;
        double v1 = Math.pow(1 + b * Math.pow(Math.PI, 4) / 5, 2) / 2;
        double v2 = a * a / 8;
        double v13 = b * b * Math.pow(Math.PI, 8) * (1.0 / 18 - 1.0 / 50);
        double v = v1 + v2 + v13;
        double[] s1 = {v1 / v, v2 / v, 0};
        double[] st = {(v1 + v13) / v, v2 / v, v13 / v};
        int n = 8192;
        double[][] x = Sobol.design(n, 3);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = ishigami(x[i]);
        }
        List<Estimate> est = Sobol.analyze(n, 3, y, List.of("x1", "x2", "x3"), 200, 0.95, 1);
        for (int i = 0; i < 3; i++) {
            Estimate first = est.get(2 * i);
            Estimate total = est.get(2 * i + 1);
            assertThat(first.measure()).isEqualTo("S1");
            assertThat(first.estimate()).as("S1 of x%d", i + 1).isCloseTo(s1[i], within(0.02));
            assertThat(total.estimate()).as("ST of x%d", i + 1).isCloseTo(st[i], within(0.02));
            assertThat(first.ciLow()).isLessThanOrEqualTo(first.estimate());
            assertThat(first.ciHigh()).isGreaterThanOrEqualTo(first.estimate());
            assertThat(total.ciHigh() - total.ciLow()).isLessThan(0.1);
        }
    }

    @Test
    void aFunctionOfOneFactorGivesItAllTheVariance() {
        int n = 256;
        double[][] x = Sobol.design(n, 2);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3 * x[i][1];
        }
        List<Estimate> est = Sobol.analyze(n, 2, y, List.of("a", "b"), 50, 0.9, 1);
        assertThat(est.get(0).estimate()).isEqualTo(0.0);
        assertThat(est.get(1).estimate()).isEqualTo(0.0);
        assertThat(est.get(2).estimate()).isCloseTo(1.0, within(0.02));
        assertThat(est.get(3).estimate()).isCloseTo(1.0, within(0.02));
    }
}
