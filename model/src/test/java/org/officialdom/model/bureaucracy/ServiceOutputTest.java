package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialdom.model.bureaucracy.BureaucracyParameters.DEFAULTS;

import org.junit.jupiter.api.Test;

/**
 * Mechanism 15, public-service output: output by stance and its per-step factors, on hand-made
 * numbers worked out by hand in the comments.
 */
class ServiceOutputTest {

    private static final double EPS = 1e-12;

    @Test
    void serviceOutput() {
        // defaults: effort 1 (loyal, voice), 0.4 (neglect); voice bonus 0.2
        var p = DEFAULTS.with("output.corruption_loss", 0.5).output();
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
}
