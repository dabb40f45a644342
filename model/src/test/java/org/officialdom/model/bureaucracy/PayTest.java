package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialdom.model.bureaucracy.BureaucracyParameters.DEFAULTS;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mechanism 3, pay: pay by rank, level and budget, the outside wage and fairness, on hand-made
 * numbers worked out by hand in the comments.
 */
class PayTest {

    private static final double EPS = 1e-12;

    /**
     * A rank premium of 0.5, pay cut by 10 % and 20 % at the two lowest levels, an outside wage of
     * 1.4; the level premium is the default 0.1.
     */
    private static final Pay.Parameters P = DEFAULTS.with("pay.rank_premium", 0.5)
            .with("pay.cut_by_level", List.of(0.0, 0.0, 0.0, 0.1, 0.2)).with("pay.outside_wage", 1.4).pay();

    @Test
    void payByRankLevelAndBudget() {
        // township (level 4 of 5) section (rank 1), unit not protected: (1 + 0.5) * (1 + 0) * (1 - 0.2) = 1.2
        assertThat(Pay.pay(P, 1, 4, 5, false)).isCloseTo(1.2, within(EPS));
        // the same in a protected unit: no cut, 1.5 ("salaries remained unaffected")
        assertThat(Pay.pay(P, 1, 4, 5, true)).isCloseTo(1.5, within(EPS));
        // province (level 1) clerk: 1 * (1 + 0.1 * 3) = 1.3
        assertThat(Pay.pay(P, 0, 1, 5, false)).isCloseTo(1.3, within(EPS));
        // outside wage of a competence-7 section official, labour market at its reference: 1.4 * 1 * 1.5 = 2.1;
        // fairness 1.2 / 2.1
        assertThat(Pay.outside(P, 7, 1, 1)).isCloseTo(2.1, within(EPS));
        assertThat(Pay.fairness(1.2, 2.1)).isCloseTo(1.2 / 2.1, within(EPS));
        assertThat(Pay.fairness(3, 2.1)).isEqualTo(1.0);
    }

    @Test
    void divisionFreeFormOfTheOutsideWage() {
        // 1.4 / 7 * (1 + 0.5 * 2) = 0.4 per point of competence at rank 2
        assertThat(Pay.outsidePerCompetence(P, 2, 1)).isCloseTo(0.4, within(EPS));
        var random = new java.util.SplittableRandom(5);
        for (int k = 0; k < 10_000; k++) {
            double competence = random.nextDouble(0, 14);
            int rank = random.nextInt(5);
            double market = random.nextDouble(0, 1.5);
            assertThat(competence * Pay.outsidePerCompetence(P, rank, market))
                    .isCloseTo(Pay.outside(P, competence, rank, market), within(EPS));
        }
    }

    @Test
    void youthUnemploymentShrinksInsidersOutsideOptions() {
        // sensitivity 0.5 (the default): youth unemployment 18 % against a reference of 12 %, +50 %:
        // market 1 - 0.5 * 0.5 = 0.75; at 6 %, 1.25; the outside wage scales with it
        assertThat(Pay.market(P, 18, 12)).isCloseTo(0.75, within(EPS));
        assertThat(Pay.market(P, 6, 12)).isCloseTo(1.25, within(EPS));
        assertThat(Pay.outside(P, 7, 1, 0.75)).isCloseTo(0.75 * 2.1, within(EPS));
        // never below 0: at 60 % unemployment 1 - 0.5 * 4 < 0
        assertThat(Pay.market(P, 60, 12)).isZero();
    }
}
