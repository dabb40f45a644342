package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialdom.model.bureaucracy.BureaucracyParameters.DEFAULTS;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mechanism 9, morale and stress: the target, adaptation and stress, on hand-made numbers worked
 * out by hand in the comments.
 */
class MoraleTest {

    private static final double EPS = 1e-12;

    @Test
    void moraleTargetAdaptationAndStress() {
        // defaults: adaptation 0.1, every weight 1, colleague sensitivity 5, recovery 0.2
        var p = DEFAULTS.with("morale.study_aversion", 2).with("morale.stress_gain", 0.1).morale();
        // timeLeft = 1 - 0.2 - 0.3 = 0.5; meaning = 0.8 * 0.5 = 0.4
        // ease = 1 - min(1, 0.2 * (1 - 0.5) * 2 + 0.1) = 1 - 0.3 = 0.7
        // colleagues = 1 - min(1, 5 * 0.04) = 0.8
        // target = (0.4 + 0.5 + 0.6 + 1.0 + 0.7 + 0.8) / 6 = 4.0 / 6
        double target = Morale.target(p, 0.8, 0.2, 0.3, 0.5, 0.6, 1.0, 0.5, 0.1, 0.04);
        assertThat(target).isCloseTo(4.0 / 6, within(EPS));
        assertThat(Morale.ease(p, 0.2, 0.5, 0.1)).isCloseTo(0.7, within(EPS));
        assertThat(Morale.colleagues(p, 0.04)).isCloseTo(0.8, within(EPS));
        assertThat(Morale.colleagues(p, 1.0)).isEqualTo(0.0);
        // the form a pass uses, with the goods computed beforehand, gives the same bits
        assertThat(Morale.target(p, 0.8 * 0.5, 0.5, 0.6, 1.0, Morale.ease(p, 0.2, 0.5, 0.1), Morale.colleagues(p, 0.04)))
                .isEqualTo(target);
        // one month: 0.9 + 0.1 * (4/6 - 0.9)
        assertThat(Morale.adapt(p, 0.9, target, 1)).isCloseTo(0.9 + 0.1 * (4.0 / 6 - 0.9), within(EPS));
        // two months at once: rate 1 - 0.9^2 = 0.19
        assertThat(Morale.adapt(p, 0.9, 0.5, 2)).isCloseTo(0.9 - 0.19 * 0.4, within(EPS));
        // stress: 0.5 * 0.8 + 0.1 * 1.5 + 0.05 = 0.6; clamped at 1
        assertThat(Morale.stress(p, 0.5, 1.5, 0.05, 1)).isCloseTo(0.6, within(EPS));
        assertThat(Morale.stress(p, 1.0, 10, 0.5, 1)).isEqualTo(1.0);
    }

    @Test
    void normalisedWeightsGiveTheWeightedMean() {
        // weights 2, 1, 1, 0, 3, 1 (sum 8): target = (2·0.4 + 0.5 + 0.6 + 0 + 3·0.7 + 0.8) / 8 = 4.8 / 8 = 0.6
        BureaucracyParameters d = DEFAULTS.with("morale.study_aversion", 2).with("morale.stress_gain", 0.1);
        var p = d.with("morale.meaning_weight", 2).with("morale.recognition_weight", 0).with("morale.ease_weight", 3).morale();
        Morale.Weights w = Morale.weights(p);
        assertThat(w.meaning()).isEqualTo(0.25);
        assertThat(w.ease()).isEqualTo(0.375);
        assertThat(w.target(0.4, 0.5, 0.6, 1.0, 0.7, 0.8)).isCloseTo(0.6, within(EPS));
        var random = new java.util.SplittableRandom(3);
        for (int k = 0; k < 10_000; k++) {
            double[] x = random.doubles(6).toArray();
            assertThat(w.target(x[0], x[1], x[2], x[3], x[4], x[5]))
                    .isCloseTo(Morale.target(p, x[0], x[1], x[2], x[3], x[4], x[5]), within(EPS));
        }
        // no weight at all: the neutral 0.5, as the division form gives
        for (String good : List.of("meaning", "fairness", "freedom", "recognition", "ease", "colleagues")) {
            d = d.with("morale." + good + "_weight", 0);
        }
        var none = d.morale();
        assertThat(Morale.weights(none).target(1, 1, 1, 1, 1, 1)).isEqualTo(0.5);
        assertThat(Morale.target(none, 1, 1, 1, 1, 1, 1)).isEqualTo(0.5);
    }
}
