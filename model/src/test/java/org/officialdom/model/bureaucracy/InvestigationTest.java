package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialdom.model.bureaucracy.BureaucracyParameters.DEFAULTS;

import org.junit.jupiter.api.Test;

/**
 * Mechanism 7, anti-corruption enforcement: the hazard, the verdicts and the fear, on hand-made
 * numbers worked out by hand in the comments.
 */
class InvestigationTest {

    private static final double EPS = 1e-12;

    @Test
    void investigationHazardAndVerdicts() {
        // defaults: convict guilty 0.8, fabricate 0.3
        var p = DEFAULTS.with("investigation.base", 0.001).with("investigation.campaign", 4)
                .with("investigation.circle_weight", 9).with("investigation.enemy_weight", 2)
                .with("investigation.patron_protection", 0.5).with("investigation.base_fear", 0.05).investigation();
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
}
