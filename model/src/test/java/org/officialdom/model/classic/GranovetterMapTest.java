package org.officialdom.model.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.MetricTable;
import org.officialdom.engine.Simulation;
import org.officialdom.model.classic.GranovetterParameters.Distribution;
import org.officialdom.model.classic.GranovetterParameters.Unit;
import org.officialdom.model.scenario.Scenario;

/**
 * Granovetter's map r(t+1) = N · F(r(t)) as the model computes it ({@link GranovetterMap}), and the
 * crowd of 100 drawn from uniform thresholds, with and without an instigator.
 */
class GranovetterMapTest {

    private static List<Double> riot() {
        List<Double> t = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            t.add((double) i);
        }
        return t;
    }

    private static GranovetterParameters normal(double sd) {
        return new GranovetterParameters(100, Distribution.NORMAL, Unit.COUNT, 25, sd, 0, 100, List.of());
    }

    @Test
    void theMapReproducesTheRiotExample() {
        GranovetterMap riot = new GranovetterMap(GranovetterParameters.DEFAULTS);
        assertThat(riot.equilibrium()).isEqualTo(100);
        assertThat(riot.path(4)).containsExactly(0, 1, 2, 3, 4);
        List<Double> moved = riot();
        moved.set(1, 2.0);
        var one = new GranovetterParameters(0, Distribution.LIST, Unit.COUNT, 0, 0, 0, 0, moved);
        assertThat(new GranovetterMap(one).equilibrium()).isEqualTo(1);
    }

    @Test
    void theMapEqualsTheIndependentFormulaAndJumpsAtTheCriticalSpread() {
        // pass equals formula: the model's map against the test's own iteration of 100 Φ((r − 25)/σ)
        for (double sd : new double[] {2, 8, 11, 12, 12.5, 15, 30, 100}) {
            assertThat(new GranovetterMap(normal(sd)).equilibrium()).as("sd %s", sd)
                    .isCloseTo(GranovetterSpread.expected(sd), within(1e-6));
        }
        double lo = 1;
        double hi = 50;
        for (int i = 0; i < 50; i++) {
            double mid = (lo + hi) / 2;
            if (new GranovetterMap(normal(mid)).equilibrium() > 50) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        double critical = (lo + hi) / 2;
        assertThat(critical).isCloseTo(12.22, within(0.01));
        assertThat(new GranovetterMap(normal(critical - 0.01)).equilibrium()).isLessThan(10);
        assertThat(new GranovetterMap(normal(critical + 0.01)).equilibrium()).isGreaterThan(90);
    }

    @Test
    void theModelReportsTheMapBesideTheCrowd() {
        MetricTable t = ScenarioRuns.run(withMap("granovetter-normal"), 1, 1);
        assertThat(t.last("map_equilibrium")).isCloseTo(GranovetterSpread.expected(12), within(1e-6));
        assertThat(t.last("map_acting")).isCloseTo(GranovetterSpread.expected(12), within(1e-3));
        assertThat(t.column("map_acting")[0]).isZero();
        // the riot scenario: the map and the crowd are the same thresholds, step for step
        MetricTable riot = ScenarioRuns.run(withMap("granovetter"), 1, 1);
        assertThat(riot.column("map_acting")).containsExactly(riot.column("acting"));
        // off by default: the other scenarios keep their three metrics
        assertThat(ScenarioRuns.run("granovetter-normal", 1, 1).names()).containsExactly("acting", "acting_share", "newly_acting");
    }

    private static Scenario withMap(String name) {
        return ScenarioRuns.edited(name, t -> t.replace("  unit: count", "  unit: count\n  map: true"));
    }

    @Test
    void shareUnitMapIsTheFixedPointOfTheCdf() {
        var p = new GranovetterParameters(1000, Distribution.NORMAL, Unit.SHARE, 0.25, 0.3, 0, 1, List.of());
        double r = 0;
        for (int i = 0; i < 10_000; i++) {
            r = GranovetterMap.normalCdf((r - 0.25) / 0.3);
        }
        assertThat(new GranovetterMap(p).equilibrium() / 1000).isCloseTo(r, within(1e-6));
    }

    @Test
    void discreteUniformDrawsEveryWholeNumberFromLowToHigh() {
        var p = new GranovetterParameters(100, Distribution.DISCRETE_UNIFORM, Unit.COUNT, 0, 0, 0, 99, List.of());
        assertThat(Granovetter.wholeNumber(p, 0.0)).isEqualTo(0);
        assertThat(Granovetter.wholeNumber(p, 0.0099)).isEqualTo(0);
        assertThat(Granovetter.wholeNumber(p, 0.01)).isEqualTo(1);
        assertThat(Granovetter.wholeNumber(p, Math.nextDown(1.0))).isEqualTo(99);
        // on average the crowd is the riot example: the map on the distribution brings all 100 out
        assertThat(new GranovetterMap(p).equilibrium()).isEqualTo(100);
        assertThatThrownBy(() -> new GranovetterParameters(100, Distribution.DISCRETE_UNIFORM, Unit.SHARE, 0, 0, 0, 1, List.of()))
                .hasMessageContaining("count");
    }

    @Test
    void instigatorsHaveThresholdZeroWhateverTheDistribution() {
        var p = new GranovetterParameters(100, Distribution.NORMAL, Unit.COUNT, 25, 5, 0, 100, List.of(), 3, false);
        Granovetter model = new Granovetter(p);
        try (Simulation sim = new Simulation(model, 4, 1)) {
            double[] th = model.thresholds();
            assertThat(th[0]).isZero();
            assertThat(th[2]).isZero();
            assertThat(th[3]).isPositive();
            sim.step();
            assertThat(sim.metrics().last("acting")).isGreaterThanOrEqualTo(3);
        }
        // the map counts them: three at 0, the rest Normal(25, 5)
        assertThat(new GranovetterMap(p).acting(0)).isCloseTo(3 + 97 * GranovetterMap.normalCdf(-5), within(1e-9));
        assertThatThrownBy(() -> new GranovetterParameters(10, Distribution.NORMAL, Unit.COUNT, 25, 5, 0, 100, List.of(), 11, false))
                .hasMessageContaining("instigators");
    }

    /** Final number acting in one crowd of the built-in uniform scenario (edited), by seed. */
    private static int[] outcomes(Scenario sc, int crowds) {
        int[] out = new int[crowds];
        for (int s = 0; s < crowds; s++) {
            out[s] = (int) ScenarioRuns.run(sc, s + 1, 1).last("acting");
        }
        return out;
    }

    @Test
    void aCrowdDrawnFromUniformThresholdsOftenStopsAtNoneOrTheInstigator() {
        int crowds = 400;
        int[] plain = outcomes(ScenarioRuns.edited("granovetter-uniform", t -> t), crowds);
        int none = 0;
        int one = 0;
        int all = 0;
        for (int a : plain) {
            none += a == 0 ? 1 : 0;
            one += a == 1 ? 1 : 0;
            all += a == 100 ? 1 : 0;
        }
        System.out.printf("uniform 0..99, %d crowds: %d end with 0 acting, %d with 1, %d with 100%n", crowds, none, one, all);
        // no threshold 0 in the crowd: probability 0.99^100 = 0.366; exactly one 0 and no 1: 100 · 0.01 · 0.98^99 = 0.135
        double p0 = Math.pow(0.99, 100);
        double p1 = 100 * 0.01 * Math.pow(0.98, 99);
        assertThat((double) none).isCloseTo(crowds * p0, within(3 * Math.sqrt(crowds * p0 * (1 - p0))));
        assertThat((double) one).isCloseTo(crowds * p1, within(3 * Math.sqrt(crowds * p1 * (1 - p1))));
        assertThat(all).isLessThan(crowds / 10);
        // one instigator in every crowd (99 drawn): never 0; the instigator alone when no one else drew 0 or 1
        int[] led = outcomes(ScenarioRuns.edited("granovetter-uniform", t -> t.replace("instigators: 0", "instigators: 1")), crowds);
        assertThat(led).doesNotContain(0);
        double q1 = Math.pow(0.98, 99);
        assertThat((double) java.util.Arrays.stream(led).filter(a -> a == 1).count())
                .isCloseTo(crowds * q1, within(3 * Math.sqrt(crowds * q1 * (1 - q1))));
    }
}
