package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.MetricTable;
import org.officialdom.model.scenario.ScenarioLoader;

/**
 * The built-in {@code peter} scenario is Pluchino, Rapisarda and Garofalo's (2010) model: the
 * tournament with gifts and loyalty weighted zero on their 160-post pyramid. Their qualitative
 * results, over 20 initial configurations shared by every strategy (mean efficiency of steps
 * 100-300 minus the initial efficiency): under common sense the Best gain and the Worst lose; under
 * the Peter hypothesis the reverse; Random does not lower efficiency under either.
 */
class PeterPrincipleTest {

    private static final int CONFIGURATIONS = 20;
    private static final int STEPS = 300;

    private static BureaucracyParameters peter() {
        return (BureaucracyParameters) ScenarioLoader.builtIn("peter").parametersAt(0);
    }

    private static BureaucracyParameters variant(Tournament.Strategy s, Tournament.Hypothesis h) {
        return peter().with("tournament.strategy", s).with("tournament.hypothesis", h);
    }

    private static double gain(Tournament.Strategy s, Tournament.Hypothesis h) {
        double total = 0;
        for (int k = 0; k < CONFIGURATIONS; k++) {
            MetricTable t = Fixtures.run(variant(s, h), 100 + k, 1, STEPS);
            double[] e = t.column("efficiency");
            double mean = 0;
            for (int i = 100; i <= STEPS; i++) {
                mean += e[i] / (STEPS - 99);
            }
            total += (mean - e[0]) / CONFIGURATIONS;
        }
        return total;
    }

    @Test
    void theScenarioIsTheReducedTournament() {
        BureaucracyParameters p = peter();
        assertThat(p.organisation().customPosts()).containsExactly(81, 41, 21, 11, 5, 1);
        assertThat(p.tournament().gift()).isZero();
        assertThat(p.tournament().loyalty()).isZero();
        assertThat(p.tournament().hypothesis()).isEqualTo(Tournament.Hypothesis.PETER);
        assertThat(p.tournament().responsibility()).isEqualTo(List.of(0.2, 0.4, 0.6, 0.8, 0.9, 1.0));
        MetricTable t = Fixtures.run(p, 1, 1, 3);
        // 160 posts, all filled, start near 70 %
        assertThat(t.column("headcount")).containsOnly(160);
        assertThat(t.column("efficiency")[0]).isBetween(60.0, 75.0);
    }

    @Test
    void commonSenseRewardsTheBestAndPunishesTheWorst() {
        assertThat(gain(Tournament.Strategy.BEST, Tournament.Hypothesis.COMMON_SENSE)).isGreaterThan(1.0);
        assertThat(gain(Tournament.Strategy.WORST, Tournament.Hypothesis.COMMON_SENSE)).isLessThan(-1.0);
    }

    @Test
    void underThePeterHypothesisItIsTheOtherWayRound() {
        assertThat(gain(Tournament.Strategy.BEST, Tournament.Hypothesis.PETER)).isLessThan(-1.0);
        assertThat(gain(Tournament.Strategy.WORST, Tournament.Hypothesis.PETER)).isGreaterThan(1.0);
    }

    @Test
    void randomPromotionDoesNotLowerEfficiency() {
        assertThat(gain(Tournament.Strategy.RANDOM, Tournament.Hypothesis.COMMON_SENSE)).isGreaterThan(-0.5);
        assertThat(gain(Tournament.Strategy.RANDOM, Tournament.Hypothesis.PETER)).isGreaterThan(-0.5);
    }
}
