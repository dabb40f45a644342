package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialdom.model.bureaucracy.BureaucracyParameters.DEFAULTS;

import org.junit.jupiter.api.Test;

/**
 * Mechanism 5, the gift circle: its value, joining, leaving and numbness, on hand-made numbers
 * worked out by hand in the comments.
 */
class CircleTest {

    private static final double EPS = 1e-12;

    @Test
    void theCirclesValueWeighsWhatAGiftBuysAgainstWhatItRisks() {
        var p = DEFAULTS.with("circle.base", 0.5).with("circle.gain_weight", 40).with("circle.risk_weight", 200)
                .with("circle.integrity_weight", 3).circle();
        // V = 0.5 + 40 * ambition 0.8 * premium 0.05 - 200 * risk aversion 0.5 * risk 0.01 - 3 * integrity 0.4
        //   = 0.5 + 1.6 - 1.0 - 1.2 = -0.1
        assertThat(Circle.value(p, 0.8, 0.5, 0.4, 0.05, 0.01)).isCloseTo(-0.1, within(EPS));
        // a campaign that doubles the risk lowers it by 1.0; merit alone (no premium) by 1.6
        assertThat(Circle.value(p, 0.8, 0.5, 0.4, 0.05, 0.02)).isCloseTo(-1.1, within(EPS));
        assertThat(Circle.value(p, 0.8, 0.5, 0.4, 0.0, 0.01)).isCloseTo(-1.7, within(EPS));
    }

    @Test
    void joiningAndLeavingFollowTheValue() {
        var p = DEFAULTS.with("circle.join_rate", 0.2).with("circle.leave_rate", 0.1).with("circle.cleanup", 0.5).circle();
        // V = 0: sigma = 1/2 both ways: join 0.2 * 0.5 = 0.1; leave 0.1 * 0.5 + 0.5 * reformers 0.2 = 0.15
        assertThat(Circle.joinProbability(p, 0)).isCloseTo(0.1, within(EPS));
        assertThat(Circle.leaveProbability(p, 0, 0.2)).isCloseTo(0.15, within(EPS));
        // V = ln 3: sigma(V) = 3/4, sigma(-V) = 1/4: join 0.15, leave 0.025 with no reformers
        assertThat(Circle.joinProbability(p, Math.log(3))).isCloseTo(0.15, within(EPS));
        assertThat(Circle.leaveProbability(p, Math.log(3), 0)).isCloseTo(0.025, within(EPS));
        // leaving is capped at 1
        assertThat(Circle.leaveProbability(p, -50, 10)).isEqualTo(1.0);
    }

    @Test
    void integrityErodesWithExposure() {
        var p = DEFAULTS.with("circle.erosion", 0.01).circle();
        // over 12 months in a unit half in the circle: 0.5 - 0.01 * 0.5 * 12 = 0.44
        assertThat(Circle.erode(p, 0.5, 0.5, 12)).isCloseTo(0.44, within(EPS));
    }

    @Test
    void theRiskIsAMembersAddedAnnualChanceOfConviction() {
        var p = DEFAULTS.with("investigation.base", 0.0001).with("investigation.campaign", 5)
                .with("investigation.circle_weight", 4).with("investigation.convict_guilty", 0.5).investigation();
        // 12 * 0.0001 * 5 * 4 * 0.5 = 0.012
        assertThat(Investigation.addedRisk(p)).isCloseTo(0.012, within(EPS));
    }
}
