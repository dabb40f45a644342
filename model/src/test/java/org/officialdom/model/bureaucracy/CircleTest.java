package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialdom.model.bureaucracy.BureaucracyParameters.DEFAULTS;

import org.junit.jupiter.api.Test;

/**
 * Mechanism 5, the gift circle: joining, leaving and numbness, on hand-made numbers worked out by
 * hand in the comments.
 */
class CircleTest {

    private static final double EPS = 1e-12;

    @Test
    void circleJoiningLeavingAndNumbness() {
        var p = DEFAULTS.with("circle.join_rate", 0.5).with("circle.erosion", 0.01).with("circle.leave_rate", 0.1)
                .with("circle.cleanup", 0.5).circle();
        // join: c = 0.6, 0.5 * ambition 0.8 * (1 - integrity 0.25) = 0.3, times 0.6 = 0.18
        assertThat(Circle.joinProbability(p, 0.6, 0.8, 0.25)).isCloseTo(0.18, within(EPS));
        // leave: 0.1 * 0.4 + 0.5 * 0.2 = 0.14
        assertThat(Circle.leaveProbability(p, 0.4, 0.2)).isCloseTo(0.14, within(EPS));
        // erosion over 12 months in a unit half in the circle: 0.5 - 0.01 * 0.5 * 12 = 0.44
        assertThat(Circle.erode(p, 0.5, 0.5, 12)).isCloseTo(0.44, within(EPS));
    }
}
