package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialdom.model.bureaucracy.BureaucracyParameters.DEFAULTS;

import org.junit.jupiter.api.Test;

/**
 * Mechanism 4, quotas: the outcomes of a campaign and its overtime, on hand-made numbers worked
 * out by hand in the comments.
 */
class QuotasTest {

    private static final double EPS = 1e-12;

    /** A campaign of this intensity and a quota costing 0.5 months of pay; overtime 10 h (the default). */
    private static Quotas.Parameters campaign(double intensity) {
        return DEFAULTS.with("quotas.campaign", intensity).with("quotas.out_of_pocket", 0.5).quotas();
    }

    @Test
    void quotaOutcomes() {
        var p = campaign(0.8);
        // met by work iff u < 0.8 * 6/10 * 1 = 0.48
        assertThat(Quotas.outcome(p, 0.47, 6, 1, 0, 0)).isEqualTo(Quotas.Outcome.MET);
        // 0.5: not met by work. The most risk-averse 30 % (the default pay share: risk aversion >= 0.7)
        // pay out of pocket if savings 0.6 >= 0.5; with savings 0.4 < 0.5 they are penalised
        assertThat(Quotas.outcome(p, 0.5, 6, 1, 0.6, 0.8)).isEqualTo(Quotas.Outcome.PAID_OUT_OF_POCKET);
        assertThat(Quotas.outcome(p, 0.5, 6, 1, 0.4, 0.8)).isEqualTo(Quotas.Outcome.PENALISED);
        // the others take the penalty whatever their savings
        assertThat(Quotas.outcome(p, 0.5, 6, 1, 5, 0.5)).isEqualTo(Quotas.Outcome.PENALISED);
        // outside the campaign (u >= 0.8) nothing happens
        assertThat(Quotas.outcome(p, 0.8, 6, 1, 0, 0)).isEqualTo(Quotas.Outcome.NONE);
        // overtime: 0.8 * 10 / 40 = 0.2
        assertThat(Quotas.overtime(p, 40)).isCloseTo(0.2, within(EPS));
    }

    @Test
    void quotaTestsTakenOneByOneAgreeWithTheOutcome() {
        // the pressures pass combines the four tests without branches; they must give outcome()
        var p = campaign(0.6);
        for (double u = 0; u < 1; u += 0.01) {
            for (double competence = 1; competence <= 10; competence += 0.5) {
                for (double effort : new double[] {0.2, 0.4, 1.0}) {
                    for (double savings : new double[] {0, 0.49, 0.5, 3}) {
                      for (double riskAversion : new double[] {0, 0.69, 0.7, 1}) {
                        Quotas.Outcome o = Quotas.outcome(p, u, competence, effort, savings, riskAversion);
                        boolean touched = Quotas.touched(p, u);
                        boolean met = touched & Quotas.metByWork(p, u, competence, effort);
                        boolean canPay = Quotas.pays(p, riskAversion) & Quotas.canPay(p, savings);
                        assertThat(touched).isEqualTo(o != Quotas.Outcome.NONE);
                        assertThat(met).isEqualTo(o == Quotas.Outcome.MET);
                        assertThat(touched & !met & canPay).isEqualTo(o == Quotas.Outcome.PAID_OUT_OF_POCKET);
                        assertThat(touched & !met & !canPay).isEqualTo(o == Quotas.Outcome.PENALISED);
                      }
                    }
                }
            }
        }
    }

    @Test
    void divisionFreeFormOfTheQuotaTest() {
        var quotas = campaign(0.6);
        // campaign 0.6, effort 0.5: 0.6 * 0.5 / 10 = 0.03 per point of competence
        assertThat(Quotas.workThreshold(quotas, 0.5)).isCloseTo(0.03, within(EPS));
        var random = new java.util.SplittableRandom(5);
        for (int k = 0; k < 10_000; k++) {
            double competence = random.nextDouble(0, 14);
            double effort = random.nextDouble();
            double u = random.nextDouble();
            double threshold = competence * Quotas.workThreshold(quotas, effort);
            if (Math.abs(u - threshold) > EPS) { // away from the tie the two forms agree
                assertThat(u < threshold).isEqualTo(Quotas.metByWork(quotas, u, competence, effort));
            }
        }
    }
}
