package org.officialdom.lab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Shapley values where the answer is known by construction. */
class ShapleyTest {

    @Test
    void additiveEffectsAreEachPlayersOwn() {
        double[] own = {2.0, -0.5, 0.0, 7.25};
        double[] phi = Shapley.exact(4, mask -> {
            double v = 0;
            for (int i = 0; i < 4; i++) {
                v += (mask & (1 << i)) != 0 ? own[i] : 0;
            }
            return v;
        });
        for (int i = 0; i < 4; i++) {
            assertThat(phi[i]).isCloseTo(own[i], within(1e-12));
        }
    }

    @Test
    void aPureInteractionIsSplitEquallyAndBystandersGetNothing() {
        // players 0, 1 and 2 together make 3; any fewer, nothing; player 3 never matters
        double[] phi = Shapley.exact(4, mask -> (mask & 0b0111) == 0b0111 ? 3.0 : 0.0);
        assertThat(phi[0]).isCloseTo(1.0, within(1e-12));
        assertThat(phi[1]).isCloseTo(1.0, within(1e-12));
        assertThat(phi[2]).isCloseTo(1.0, within(1e-12));
        assertThat(phi[3]).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void theValuesAddUpToTheWholeEffectExactlyAndSampledOrdersApproachThem() {
        // an arbitrary game with interactions of every order
        java.util.function.ToDoubleFunction<Integer> v = mask -> Math.sin(mask * 1.3) * Integer.bitCount(mask) + (mask & 5) * 0.7;
        int n = 6;
        double[] phi = Shapley.exact(n, v);
        double sum = 0;
        for (double p : phi) {
            sum += p;
        }
        assertThat(sum).isCloseTo(v.applyAsDouble((1 << n) - 1) - v.applyAsDouble(0), within(1e-12));
        List<int[]> orders = Shapley.orders(n, 4000, 11);
        double[] est = Shapley.sampled(n, orders, v);
        double estSum = 0;
        for (int i = 0; i < n; i++) {
            estSum += est[i];
            assertThat(est[i]).as("player %d", i).isCloseTo(phi[i], within(0.15));
        }
        // efficient order by order, so exactly efficient on average too
        assertThat(estSum).isCloseTo(sum, within(1e-9));
        // the coalitions the orders need are fewer than all when the orders are few
        assertThat(Shapley.coalitions(n, Shapley.orders(n, 3, 1))).hasSizeLessThan(1 << n).contains(0, (1 << n) - 1);
        assertThat(Shapley.coalitions(n, null)).hasSize(1 << n);
    }
}
