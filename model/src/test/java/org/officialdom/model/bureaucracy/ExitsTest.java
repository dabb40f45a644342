package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialdom.model.bureaucracy.BureaucracyParameters.DEFAULTS;

import org.junit.jupiter.api.Test;

/**
 * Mechanism 11, exit routes: mortality and the way out, on hand-made numbers worked out by hand in
 * the comments.
 */
class ExitsTest {

    private static final double EPS = 1e-12;

    @Test
    void exitRoutesAndMortality() {
        // defaults: ties needed 0.3, savings needed 12 months, passport control 0.5
        var p = DEFAULTS.with("exits.mortality", 0.001).with("exits.ageing", 0.1).exits();
        // at age 30 the yearly hazard is 0.001; one month: 1 - 0.999^(1/12)
        assertThat(Exits.death(p, 30, 1)).isCloseTo(1 - Math.pow(0.999, 1 / 12.0), within(EPS));
        // at 40: 0.001 * e^1 a year
        assertThat(Exits.death(p, 40, 12)).isCloseTo(0.001 * Math.E, within(1e-12));
        assertThat(Exits.way(p, 0.5, 20, 0.6)).isEqualTo(ExitRoute.EMIGRATION);
        // passport kept
        assertThat(Exits.way(p, 0.5, 20, 0.4)).isEqualTo(ExitRoute.PRIVATE_SECTOR);
        // no ties, or no savings
        assertThat(Exits.way(p, 0.1, 20, 0.9)).isEqualTo(ExitRoute.PRIVATE_SECTOR);
        assertThat(Exits.way(p, 0.5, 5, 0.9)).isEqualTo(ExitRoute.PRIVATE_SECTOR);
    }
}
