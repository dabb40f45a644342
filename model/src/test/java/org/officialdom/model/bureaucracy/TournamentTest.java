package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialdom.model.bureaucracy.BureaucracyParameters.DEFAULTS;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.Simulation;

/**
 * Mechanism 6, the tournament: the score and Pluchino's efficiency on hand-made numbers worked out
 * in the comments, and promotion on a hand-made office: three clerks (competence 5, 9, 7) and a
 * head who retires.
 */
class TournamentTest {

    private static final double EPS = 1e-12;

    private static BureaucracyParameters office(Tournament.Strategy strategy, double gift) {
        // defaults: merit 1, loyalty 0.3, the common-sense hypothesis
        return Fixtures.quiet(4, 0.5, 0.1).with("organisation.custom_posts", List.of(3, 1))
                .with("tournament.strategy", strategy).with("tournament.gift", gift).with("tournament.spread", 0);
    }

    /** Runs one step after setting competences and sending the head away; returns the new head's competence. */
    private static double[] promote(BureaucracyParameters p, boolean weakestInCircle) {
        Bureaucracy m = new Bureaucracy(p);
        try (Simulation sim = new Simulation(m, 5, 1)) {
            Officials o = m.officials();
            float[] competence = {5, 9, 7};
            int clerk = 0;
            for (int i = 0; i < o.size(); i++) {
                o.circle.values()[i] = false;
                if (o.rank.values()[i] == 1) {
                    o.leave.values()[i] = true;
                    o.route.values()[i] = (byte) ExitRoute.RETIREMENT.ordinal();
                } else {
                    o.competence.values()[i] = competence[clerk];
                    o.circle.values()[i] = weakestInCircle && clerk == 0;
                    clerk++;
                }
            }
            sim.step();
            double head = -1;
            for (int i = 0; i < o.size(); i++) {
                if (o.rank.values()[i] == 1) {
                    head = o.competence.values()[i];
                }
            }
            return new double[] {head, Fixtures.last(sim.metrics(), "promotions_merit"), Fixtures.last(sim.metrics(), "promotions_gift"),
                    Fixtures.last(sim.metrics(), "hires"), Fixtures.last(sim.metrics(), "exits_retirement"), Fixtures.last(sim.metrics(), "headcount")};
        }
    }

    @Test
    void theBestClerkBecomesHeadAndARecruitTakesTheClerkPost() {
        double[] r = promote(office(Tournament.Strategy.BEST, 0.5), false);
        // competence 9 wins; spread 0 keeps it; one merit promotion, one retirement, one hire, 4 in post
        assertThat(r).containsExactly(9, 1, 0, 1, 1, 4);
    }

    @Test
    void theWorstStrategyPromotesTheLeastCompetent() {
        assertThat(promote(office(Tournament.Strategy.WORST, 0.5), false)[0]).isEqualTo(5);
    }

    @Test
    void giftsBeatMerit() {
        // circle member of competence 5: 0.5 + 0.5 + 0.3 = 1.3 > 0.9 + 0.3 = 1.2: it wins, and it counts as won by gift
        double[] r = promote(office(Tournament.Strategy.BEST, 0.5), true);
        assertThat(r[0]).isEqualTo(5);
        assertThat(r[1]).isEqualTo(0);
        assertThat(r[2]).isEqualTo(1);
        // with gifts weighted zero, merit wins again
        assertThat(promote(office(Tournament.Strategy.BEST, 0.0), true)[0]).isEqualTo(9);
    }

    @Test
    void tournamentScoreAndEfficiency() {
        var p = Tournament.Parameters.DEFAULTS;
        // 1 * 6/10 + 0.5 (circle) + 0.3 * 1 (loyal) - 0.3 * 1 = 1.1
        assertThat(Tournament.score(p, 6, true, 0, false, 1)).isCloseTo(1.1, within(EPS));
        // a reformer shows no loyalty: 0.8
        assertThat(Tournament.score(p, 8, false, 1, false, 0)).isCloseTo(0.8, within(EPS));
        // Pluchino: every post at competence 7 gives E = 70 %
        long[] posts = {81, 41, 21, 11, 5, 1};
        // one weight per rank of Pluchino's six-rank pyramid
        var pl = DEFAULTS.with("organisation.custom_posts", List.of(81, 41, 21, 11, 5, 1))
                .with("tournament.responsibility", List.of(0.2, 0.4, 0.6, 0.8, 0.9, 1.0)).tournament();
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
