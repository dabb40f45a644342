package org.officialdom.model.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.MetricTable;
import org.officialdom.engine.Simulation;
import org.officialdom.model.scenario.ScenarioLoader;

/** Reproduction tests for Kuran's preference-falsification cascades. */
class KuranTest {

    private static final List<Double> TEN = List.of(0.0, 20.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 100.0);

    static MetricTable run(List<Double> thresholds, int steps) {
        KuranParameters p = new KuranParameters(thresholds.size(), KuranParameters.Distribution.LIST, thresholds,
                50, 20, 0, 100, KuranParameters.Preferences.MIRROR, List.of(), 50);
        try (Simulation sim = new Simulation(new Kuran(p), 1, 1)) {
            sim.runTo(steps);
            return sim.metrics();
        }
    }

    static List<Double> withOne(List<Double> base, int index, double value) {
        List<Double> out = new ArrayList<>(base);
        out.set(index, value);
        return out;
    }

    @Test
    void tenPersonSequenceStopsAtTen() {
        MetricTable t = run(TEN, 20);
        assertThat(t.last("public_opposition")).isEqualTo(10.0);
        // the instigator acts at step 1 and nobody follows
        assertThat(t.column("public_opposition")).containsExactly(
                0, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
    }

    @Test
    void loweringOneTwentyToTenCascadesToNinety() {
        MetricTable t = run(withOne(TEN, 1, 10.0), 20);
        // one more person each step: 10, 20, ..., 90, where the threshold-100 person holds out
        double[] s = t.column("public_opposition");
        for (int step = 1; step <= 9; step++) {
            assertThat(s[step]).isEqualTo(10.0 * step);
        }
        assertThat(t.last("public_opposition")).isEqualTo(90.0);
    }

    @Test
    void oneSmallThresholdChangeSwitchesBetweenNoRevolutionAndFullCascade() {
        // 100 people with thresholds 0, 1, ..., 99 percent: everyone ends up in open opposition
        List<Double> ladder = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ladder.add((double) i);
        }
        assertThat(run(ladder, 120).last("public_opposition")).isEqualTo(100.0);
        // the person with threshold 1 now waits for 2 percent: the cascade stops at the instigator
        assertThat(run(withOne(ladder, 1, 2.0), 120).last("public_opposition")).isEqualTo(1.0);
        // and moving them back by one point restores the revolution
        assertThat(run(withOne(ladder, 1, 1.0), 120).last("public_opposition")).isEqualTo(100.0);
    }

    @Test
    void falsificationGapBeforeAndAfter() {
        // before: half oppose in private (thresholds below 50 mirror preferences above 50), one in public
        MetricTable before = run(TEN, 20);
        assertThat(before.last("private_opposition")).isEqualTo(50.0);
        assertThat(before.last("falsification_gap")).isEqualTo(40.0);
        assertThat(before.last("hidden_opponents")).isEqualTo(40.0);
        // after the cascade nobody hides opposition, and four regime supporters have joined the crowd
        MetricTable after = run(withOne(TEN, 1, 10.0), 20);
        assertThat(after.last("private_opposition")).isEqualTo(50.0);
        assertThat(after.last("hidden_opponents")).isEqualTo(0.0);
        assertThat(after.last("falsification_gap")).isEqualTo(-40.0);
    }

    @Test
    void builtInScenarioFallsAfterTheCalendarShock() {
        MetricTable t = ScenarioRuns.run("kuran", 1, 1);
        double[] s = t.column("public_opposition");
        assertThat(s[4]).isEqualTo(10.0);                        // stable before the shock
        assertThat(t.last("public_opposition")).isEqualTo(90.0); // revolution after it
        assertThat(t.column("falsification_gap")[4]).isEqualTo(40.0);
    }

    @Test
    void normalScenarioTipsAfterAFourPointShift() {
        MetricTable t = ScenarioRuns.run("kuran-normal", 1, 2);
        double[] s = t.column("public_opposition");
        double[] priv = t.column("private_opposition");
        // before the shock: a small public opposition while a majority opposes privately
        assertThat(s[19]).isLessThan(15.0);
        assertThat(priv[19]).isGreaterThan(50.0);
        // after: near-total public opposition
        assertThat(t.last("public_opposition")).isGreaterThan(95.0);
        // the mirror rule (x = 100 - T) moves private preferences with the thresholds: the four-point
        // shock also raises private opposition, 59.52 % -> 65.44 % (those with T in [50, 54) cross x > 50)
        assertThat(priv[19]).isCloseTo(59.52, within(1e-9));
        assertThat(priv[20]).isCloseTo(65.44, within(1e-9));
        assertThat(t.last("private_opposition")).isEqualTo(priv[20]);
        // shares stay in [0, 100] and the gap is their difference
        double[] gap = t.column("falsification_gap");
        for (int i = 0; i < s.length; i++) {
            assertThat(s[i]).isBetween(0.0, 100.0);
            assertThat(gap[i]).isCloseTo(priv[i] - s[i], within(1e-9));
        }
    }

    @Test
    void scenarioFileRejectsAMismatchedPreferenceList() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScenarioLoader.parse("""
                name: bad
                model: kuran
                steps: 5
                parameters:
                  preferences: list
                  preference_list: [10, 20]
                """, "bad.yaml")).hasMessageContaining("preference_list");
    }
}
