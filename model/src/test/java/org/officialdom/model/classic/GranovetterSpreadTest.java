package org.officialdom.model.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Granovetter's normal thresholds (N = 100, mean 25): the equilibrium first rises slowly with σ,
 * jumps to nearly everyone at a critical σ, then declines toward 50 as σ grows without bound.
 */
class GranovetterSpreadTest {

    @Test
    void normalCdfByHand() {
        assertThat(GranovetterSpread.normalCdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(GranovetterSpread.normalCdf(1.959964)).isCloseTo(0.975, within(1e-6));
        assertThat(GranovetterSpread.normalCdf(-1)).isCloseTo(0.158655, within(1e-6));
    }

    @Test
    void theMapJumpsAtTheCriticalSpread() {
        double critical = GranovetterSpread.criticalSd(1, 50);
        System.out.printf("critical sd of the map: %.4f (equilibrium %.1f just below, %.1f just above)%n", critical,
                GranovetterSpread.expected(critical - 0.01), GranovetterSpread.expected(critical + 0.01));
        // a jump, not a slope: a hundredth of a point of σ moves the equilibrium from a few to nearly all
        assertThat(GranovetterSpread.expected(critical - 0.01)).isLessThan(10);
        assertThat(GranovetterSpread.expected(critical + 0.01)).isGreaterThan(90);
        // below it, the equilibrium rises slowly with σ
        assertThat(GranovetterSpread.expected(critical - 4)).isLessThan(GranovetterSpread.expected(critical - 1));
        // far above it, the equilibrium declines toward half the crowd (half the thresholds sit below 0)
        assertThat(GranovetterSpread.expected(critical + 10)).isGreaterThan(GranovetterSpread.expected(1000));
        assertThat(GranovetterSpread.expected(1e6)).isCloseTo(50, within(0.01));
    }

    @Test
    void theEngineFindsTheJumpNearTheMapsCriticalSpread() {
        double critical = GranovetterSpread.criticalSd(1, 50);
        // 100 sampled actors per crowd, 100 crowds per σ: the mean equilibrium rises steeply across σ*
        double below = GranovetterSpread.sampled(critical - 3, 100);
        double above = GranovetterSpread.sampled(critical + 3, 100);
        System.out.printf("engine: mean equilibrium %.1f at sd %.1f, %.1f at sd %.1f%n", below, critical - 3, above, critical + 3);
        assertThat(below).isLessThan(35);
        assertThat(above).isGreaterThan(65);
    }
}
