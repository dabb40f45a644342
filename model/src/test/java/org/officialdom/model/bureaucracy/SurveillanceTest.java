package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Mechanism 2, surveillance: fear and freedom, on hand-made numbers worked out by hand in the
 * comments.
 */
class SurveillanceTest {

    private static final double EPS = 1e-12;

    @Test
    void surveillanceFearAndFreedom() {
        var p = new Surveillance.Parameters(0.6, 0.5, 0.8);
        // F = 0.6 * (1 - 0.5 + 0.5 * 0.2) = 0.6 * 0.6 = 0.36
        assertThat(Surveillance.fear(p, 0.2)).isCloseTo(0.36, within(EPS));
        // freedom = 1 - 0.8 * 0.6 = 0.52
        assertThat(Surveillance.freedom(p)).isCloseTo(0.52, within(EPS));
    }
}
