package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialdom.model.bureaucracy.BureaucracyParameters.DEFAULTS;

import org.junit.jupiter.api.Test;

/**
 * Mechanism 14, private support and public party exit: the thresholds, support as it moves with
 * morale and with what a unit has seen, and what being watched costs, on hand-made numbers worked
 * out by hand in the comments.
 */
class PartyExitTest {

    private static final double EPS = 1e-12;

    @Test
    void thresholdsAndWhatBeingWatchedCosts() {
        var p = DEFAULTS.with("party_exit.mean", 0.3).with("party_exit.sd", 0.1).with("party_exit.support_weight", 0.4)
                .with("party_exit.inside_premium", 0.05).with("party_exit.surveillance_weight", 0.2).partyExit();
        // base: 0.3 + 0.1 * 1 = 0.4; clipped at 0 for a draw of -5
        assertThat(PartyExit.threshold(p, 1.0)).isCloseTo(0.4, within(EPS));
        assertThat(PartyExit.threshold(p, -5.0)).isEqualTo(0.0);
        // with support 0.8: 0.4 + 0.4 * (0.8 - 0.5) = 0.52
        assertThat(PartyExit.threshold(p, 0.4, 0.8)).isCloseTo(0.52, within(EPS));
        // watched: 0.05 + 0.2 * 0.5 = 0.15
        assertThat(PartyExit.watched(p, 0.5)).isCloseTo(0.15, within(EPS));
    }

    @Test
    void supportMovesWithMoraleAndWithWhatTheUnitHasSeen() {
        var p = DEFAULTS.with("party_exit.morale_weight", 0.3).with("party_exit.peer_weight", 0.5)
                .with("party_exit.punishment_weight", 5).with("party_exit.belief_rate", 0.1).partyExit();
        // anchor 0.6, morale 0.8, nothing seen: 0.6 + 0.3 * 0.3 = 0.69; clipped to [0, 1]
        assertThat(PartyExit.support(p, 0.6, 0.8, 0)).isCloseTo(0.69, within(EPS));
        assertThat(PartyExit.support(p, 0.9, 1.0, 0.2)).isEqualTo(1.0);
        assertThat(PartyExit.support(p, 0.1, 0.0, -0.2)).isEqualTo(0.0);
        // a unit where 20 % of members quit and 1 % a year are dismissed: target -0.5 * 0.2 - 5 * 0.01 = -0.15;
        // one month from 0 closes 0.1 of the gap: -0.015; three months: 1 - 0.9^3 = 0.271 of it
        assertThat(PartyExit.seen(p, 0, 0.2, 0.01, 1)).isCloseTo(-0.015, within(EPS));
        assertThat(PartyExit.seen(p, 0, 0.2, 0.01, 3)).isCloseTo(-0.15 * (1 - Math.pow(0.9, 3)), within(EPS));
    }
}
