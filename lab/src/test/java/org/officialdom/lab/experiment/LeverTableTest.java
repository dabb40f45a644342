package org.officialdom.lab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.lab.Backend;
import org.officialdom.lab.LocalBackend;
import org.officialdom.lab.Progress;
import org.officialdom.lab.RunOutcome;
import org.officialdom.lab.RunSpec;
import org.officialdom.lab.analysis.PairedDifference;
import org.officialdom.lab.store.ResultStore;
import org.officialdom.model.scenario.ScenarioException;

class LeverTableTest {

    @TempDir
    Path dir;

    /** Granovetter's riot: a lever that raises thresholds, one that moves nothing under normal thresholds, and a package. */
    static final String GRANOVETTER = """
            name: riot-levers
            baseline: granovetter-normal
            set: {sd: 20}
            steps: 20
            replicates: 6
            seed: 3
            outcomes:
              - acting_share
              - {metric: acting, summary: final, label: actors at the end}
            levers:
              - {path: mean, value: 45, label: higher thresholds}
              - {path: low, value: 10, label: inert}
              - set: {mean: 35, sd: 5}
            """;

    static LeverTable parse(String text) {
        return LeverTableLoader.parse(text, "levers.yaml", null);
    }

    private static LeverTableRunner.Result run(LeverTable t, Path db, int workers) {
        try (ResultStore st = ResultStore.open(db); LocalBackend b = new LocalBackend(workers, 1)) {
            return LeverTableRunner.run(t, st, b, Progress.NONE);
        }
    }

    @Test
    void raisingThresholdsLowersTheActingShareAndAnInertLeverChangesNothingAtAll() {
        LeverTable t = parse(GRANOVETTER);
        assertThat(t.from()).isEqualTo(11);
        assertThat(t.to()).isEqualTo(20);
        assertThat(t.levers()).extracting(LeverTable.Arm::label).containsExactly("higher thresholds", "inert", "mean = 35, sd = 5");
        LeverTableRunner.Result r = run(t, dir.resolve("r.duckdb"), 2);
        assertThat(r.runs()).isEqualTo(4 * 6);
        assertThat(r.ran()).isEqualTo(24);

        PairedDifference higher = r.effect(1, 0).diff();
        assertThat(higher.meanDiff()).isNegative();
        assertThat(higher.ciHigh()).isNegative();
        assertThat(r.effect(1, 0).excludesZero()).isTrue();

        for (int j = 0; j < 2; j++) {
            PairedDifference inert = r.effect(2, j).diff();
            assertThat(inert.meanDiff()).isEqualTo(0.0);
            assertThat(inert.ciLow()).isEqualTo(0.0);
            assertThat(inert.ciHigh()).isEqualTo(0.0);
            assertThat(inert.verdict()).isEqualTo(PairedDifference.IDENTICAL);
            assertThat(r.effect(2, j).excludesZero()).isFalse();
        }
        // Everyone riots in the baseline; tight thresholds around 35 leave nobody to start.
        assertThat(r.baselineMeans()).containsExactly(1.0, 100.0);
        assertThat(r.effect(3, 1).diff().meanDiff()).isEqualTo(-100.0);
        System.out.println(String.join("\n", LeverTableText.terminal(r, 200)));

        List<String> text = LeverTableText.terminal(r, 200);
        assertThat(String.join("\n", text))
                .contains("higher thresholds", "inert ", "0 (identical)", "actors at the end", "baseline (mean)")
                .containsPattern("higher thresholds +-0\\.[0-9]+ \\[-[0-9.]+, -[0-9.]+\\] \\*");
    }

    @Test
    void aCellIsTheHandComputedPairedDifferenceOfTheStoredRunsOverTheWindow() throws Exception {
        LeverTable t = parse(GRANOVETTER);
        Path db = dir.resolve("r.duckdb");
        LeverTableRunner.Result r = run(t, db, 2);
        try (ResultStore st = ResultStore.open(db)) {
            double[] d = new double[6];
            try (PreparedStatement ps = st.connection().prepareStatement(
                    "SELECT lever, replicate, run_id, seed FROM lever_runs WHERE lever_table_id = ? AND lever IN (0, 1) ORDER BY replicate, lever")) {
                ps.setString(1, r.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int k = rs.getInt(2);
                        assertThat(rs.getLong(4)).isEqualTo(3 + k);
                        double[] series = st.metrics(rs.getString(3)).get("acting_share");
                        assertThat(series).hasSize(21);
                        double mean = 0;
                        for (int s = 11; s <= 20; s++) {
                            mean += series[s] / 10;
                        }
                        d[k] += rs.getInt(1) == 1 ? mean : -mean;
                    }
                }
            }
            double m = 0;
            for (double x : d) {
                m += x / 6;
            }
            double ss = 0;
            for (double x : d) {
                ss += (x - m) * (x - m);
            }
            double half = 2.5705818366147395 * Math.sqrt(ss / 5) / Math.sqrt(6); // t(0.975, 5)
            PairedDifference cell = r.effect(1, 0).diff();
            assertThat(cell.meanDiff()).isCloseTo(m, within(1e-12));
            assertThat(cell.ciLow()).isCloseTo(m - half, within(1e-9));
            assertThat(cell.ciHigh()).isCloseTo(m + half, within(1e-9));
            try (PreparedStatement ps = st.connection().prepareStatement("""
                    SELECT mean_diff, ci_low, ci_high, replicates, excludes_zero, lever_label, changes, metric, summary
                    FROM lever_effects WHERE lever_table_id = ? AND lever = 1 AND outcome = 0""")) {
                ps.setString(1, r.id());
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getDouble(1)).isEqualTo(cell.meanDiff());
                    assertThat(rs.getDouble(2)).isEqualTo(cell.ciLow());
                    assertThat(rs.getDouble(3)).isEqualTo(cell.ciHigh());
                    assertThat(rs.getInt(4)).isEqualTo(6);
                    assertThat(rs.getBoolean(5)).isTrue();
                    assertThat(rs.getString(6)).isEqualTo("higher thresholds");
                    assertThat(rs.getString(7)).isEqualTo("{\"mean\":45.0}");
                    assertThat(rs.getString(8) + " " + rs.getString(9)).isEqualTo("acting_share mean");
                }
            }
            assertThat(st.count("lever_effects", null)).isEqualTo(3 * 2);
            assertThat(st.count("lever_runs", null)).isEqualTo(4 * 6);
            assertThat(st.count("lever_tables", null)).isEqualTo(1);
        }
    }

    @Test
    void anInterruptedTableResumesFromTheRunsItStoredAndGivesTheSameNumbers() {
        LeverTable t = parse(GRANOVETTER);
        Path db = dir.resolve("r.duckdb");
        try (ResultStore st = ResultStore.open(db); LocalBackend inner = new LocalBackend(2, 1)) {
            Backend stopping = new Backend() {
                int n;

                @Override
                public void run(List<RunSpec> specs, Consumer<RunOutcome> sink) {
                    inner.run(specs, o -> {
                        sink.accept(o);
                        if (++n == 7) {
                            throw new IllegalStateException("interrupted");
                        }
                    });
                }

                @Override
                public int parallelism() {
                    return 2;
                }
            };
            assertThatThrownBy(() -> LeverTableRunner.run(t, st, stopping, Progress.NONE)).hasMessage("interrupted");
            assertThat(st.count("runs", null)).isEqualTo(7);
            LeverTableRunner.Result resumed = LeverTableRunner.run(t, st, inner, Progress.NONE);
            assertThat(resumed.reused()).isEqualTo(7);
            assertThat(resumed.ran()).isEqualTo(24 - 7);
            assertThat(st.count("runs", null)).isEqualTo(24);
            LeverTableRunner.Result again = LeverTableRunner.run(t, st, inner, Progress.NONE);
            assertThat(again.ran()).isZero();
            assertThat(again.effects()).isEqualTo(resumed.effects());
            assertThat(run(t, dir.resolve("fresh.duckdb"), 2).effects()).isEqualTo(resumed.effects());
        }
    }

    @Test
    void theTableIsTheSameOnOneOrTwoWorkers() {
        LeverTable t = parse(GRANOVETTER);
        LeverTableRunner.Result one = run(t, dir.resolve("one.duckdb"), 1);
        LeverTableRunner.Result two = run(t, dir.resolve("two.duckdb"), 2);
        assertThat(two.effects()).isEqualTo(one.effects());
        assertThat(two.baselineMeans()).isEqualTo(one.baselineMeans());
        assertThat(LeverTableText.terminal(two, 120)).isEqualTo(LeverTableText.terminal(one, 120));
    }

    @Test
    void aLeverHoldsItsValueOverTheCalendarAndDropCalendarRunsWithoutIt() {
        // kuran-normal lowers the mean threshold from 44 to 40 at step 20, which tips public opposition into a cascade.
        String text = """
                baseline: kuran-normal
                set: {population: 2000}
                replicates: 6
                outcomes: [{metric: public_opposition, summary: final}]
                levers:
                  - {path: mean, value: 44, label: no shock}
                """;
        LeverTable kept = parse(text);
        assertThat(kept.baselineArm().scenario().calendar()).hasSize(1);
        assertThat(kept.levers().get(0).scenario().calendar()).isEmpty();
        assertThat(kept.levers().get(0).heldOver()).containsExactly("mean at step 20");
        LeverTableRunner.Result r = run(kept, dir.resolve("r.duckdb"), 2);
        assertThat(r.effect(1, 0).diff().ciHigh()).isNegative();

        LeverTable dropped = parse(text + "drop_calendar: true\n");
        assertThat(dropped.baselineArm().scenario().calendar()).isEmpty();
        LeverTableRunner.Result d = run(dropped, dir.resolve("r.duckdb"), 2);
        assertThat(d.effect(1, 0).diff().verdict()).isEqualTo(PairedDifference.IDENTICAL);
        assertThat(d.baselineMeans()[0]).isCloseTo(r.baselineMeans()[0] + r.effect(1, 0).diff().meanDiff(), within(1e-9));
    }

    @Test
    void aBaselineThatChangesNothingHasTheRunsOfCompare() {
        LeverTable t = parse(GRANOVETTER.replace("set: {sd: 20}\n", ""));
        assertThat(t.baselineArm().spec(3, 0, 20)).isEqualTo(RunSpec.of(t.baseline(), Map.of(), 3, 20));
    }

    @Test
    void summariesOverTheWindow() {
        double[] w = {1, 2, 3};
        assertThat(new LeverTable.Outcome("x", "mean", null, null).of(w, 1)).isEqualTo(2.0);
        assertThat(new LeverTable.Outcome("x", "sum", null, null).of(w, 1)).isEqualTo(6.0);
        assertThat(new LeverTable.Outcome("x", "final", null, null).of(w, 1)).isEqualTo(3.0);
        assertThat(new LeverTable.Outcome("x", "per_year", null, null).of(w, 1)).isEqualTo(24.0); // 6 in 3 months
        assertThat(new LeverTable.Outcome("x", "per_year", null, null).of(w, 12)).isEqualTo(2.0); // 6 in 3 years
        assertThat(new LeverTable.Outcome("x", "per_year", null, null).heading()).isEqualTo("x per year");
    }

    @Test
    void cellsShowTwoSignificantDigitsAndSplitWhenWide() {
        assertThat(LeverTableText.cell(new PairedDifference(10, 0, 0, 0.012, 0.1, 0.008, 0.016, 0.95, PairedDifference.HIGHER)))
                .isEqualTo("+0.012 [0.008, 0.016]");
        assertThat(LeverTableText.cell(new PairedDifference(10, 0, 0, -41.2, 3, -45.3, -37.1, 0.95, PairedDifference.LOWER)))
                .isEqualTo("-41 [-45, -37]");
        LeverTableRunner.Result r = run(parse(GRANOVETTER), dir.resolve("r.duckdb"), 2);
        List<String> narrow = LeverTableText.terminal(r, 40);
        assertThat(narrow.stream().filter(l -> l.startsWith("lever ")).count()).isEqualTo(2);
        String md = LeverTableText.markdown(r, "officialdom levers levers.yaml", "2025-01-01");
        assertThat(md).startsWith("# riot-levers\n").contains("officialdom levers levers.yaml", "2025-01-01",
                "| lever | acting_share | actors at the end |", "| inert | 0 (identical) | 0 (identical) |", "## How to read this table");
        assertThat(md).containsPattern("\\| higher thresholds \\| \\*\\*-0\\.[0-9]+ \\[-[0-9.]+, -[0-9.]+\\]\\*\\* \\|");
    }

    @Test
    void outcomesInGroupsGetATableEach() {
        LeverTableRunner.Result r = run(parse(GRANOVETTER.replace("- acting_share", "- {metric: acting_share, group: Riot}")
                .replace("label: actors at the end}", "label: actors at the end, group: Flow}")), dir.resolve("r.duckdb"), 2);
        String out = String.join("\n", LeverTableText.terminal(r, 200));
        assertThat(out).contains("\nRiot:\nlever ", "\nFlow:\nlever ");
    }

    @Test
    void badFilesNameTheFileTheLineAndTheField() {
        assertProblem(GRANOVETTER.replace("path: low", "path: lowest"), "levers.yaml, line 12, field 'levers[1].path': "
                + "expected a parameter of model granovetter (see 'officialdom schema granovetter'), found 'lowest'");
        assertProblem(GRANOVETTER.replace("- acting_share", "- riot_size"), "levers.yaml, line 8, field 'outcomes[0]': "
                + "expected a metric of model granovetter: acting, acting_share, newly_acting, found 'riot_size'");
        assertProblem(GRANOVETTER.replace("replicates: 6", "replicates: 1"), "line 5, field 'replicates'");
        assertProblem(GRANOVETTER.replace("value: 45", "value: high"), "field 'levers[0].value': expected a number of at least 0");
        assertProblem(GRANOVETTER.replace("steps: 20", "steps: 20\nwindow: {from: 5, to: 30}"),
                "field 'window.to': expected a step from 0 to the run's last, 20, found 30");
        assertProblem(GRANOVETTER.replace("- set: {mean: 35, sd: 5}", "- {path: sd, value: 3, set: {mean: 1}}"),
                "field 'levers[2]': expected exactly one of 'path' (with 'value') or 'set', found both");
        assertProblem(GRANOVETTER.replace("label: inert", "label: higher thresholds"),
                "field 'levers[1].label': expected each lever once, under a label of its own, found 'higher thresholds' again");
        assertProblem(GRANOVETTER.replace("summary: final", "summary: median"), "field 'outcomes[1].summary': expected one of: mean, sum, per_year, final");
        assertProblem(GRANOVETTER.replace("baseline: granovetter-normal", "baseline: no-such-scenario.yaml"),
                "levers.yaml, line 2, field 'baseline': expected a built-in scenario name or a scenario file");
        assertProblem(GRANOVETTER.replace("set: {mean: 35, sd: 5}", "set: {low: 50, high: 10}"),
                "field 'levers[2]': expected values the model accepts together");
        assertProblem(GRANOVETTER.replace("seed: 3", "seed: 3\nstep: 9"), "field 'step': expected one of the known fields");
    }

    private static void assertProblem(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(ScenarioException.class).hasMessageContaining(message);
    }

    @Test
    void theNameDefaultsToTheFileName() {
        assertThat(LeverTableLoader.nameOf("examples/Granovetter_Levers.yaml")).isEqualTo("granovetter-levers");
        assertThat(LeverTableLoader.parse(GRANOVETTER.replace("name: riot-levers\n", ""), "x/my-levers.yml", null).name())
                .isEqualTo("my-levers");
        List<String> ids = new ArrayList<>();
        ids.add(LeverTableRunner.id(parse(GRANOVETTER)));
        ids.add(LeverTableRunner.id(parse(GRANOVETTER)));
        assertThat(ids.get(0)).startsWith("riot-levers-").isEqualTo(ids.get(1));
    }
}
