package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialdom.model.bureaucracy.BureaucracyParameters.DEFAULTS;

import org.junit.jupiter.api.Test;

/**
 * Mechanism 14, public party exit: the threshold and the shift, on hand-made numbers worked out by
 * hand in the comments.
 */
class PartyExitTest {

    private static final double EPS = 1e-12;

    @Test
    void partyExitThresholdAndShift() {
        var p = DEFAULTS.with("party_exit.mean", 0.3).with("party_exit.sd", 0.1).with("party_exit.support_weight", 0.4)
                .with("party_exit.inside_premium", 0.05).with("party_exit.surveillance_weight", 0.2).partyExit();
        // 0.3 + 0.1 * 1 + 0.4 * (0.8 - 0.5) = 0.52
        assertThat(PartyExit.threshold(p, 1.0, 0.8)).isCloseTo(0.52, within(EPS));
        // clipped at 0
        assertThat(PartyExit.threshold(p, -5, 0)).isEqualTo(0.0);
        // shift 0.05 + 0.2 * 0.5 = 0.15
        assertThat(PartyExit.shift(p, 0.5)).isCloseTo(0.15, within(EPS));
    }
}
