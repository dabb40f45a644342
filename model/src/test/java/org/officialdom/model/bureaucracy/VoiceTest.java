package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.officialdom.model.bureaucracy.BureaucracyParameters.DEFAULTS;

import org.junit.jupiter.api.Test;

/**
 * Mechanism 8, voice: how the circle retaliates, on hand-made numbers worked out by hand in the
 * comments.
 */
class VoiceTest {

    @Test
    void retaliationSplit() {
        // defaults: blocked 1, fabricated 1
        var p = DEFAULTS.with("voice.retaliation_rate", 0.4).with("voice.transfer", 2).voice();
        // in a unit half in the circle r = 0.4 * 0.5 = 0.2; u scaled to [0, 4): blocked [0,1), transfer [1,3), fabricated [3,4)
        assertThat(Voice.retaliation(p, 0.5, 0.2)).isEqualTo(Voice.Retaliation.NONE);
        assertThat(Voice.retaliation(p, 0.5, 0.04)).isEqualTo(Voice.Retaliation.BLOCKED_PROMOTION);
        assertThat(Voice.retaliation(p, 0.5, 0.06)).isEqualTo(Voice.Retaliation.PUNITIVE_TRANSFER);
        assertThat(Voice.retaliation(p, 0.5, 0.16)).isEqualTo(Voice.Retaliation.FABRICATED_ACCUSATION);
        // a clean unit never retaliates
        assertThat(Voice.retaliation(p, 0.0, 0.0)).isEqualTo(Voice.Retaliation.NONE);
    }
}
