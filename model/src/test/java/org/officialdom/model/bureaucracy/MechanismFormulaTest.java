package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each mechanism's equations on hand-made inputs, the expected numbers worked out by hand in the
 * comments.
 */
class MechanismFormulaTest {

    private static final double EPS = 1e-12;

    @Test
    void politicalStudyLoadAddsStudyReportsAndQuizzes() {
        var p = new PoliticalStudy.Parameters(6, 2, 1, 1, 4.33, 1, 40);
        // member: 6 + 2 + 4.33 quizzes/month * 1 h / 4.33 weeks = 9 h/week; 9/40 = 0.225
        assertThat(PoliticalStudy.hours(p, true)).isCloseTo(9, within(EPS));
        assertThat(PoliticalStudy.load(p, true)).isCloseTo(0.225, within(EPS));
        // non-member: 1 + 1 + 1 = 3 h; 3/40 = 0.075
        assertThat(PoliticalStudy.load(p, false)).isCloseTo(0.075, within(EPS));
        // a load over the week is capped at 1
        assertThat(PoliticalStudy.load(new PoliticalStudy.Parameters(50, 0, 0, 0, 0, 1, 40), true)).isEqualTo(1.0);
    }

    @Test
    void surveillanceFearAndFreedom() {
        var p = new Surveillance.Parameters(0.6, 0.5, 0.8);
        // F = 0.6 * (1 - 0.5 + 0.5 * 0.2) = 0.6 * 0.6 = 0.36
        assertThat(Surveillance.fear(p, 0.2)).isCloseTo(0.36, within(EPS));
        // freedom = 1 - 0.8 * 0.6 = 0.52
        assertThat(Surveillance.freedom(p)).isCloseTo(0.52, within(EPS));
    }

    @Test
    void payByRankLevelAndBudget() {
        var p = new Pay.Parameters(0.5, 0.1, List.of(0.0, 0.0, 0.0, 0.1, 0.2), 1.4, 0.1);
        // township (level 4 of 5) section (rank 1), unit not protected: (1 + 0.5) * (1 + 0) * (1 - 0.2) = 1.2
        assertThat(Pay.pay(p, 1, 4, 5, false)).isCloseTo(1.2, within(EPS));
        // the same in a protected unit: no cut, 1.5 ("salaries remained unaffected")
        assertThat(Pay.pay(p, 1, 4, 5, true)).isCloseTo(1.5, within(EPS));
        // province (level 1) clerk: 1 * (1 + 0.1 * 3) = 1.3
        assertThat(Pay.pay(p, 0, 1, 5, false)).isCloseTo(1.3, within(EPS));
        // outside wage of a competence-7 section official: 1.4 * 1 * 1.5 = 2.1; fairness 1.2 / 2.1
        assertThat(Pay.outside(p, 7, 1)).isCloseTo(2.1, within(EPS));
        assertThat(Pay.fairness(1.2, 2.1)).isCloseTo(1.2 / 2.1, within(EPS));
        assertThat(Pay.fairness(3, 2.1)).isEqualTo(1.0);
    }

    @Test
    void quotaOutcomes() {
        var p = new Quotas.Parameters(0.2, 0.8, 10, 0.5, 0.1);
        // met by work iff u < 0.8 * 6/10 * 1 = 0.48
        assertThat(Quotas.outcome(p, 0.47, 6, 1, 0)).isEqualTo(Quotas.Outcome.MET);
        // 0.5: not met by work; savings 0.6 >= 0.5 pay out of pocket; savings 0.4 < 0.5: penalised
        assertThat(Quotas.outcome(p, 0.5, 6, 1, 0.6)).isEqualTo(Quotas.Outcome.PAID_OUT_OF_POCKET);
        assertThat(Quotas.outcome(p, 0.5, 6, 1, 0.4)).isEqualTo(Quotas.Outcome.PENALISED);
        // outside the campaign (u >= 0.8) nothing happens
        assertThat(Quotas.outcome(p, 0.8, 6, 1, 0)).isEqualTo(Quotas.Outcome.NONE);
        // overtime: 0.8 * 10 / 40 = 0.2
        assertThat(Quotas.overtime(p, 40)).isCloseTo(0.2, within(EPS));
    }

    @Test
    void quotaTestsTakenOneByOneAgreeWithTheOutcome() {
        // the pressures pass combines the three tests without branches; they must give outcome()
        var p = new Quotas.Parameters(0.2, 0.6, 10, 0.5, 0.1);
        for (double u = 0; u < 1; u += 0.01) {
            for (double competence = 1; competence <= 10; competence += 0.5) {
                for (double effort : new double[] {0.2, 0.4, 1.0}) {
                    for (double savings : new double[] {0, 0.49, 0.5, 3}) {
                        Quotas.Outcome o = Quotas.outcome(p, u, competence, effort, savings);
                        boolean touched = Quotas.touched(p, u);
                        boolean met = touched & Quotas.metByWork(p, u, competence, effort);
                        boolean canPay = Quotas.canPay(p, savings);
                        assertThat(touched).isEqualTo(o != Quotas.Outcome.NONE);
                        assertThat(met).isEqualTo(o == Quotas.Outcome.MET);
                        assertThat(touched & !met & canPay).isEqualTo(o == Quotas.Outcome.PAID_OUT_OF_POCKET);
                        assertThat(touched & !met & !canPay).isEqualTo(o == Quotas.Outcome.PENALISED);
                    }
                }
            }
        }
    }

    @Test
    void moraleTargetAdaptationAndStress() {
        var p = new Morale.Parameters(0.1, 1, 1, 1, 1, 1, 1, 2, 5, 0.2, 0.1, 0.6);
        // timeLeft = 1 - 0.2 - 0.3 = 0.5; meaning = 0.8 * 0.5 = 0.4
        // ease = 1 - min(1, 0.2 * (1 - 0.5) * 2 + 0.1) = 1 - 0.3 = 0.7
        // colleagues = 1 - min(1, 5 * 0.04) = 0.8
        // target = (0.4 + 0.5 + 0.6 + 1.0 + 0.7 + 0.8) / 6 = 4.0 / 6
        double target = Morale.target(p, 0.8, 0.2, 0.3, 0.5, 0.6, 1.0, 0.5, 0.1, 0.04);
        assertThat(target).isCloseTo(4.0 / 6, within(EPS));
        assertThat(Morale.ease(p, 0.2, 0.5, 0.1)).isCloseTo(0.7, within(EPS));
        assertThat(Morale.colleagues(p, 0.04)).isCloseTo(0.8, within(EPS));
        assertThat(Morale.colleagues(p, 1.0)).isEqualTo(0.0);
        // the form a pass uses, with the goods computed beforehand, gives the same bits
        assertThat(Morale.target(p, 0.8 * 0.5, 0.5, 0.6, 1.0, Morale.ease(p, 0.2, 0.5, 0.1), Morale.colleagues(p, 0.04)))
                .isEqualTo(target);
        // one month: 0.9 + 0.1 * (4/6 - 0.9)
        assertThat(Morale.adapt(p, 0.9, target, 1)).isCloseTo(0.9 + 0.1 * (4.0 / 6 - 0.9), within(EPS));
        // two months at once: rate 1 - 0.9^2 = 0.19
        assertThat(Morale.adapt(p, 0.9, 0.5, 2)).isCloseTo(0.9 - 0.19 * 0.4, within(EPS));
        // stress: 0.5 * 0.8 + 0.1 * 1.5 + 0.05 = 0.6; clamped at 1
        assertThat(Morale.stress(p, 0.5, 1.5, 0.05, 1)).isCloseTo(0.6, within(EPS));
        assertThat(Morale.stress(p, 1.0, 10, 0.5, 1)).isEqualTo(1.0);
    }

    @Test
    void normalisedWeightsGiveTheWeightedMean() {
        // weights 2, 1, 1, 0, 3, 1 (sum 8): target = (2·0.4 + 0.5 + 0.6 + 0 + 3·0.7 + 0.8) / 8 = 4.8 / 8 = 0.6
        var p = new Morale.Parameters(0.1, 2, 1, 1, 0, 3, 1, 2, 5, 0.2, 0.1, 0.6);
        Morale.Weights w = Morale.weights(p);
        assertThat(w.meaning()).isEqualTo(0.25);
        assertThat(w.ease()).isEqualTo(0.375);
        assertThat(w.target(0.4, 0.5, 0.6, 1.0, 0.7, 0.8)).isCloseTo(0.6, within(EPS));
        var random = new java.util.SplittableRandom(3);
        for (int k = 0; k < 10_000; k++) {
            double[] x = random.doubles(6).toArray();
            assertThat(w.target(x[0], x[1], x[2], x[3], x[4], x[5]))
                    .isCloseTo(Morale.target(p, x[0], x[1], x[2], x[3], x[4], x[5]), within(EPS));
        }
        // no weight at all: the neutral 0.5, as the division form gives
        var none = new Morale.Parameters(0.1, 0, 0, 0, 0, 0, 0, 2, 5, 0.2, 0.1, 0.6);
        assertThat(Morale.weights(none).target(1, 1, 1, 1, 1, 1)).isEqualTo(0.5);
        assertThat(Morale.target(none, 1, 1, 1, 1, 1, 1)).isEqualTo(0.5);
    }

    @Test
    void divisionFreeFormsOfTheOutsideWageAndTheQuotaTest() {
        var pay = new Pay.Parameters(0.5, 0.1, List.of(0.0, 0.0, 0.0, 0.1, 0.2), 1.4, 0.1);
        // 1.4 / 7 * (1 + 0.5 * 2) = 0.4 per point of competence at rank 2
        assertThat(Pay.outsidePerCompetence(pay, 2)).isCloseTo(0.4, within(EPS));
        var quotas = new Quotas.Parameters(0.2, 0.6, 10, 0.5, 0.1);
        // campaign 0.6, effort 0.5: 0.6 * 0.5 / 10 = 0.03 per point of competence
        assertThat(Quotas.workThreshold(quotas, 0.5)).isCloseTo(0.03, within(EPS));
        var random = new java.util.SplittableRandom(5);
        for (int k = 0; k < 10_000; k++) {
            double competence = random.nextDouble(0, 14);
            int rank = random.nextInt(5);
            assertThat(competence * Pay.outsidePerCompetence(pay, rank))
                    .isCloseTo(Pay.outside(pay, competence, rank), within(EPS));
            double effort = random.nextDouble();
            double u = random.nextDouble();
            double threshold = competence * Quotas.workThreshold(quotas, effort);
            if (Math.abs(u - threshold) > EPS) { // away from the tie the two forms agree
                assertThat(u < threshold).isEqualTo(Quotas.metByWork(quotas, u, competence, effort));
            }
        }
    }

    @Test
    void evlnUtilitiesFollowRusbultsSigns() {
        var p = new EvlnChoice.Parameters(0.1, 1, 1, 1, -1, -0.5, -2, 2, 1, 0.5, 2, 0.25, 1, 2, 1, 1.5, 0.5);
        double[] u = new double[4];
        EvlnChoice.utilities(p, 0.5, 0.4, 0.6, 0.1, false, 0.2, 0.3, 2, u);
        // L = 1 + 2*0.5 + 1*0.4 - 2*0.6 = 1.2
        assertThat(u[0]).isCloseTo(1.2, within(EPS));
        // V = -1 + 1 + 0.4 + 2*0.25*0.6 + 1*0.3 - 2*0.1 - 0.5*2 = -0.2
        assertThat(u[1]).isCloseTo(-0.2, within(EPS));
        // N = -0.5 - 1 - 0.4 + 0.2 = -1.7
        assertThat(u[2]).isCloseTo(-1.7, within(EPS));
        // E = -2 - 1 - 0.5*0.4 + 1.2 + 1.5*0.2 = -1.7
        assertThat(u[3]).isCloseTo(-1.7, within(EPS));
        // higher satisfaction: voice and loyalty up, exit and neglect down
        double[] w = new double[4];
        EvlnChoice.utilities(p, 0.9, 0.4, 0.6, 0.1, false, 0.2, 0.3, 2, w);
        assertThat(w[0]).isGreaterThan(u[0]);
        assertThat(w[1]).isGreaterThan(u[1]);
        assertThat(w[2]).isLessThan(u[2]);
        assertThat(w[3]).isLessThan(u[3]);
        // investment and alternatives on the helpers: 15 years of tenure, rank 1 of top 2 -> 0.5*0.5 + 0.5*0.5
        assertThat(EvlnChoice.investment(180, 1, 2)).isCloseTo(0.5, within(EPS));
        assertThat(EvlnChoice.alternatives(1.0, 1.5)).isCloseTo(0.75, within(EPS));
    }

    @Test
    void evlnChoiceIsALogitWithHabit() {
        var p = new EvlnChoice.Parameters(0.1, Math.log(2), 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        // all utilities 0, current = loyalty with habit ln 2: weights 2,1,1,1 -> P(L) = 0.4, P(V) = 0.2 ...
        assertThat(EvlnChoice.choose(p, new double[4], 0, 0.39)).isEqualTo(0);
        assertThat(EvlnChoice.choose(p, new double[4], 0, 0.41)).isEqualTo(1);
        assertThat(EvlnChoice.choose(p, new double[4], 0, 0.61)).isEqualTo(2);
        assertThat(EvlnChoice.choose(p, new double[4], 0, 0.81)).isEqualTo(3);
    }

    @Test
    void circleJoiningLeavingAndNumbness() {
        var p = new Circle.Parameters(0.5, 2, 0.1, 0.01, 0.1, 0.5, 0.3);
        // join: c = 0.6, 0.5 * ambition 0.8 * (1 - integrity 0.25) = 0.3, times 0.6 = 0.18
        assertThat(Circle.joinProbability(p, 0.6, 0.8, 0.25)).isCloseTo(0.18, within(EPS));
        // leave: 0.1 * 0.4 + 0.5 * 0.2 = 0.14
        assertThat(Circle.leaveProbability(p, 0.4, 0.2)).isCloseTo(0.14, within(EPS));
        // erosion over 12 months in a unit half in the circle: 0.5 - 0.01 * 0.5 * 12 = 0.44
        assertThat(Circle.erode(p, 0.5, 0.5, 12)).isCloseTo(0.44, within(EPS));
    }

    @Test
    void investigationHazardAndVerdicts() {
        var p = new Investigation.Parameters(0.001, 4, 9, 2, 10, 0.5, 0.8, 0.3, 0.05);
        // circle member with 1 enemy and a patron: 0.001 * 4 * (1 + 9 + 2) * 0.5 = 0.024
        assertThat(Investigation.hazard(p, true, 1, false, true)).isCloseTo(0.024, within(EPS));
        // innocent without enemies or patron: 0.004
        assertThat(Investigation.hazard(p, false, 0, false, false)).isCloseTo(0.004, within(EPS));
        assertThat(Investigation.verdict(p, 0.024, 0.03, 0.0, true, 1)).isEqualTo(Investigation.Verdict.NONE);
        assertThat(Investigation.verdict(p, 0.024, 0.01, 0.79, true, 1)).isEqualTo(Investigation.Verdict.GUILTY);
        assertThat(Investigation.verdict(p, 0.024, 0.01, 0.81, true, 1)).isEqualTo(Investigation.Verdict.ACQUITTED);
        // "if someone wants to give you a hard time, they can accuse you of bribery"
        assertThat(Investigation.verdict(p, 0.024, 0.01, 0.29, false, 1)).isEqualTo(Investigation.Verdict.FABRICATED);
        assertThat(Investigation.verdict(p, 0.024, 0.01, 0.29, false, 0)).isEqualTo(Investigation.Verdict.ACQUITTED);
        // fear 4 * 0.05 = 0.2
        assertThat(Investigation.fear(p)).isCloseTo(0.2, within(EPS));
    }

    @Test
    void retaliationSplit() {
        var p = new Voice.Parameters(0.3, 0.5, 0.4, 1, 2, 1);
        // in a unit half in the circle r = 0.4 * 0.5 = 0.2; u scaled to [0, 4): blocked [0,1), transfer [1,3), fabricated [3,4)
        assertThat(Voice.retaliation(p, 0.5, 0.2)).isEqualTo(Voice.Retaliation.NONE);
        assertThat(Voice.retaliation(p, 0.5, 0.04)).isEqualTo(Voice.Retaliation.BLOCKED_PROMOTION);
        assertThat(Voice.retaliation(p, 0.5, 0.06)).isEqualTo(Voice.Retaliation.PUNITIVE_TRANSFER);
        assertThat(Voice.retaliation(p, 0.5, 0.16)).isEqualTo(Voice.Retaliation.FABRICATED_ACCUSATION);
        // a clean unit never retaliates
        assertThat(Voice.retaliation(p, 0.0, 0.0)).isEqualTo(Voice.Retaliation.NONE);
    }

    @Test
    void exitRoutesAndMortality() {
        var p = new Exits.Parameters(60, 0.001, 0.1, 0, 0.1, 0.3, 12, 0.5);
        // at age 30 the yearly hazard is 0.001; one month: 1 - 0.999^(1/12)
        assertThat(Exits.death(p, 30, 1)).isCloseTo(1 - Math.pow(0.999, 1 / 12.0), within(EPS));
        // at 40: 0.001 * e^1 a year
        assertThat(Exits.death(p, 40, 12)).isCloseTo(0.001 * Math.E, within(1e-12));
        assertThat(Exits.way(p, 0.5, 20, 0.6)).isEqualTo(ExitRoute.EMIGRATION);
        // passport kept
        assertThat(Exits.way(p, 0.5, 20, 0.4)).isEqualTo(ExitRoute.PRIVATE_SECTOR);
        // no ties, or no savings
        assertThat(Exits.way(p, 0.1, 20, 0.9)).isEqualTo(ExitRoute.PRIVATE_SECTOR);
        assertThat(Exits.way(p, 0.5, 5, 0.9)).isEqualTo(ExitRoute.PRIVATE_SECTOR);
    }

    @Test
    void recruitmentApplicantsAndExamPercentiles() {
        var p = new Recruitment.Parameters(50, 1.2, 18, 12, 1.0, 1.0, 0.3, 7, 2, 24, 2, 0.6, 0.6, 0.2);
        // 50 * 1.2 * (1 + (18 - 12)/12) * (0.6/0.6)^1 = 50 * 1.2 * 1.5 = 90
        assertThat(Recruitment.applicantsPerPost(p, 0.6)).isCloseTo(90, within(1e-9));
        // morale 0.3: attractiveness halves the applicants
        assertThat(Recruitment.applicantsPerPost(p, 0.3)).isCloseTo(45, within(1e-9));
        // best of 100 sits at percentile 1 - 0.5/100
        assertThat(Recruitment.percentile(1, 100)).isCloseTo(0.995, within(EPS));
        assertThat(Recruitment.inverseNormal(0.5)).isCloseTo(0, within(1e-9));
        assertThat(Recruitment.inverseNormal(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(Recruitment.inverseNormal(0.01)).isCloseTo(-2.326348, within(1e-6));
    }

    @Test
    void serviceOutput() {
        var p = new ServiceOutput.Parameters(1, 1, 0.4, 0.7, 0.5, 0.2);
        // competence 8, loyal, 0.6 of the week left, unit 40% in the circle: 0.8 * 1 * 0.6 * (1 - 0.2) = 0.384
        assertThat(ServiceOutput.output(p, 8, 0, 0.6, 0.4)).isCloseTo(0.384, within(EPS));
        // lying flat: 0.4 of that
        assertThat(ServiceOutput.output(p, 8, 2, 0.6, 0.4)).isCloseTo(0.384 * 0.4, within(EPS));
        // a reformer: 0.384 * 1.2
        assertThat(ServiceOutput.output(p, 8, 1, 0.6, 0.4)).isCloseTo(0.384 * 1.2, within(EPS));
        // the factors a pass computes once a step: the same bits
        assertThat(ServiceOutput.kept(p, 0.4)).isCloseTo(0.8, within(EPS));
        assertThat(ServiceOutput.output(8, 1, 0.6, ServiceOutput.kept(p, 0.4), 1.2))
                .isEqualTo(ServiceOutput.output(p, 8, 1, 0.6, 0.4));
        assertThat(ServiceOutput.output(8, 0.4, 0.6, ServiceOutput.kept(p, 0.4), 1))
                .isEqualTo(ServiceOutput.output(p, 8, 2, 0.6, 0.4));
    }

    @Test
    void partyExitThresholdAndShift() {
        var p = new PartyExit.Parameters(0.3, 0.1, 0.4, 0.05, 0.2, 0);
        // 0.3 + 0.1 * 1 + 0.4 * (0.8 - 0.5) = 0.52
        assertThat(PartyExit.threshold(p, 1.0, 0.8)).isCloseTo(0.52, within(EPS));
        // clipped at 0
        assertThat(PartyExit.threshold(p, -5, 0)).isEqualTo(0.0);
        // shift 0.05 + 0.2 * 0.5 = 0.15
        assertThat(PartyExit.shift(p, 0.5)).isCloseTo(0.15, within(EPS));
    }

    @Test
    void tournamentScoreAndEfficiency() {
        var p = Tournament.Parameters.DEFAULTS;
        // 1 * 6/10 + 0.5 (circle) + 0.3 * 1 (loyal) - 0.3 * 1 = 1.1
        assertThat(Tournament.score(p, 6, true, 0, false, 1)).isCloseTo(1.1, within(EPS));
        // a reformer shows no loyalty: 0.8
        assertThat(Tournament.score(p, 8, false, 1, false, 0)).isCloseTo(0.8, within(EPS));
        // Pluchino: every post at competence 7 gives E = 70 %
        var pl = new Tournament.Parameters(1, 0, 0, 0, Tournament.Strategy.BEST, 0.5, Tournament.Hypothesis.PETER, 1, 7, 2,
                List.of(0.2, 0.4, 0.6, 0.8, 0.9, 1.0));
        long[] posts = {81, 41, 21, 11, 5, 1};
        double[] c = new double[6];
        for (int r = 0; r < 6; r++) {
            c[r] = 7.0 * posts[r];
        }
        assertThat(Tournament.efficiency(pl, c, posts)).isCloseTo(70.0, within(1e-9));
        // the top post vacant: lose 1.0 * 7 of 59.5 * 7 -> 70 * (59.5 - 1) / 59.5
        c[5] = 0;
        assertThat(Tournament.efficiency(pl, c, posts)).isCloseTo(70.0 * 58.5 / 59.5, within(1e-9));
    }
}
