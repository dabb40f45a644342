package org.officialdom.lab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.lab.LocalBackend;
import org.officialdom.lab.Progress;
import org.officialdom.lab.analysis.PairedDifference;
import org.officialdom.lab.store.ResultStore;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;

class ComparisonTest {

    @TempDir
    Path dir;

    @Test
    void identicalScenariosUnderCommonRandomNumbersDifferByExactlyZero() {
        Scenario a = ScenarioLoader.builtIn("granovetter-normal");
        Scenario b = ScenarioLoader.parse(a.text(), "copy of granovetter-normal");
        try (ResultStore st = ResultStore.open(dir.resolve("r.duckdb")); LocalBackend be = new LocalBackend(2, 1)) {
            Comparison.Result r = Comparison.run(a, b, 5, 1, 20, List.of(), List.of("final", "mean"), 0.95, st, be, Progress.NONE);
            assertThat(r.rows()).hasSize(6);
            for (Comparison.Row row : r.rows()) {
                assertThat(row.diff().meanDiff()).isEqualTo(0.0);
                assertThat(row.diff().ciLow()).isEqualTo(0.0);
                assertThat(row.diff().ciHigh()).isEqualTo(0.0);
                assertThat(row.diff().verdict()).isEqualTo(PairedDifference.IDENTICAL);
            }
            assertThat(r.ran()).isEqualTo(5); // same text, same seeds: the same five runs serve both sides
            assertThat(st.count("comparisons", null)).isEqualTo(6);
            assertThat(st.count("comparison_runs", "side = 'B'")).isEqualTo(5);
        }
    }

    @Test
    void lowerThresholdsBringMoreActorsOut() {
        Scenario a = ScenarioLoader.builtIn("granovetter-normal");
        Scenario b = ScenarioLoader.parse(a.text().replace("mean: 25", "mean: 10").replace("name: granovetter-normal",
                "name: low-thresholds"), "low.yaml");
        try (ResultStore st = ResultStore.open(dir.resolve("r.duckdb")); LocalBackend be = new LocalBackend(2, 1)) {
            Comparison.Result r = Comparison.run(a, b, 6, 1, 30, List.of("acting_share"), List.of("final"), 0.95, st, be, Progress.NONE);
            PairedDifference d = r.rows().get(0).diff();
            assertThat(d.verdict()).isEqualTo(PairedDifference.HIGHER);
            assertThat(d.meanDiff()).isCloseTo(d.meanB() - d.meanA(), within(1e-12));
            assertThat(d.ciLow()).isGreaterThan(0);
        }
    }

    @Test
    void aSpreadAtRoundingLevelIsNoSpreadForTheStandardisedEffect() {
        // differences equal up to their last bit: the sd (~1e-16) is rounding, not a spread
        PairedDifference tiny = PairedDifference.of(new double[] {0.3, 0.3, 0.3}, new double[] {0.7, 0.7000000000000001, 0.7}, 0.95);
        assertThat(tiny.sdDiff()).isGreaterThan(0);
        assertThat(tiny.effect()).isInfinite().isPositive();
        PairedDifference real = PairedDifference.of(new double[] {0, 0, 0}, new double[] {1, 2, 3}, 0.95);
        assertThat(real.effect()).isCloseTo(2.0, within(1e-12));
        // ranked: the finite effects, largest first, then the constant differences, largest relative to A first
        PairedDifference strong = PairedDifference.of(new double[] {1, 1, 1, 1}, new double[] {6, 6.5, 5.5, 6}, 0.95);
        PairedDifference constantSmall = PairedDifference.of(new double[] {10, 10, 10}, new double[] {11, 11, 11}, 0.95);
        PairedDifference constantLarge = PairedDifference.of(new double[] {10, 10, 10}, new double[] {15, 15, 15}, 0.95);
        PairedDifference weaker = PairedDifference.of(new double[] {0, 0, 0, 0}, new double[] {1.5, 2, 2.5, 2}, 0.95);
        assertThat(strong.clear() && weaker.clear() && constantSmall.clear()).isTrue();
        assertThat(real.clear()).isFalse(); // three replicates: its interval crosses 0
        List<PairedDifference> ranked = new java.util.ArrayList<>(List.of(constantSmall, real, weaker, constantLarge, strong));
        ranked.sort(PairedDifference.LARGEST_FIRST);
        assertThat(ranked).containsExactly(strong, weaker, constantLarge, constantSmall, real);
    }

    @Test
    void pairedIntervalIsTheStudentTInterval() {
        // d = 1, 2, 3: mean 2, sd 1, t(0.975, 2) = 4.302652729911275.
        PairedDifference d = PairedDifference.of(new double[] {0, 0, 0}, new double[] {1, 2, 3}, 0.95);
        assertThat(d.meanDiff()).isEqualTo(2.0);
        assertThat(d.sdDiff()).isEqualTo(1.0);
        assertThat(d.ciLow()).isCloseTo(2 - 4.302652729911275 / Math.sqrt(3), within(1e-9));
        assertThat(d.ciHigh()).isCloseTo(2 + 4.302652729911275 / Math.sqrt(3), within(1e-9));
        assertThat(d.verdict()).isEqualTo(PairedDifference.UNCLEAR); // the interval, about [-0.48, 4.48], holds 0
        assertThat(PairedDifference.of(new double[] {0, 0, 0}, new double[] {-2, -2.1, -1.9}, 0.95).verdict())
                .isEqualTo(PairedDifference.LOWER);
    }
}
