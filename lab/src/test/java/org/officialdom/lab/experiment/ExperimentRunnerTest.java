package org.officialdom.lab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.lab.Backend;
import org.officialdom.lab.LocalBackend;
import org.officialdom.lab.Progress;
import org.officialdom.lab.RunOutcome;
import org.officialdom.lab.RunSpec;
import org.officialdom.lab.analysis.Estimate;
import org.officialdom.lab.store.ResultStore;

class ExperimentRunnerTest {

    @TempDir
    Path dir;

    static final String GRID = """
            name: grid-test
            scenario: granovetter-normal
            steps: 20
            replicates: 3
            seeds: {policy: common, base: 10}
            metrics: [acting]
            factors:
              - path: sd
                levels: [8, 16]
              - path: mean
                levels: [20, 30]
            """;

    static Experiment parse(String text) {
        return ExperimentLoader.parse(text, "test.yaml", null);
    }

    @Test
    void aGridOfTwoByTwoFactorsWithThreeReplicatesStoresTwelveRunsWithTheRightKeys() throws Exception {
        Experiment e = parse(GRID);
        try (ResultStore st = ResultStore.open(dir.resolve("r.duckdb")); Backend b = new LocalBackend(2, 1)) {
            ExperimentRunner.Result r = ExperimentRunner.run(e, st, b, Progress.NONE);
            assertThat(r.runs()).isEqualTo(12);
            assertThat(r.ran()).isEqualTo(12);
            assertThat(st.count("runs", null)).isEqualTo(12);
            assertThat(st.count("experiment_runs", null)).isEqualTo(12);
            assertThat(st.count("design_points", null)).isEqualTo(8);
            assertThat(st.count("metrics", null)).isEqualTo(12 * 21 * 3);
            try (Statement s = st.connection().createStatement();
                 ResultSet rs = s.executeQuery("""
                         SELECT e.point, e.replicate, e.seed, r.seed, r.overrides, e.run_id
                         FROM experiment_runs e JOIN runs r USING (run_id) ORDER BY e.point, e.replicate""")) {
                String[] expected = {"{\"mean\":20.0,\"sd\":8.0}", "{\"mean\":30.0,\"sd\":8.0}",
                                     "{\"mean\":20.0,\"sd\":16.0}", "{\"mean\":30.0,\"sd\":16.0}"};
                Set<String> ids = new HashSet<>();
                int n = 0;
                while (rs.next()) {
                    int point = rs.getInt(1);
                    int rep = rs.getInt(2);
                    assertThat(rs.getLong(3)).isEqualTo(10 + rep);
                    assertThat(rs.getLong(4)).isEqualTo(10 + rep);
                    assertThat(rs.getString(5)).isEqualTo(expected[point]);
                    ids.add(rs.getString(6));
                    n++;
                }
                assertThat(n).isEqualTo(12);
                assertThat(ids).hasSize(12);
            }
            // Running it again runs nothing and stores nothing twice.
            ExperimentRunner.Result again = ExperimentRunner.run(e, st, b, Progress.NONE);
            assertThat(again.ran()).isZero();
            assertThat(again.reused()).isEqualTo(12);
            assertThat(st.count("runs", null)).isEqualTo(12);
        }
    }

    /** A back end that dies after {@code limit} runs, like a process killed midway. */
    static final class Dying implements Backend {
        final Backend inner;
        final int limit;

        Dying(Backend inner, int limit) {
            this.inner = inner;
            this.limit = limit;
        }

        @Override
        public void run(List<RunSpec> specs, Consumer<RunOutcome> sink) {
            int[] n = {0};
            inner.run(specs, o -> {
                if (n[0]++ == limit) {
                    throw new IllegalStateException("killed");
                }
                sink.accept(o);
            });
        }

        @Override
        public int parallelism() {
            return inner.parallelism();
        }
    }

    @Test
    void anExperimentKilledMidwayAndRestartedStoresEachRunExactlyOnce() throws Exception {
        Experiment e = parse(GRID);
        try (ResultStore st = ResultStore.open(dir.resolve("r.duckdb")); LocalBackend b = new LocalBackend(2, 1)) {
            assertThatThrownBy(() -> ExperimentRunner.run(e, st, new Dying(b, 5), Progress.NONE)).hasMessage("killed");
            assertThat(st.count("runs", null)).isEqualTo(5);
        }
        try (ResultStore st = ResultStore.open(dir.resolve("r.duckdb")); LocalBackend b = new LocalBackend(2, 1)) {
            ExperimentRunner.Result r = ExperimentRunner.run(e, st, b, Progress.NONE);
            assertThat(r.ran()).isEqualTo(7);
            assertThat(r.reused()).isEqualTo(5);
            assertThat(st.count("runs", null)).isEqualTo(12);
            assertThat(st.count("metrics", null)).isEqualTo(12 * 21 * 3);
            try (Statement s = st.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT max(c) FROM (SELECT count(*) c FROM metrics GROUP BY run_id, step, metric)")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void aProcessHaltedMidwayLeavesAReadableStoreAndTheRestartCompletesIt() throws Exception {
        Path db = dir.resolve("crash.duckdb");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HaltMidway.class.getName(), db.toString(), "7", "3")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(p.waitFor()).as(java.nio.file.Files.readString(dir.resolve("child.log"))).isEqualTo(9);
        try (ResultStore st = ResultStore.open(db); LocalBackend b = new LocalBackend(2, 1)) {
            // Halted after 7 runs, stored 3 per transaction: two whole batches are in, the 7th run is lost.
            assertThat(st.count("runs", null)).isEqualTo(6);
            assertThat(st.count("metrics", null)).isEqualTo(6 * 21 * 3);
            ExperimentRunner.Result r = ExperimentRunner.run(parse(GRID), st, b, Progress.NONE);
            assertThat(r.ran()).isEqualTo(6);
            assertThat(st.count("runs", null)).isEqualTo(12);
            assertThat(st.count("metrics", null)).isEqualTo(12 * 21 * 3);
            assertThat(st.count("summaries", null)).isEqualTo(12 * 3);
        }
    }

    static final String MORRIS = """
            name: morris-test
            scenario: granovetter-normal
            steps: 15
            replicates: 2
            metrics: [acting]
            statistics: [final]
            design: {type: morris, samples: 6, levels: 4, seed: 3, bootstrap: 50}
            factors:
              - path: sd
                range: [5, 20]
              - path: mean
                range: [15, 35]
              - path: low
                range: [0, 10]
            """;

    @Test
    void morrisOnTheModelGivesAnInertParameterNoEffectAndTheSameNumbersWhateverTheParallelism() throws Exception {
        Experiment e = parse(MORRIS);
        List<Estimate> one;
        List<Estimate> two;
        try (ResultStore st = ResultStore.open(dir.resolve("a.duckdb")); Backend b = new LocalBackend(1, 1)) {
            one = ExperimentRunner.run(e, st, b, Progress.NONE).estimates();
        }
        try (ResultStore st = ResultStore.open(dir.resolve("b.duckdb")); Backend b = new LocalBackend(2, 2)) {
            two = ExperimentRunner.run(e, st, b, Progress.NONE).estimates();
            assertThat(st.count("sensitivity", null)).isEqualTo(9);
        }
        assertThat(two).isEqualTo(one);
        assertThat(allMetrics(dir.resolve("b.duckdb"))).isEqualTo(allMetrics(dir.resolve("a.duckdb")));
        // 'low' only shapes uniform thresholds: under normal thresholds and common seeds it changes nothing.
        Estimate lowMuStar = one.stream().filter(x -> x.factor().equals("low") && x.measure().equals("mu_star")).findFirst().orElseThrow();
        Estimate meanMuStar = one.stream().filter(x -> x.factor().equals("mean") && x.measure().equals("mu_star")).findFirst().orElseThrow();
        assertThat(lowMuStar.estimate()).isEqualTo(0.0);
        assertThat(meanMuStar.estimate()).isGreaterThan(0.0);
    }

    @Test
    void sobolOnTheModelGivesAnInertParameterZeroIndicesAndStoresThem() throws Exception {
        Experiment e = parse("""
                name: sobol-test
                scenario: granovetter-normal
                steps: 15
                metrics: [acting_share]
                statistics: [final]
                design: {type: sobol, samples: 32, bootstrap: 50}
                factors:
                  - path: sd
                    range: [5, 25]
                  - path: high
                    range: [100, 200]
                """);
        try (ResultStore st = ResultStore.open(dir.resolve("s.duckdb")); Backend b = new LocalBackend(2, 1)) {
            ExperimentRunner.Result r = ExperimentRunner.run(e, st, b, Progress.NONE);
            assertThat(r.points()).isEqualTo(32 * 4);
            List<Estimate> est = r.estimates();
            assertThat(est).hasSize(4);
            // 'high' only shapes uniform thresholds: with normal ones both its indices are exactly 0 ...
            assertThat(est.get(2).estimate()).isEqualTo(0.0);
            assertThat(est.get(3).estimate()).isEqualTo(0.0);
            // ... and 'sd' carries all the variance: y(AB_sd) = y(B), so S1 and ST are 1 up to the sampling
            // error of 32 base rows (the estimators are exact only in expectation).
            assertThat(est.get(0).estimate()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(0.15));
            assertThat(est.get(1).estimate()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(0.15));
            assertThat(st.count("sensitivity", "method = 'sobol' AND measure IN ('S1', 'ST')")).isEqualTo(4);
        }
    }

    static List<String> allMetrics(Path db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultStore st = ResultStore.open(db); Statement s = st.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT run_id, step, metric, value FROM metrics ORDER BY run_id, step, metric")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3) + " "
                        + Double.doubleToRawLongBits(rs.getDouble(4)));
            }
        }
        return rows;
    }

    @Test
    void latinHypercubeAndRangeGridsGiveValuesOfTheParametersType() {
        Experiment lhs = parse("""
                name: lhs-test
                scenario: granovetter-normal
                design: {type: lhs, samples: 7, seed: 2}
                factors:
                  - path: population
                    range: [50, 150]
                  - path: sd
                    range: [1, 3]
                """);
        Plan p = Plan.of(lhs);
        assertThat(p.size()).isEqualTo(7);
        java.util.Set<Integer> strata = new HashSet<>();
        for (var point : p.points()) {
            assertThat(point.get("population").isIntegralNumber()).isTrue();
            assertThat(point.get("population").asInt()).isBetween(50, 150);
            assertThat(point.get("sd").asDouble()).isBetween(1.0, 3.0);
            strata.add((int) Math.floor((point.get("sd").asDouble() - 1) / 2 * 7));
        }
        assertThat(strata).hasSize(7);
        Experiment grid = parse("""
                name: grid-range
                scenario: granovetter-normal
                design: {levels: 3}
                factors:
                  - path: sd
                    range: [2, 4]
                  - path: distribution
                    levels: [normal, uniform]
                """);
        Plan g = Plan.of(grid);
        assertThat(g.points().stream().map(RunSpecText::of).toList()).containsExactly(
                "2.0 normal", "2.0 uniform", "3.0 normal", "3.0 uniform", "4.0 normal", "4.0 uniform");
    }

    /** A point as "sd distribution" text. */
    static final class RunSpecText {
        static String of(java.util.Map<String, tools.jackson.databind.JsonNode> point) {
            return point.get("sd").asDouble() + " " + point.get("distribution").asString();
        }
    }

    @Test
    void badExperimentsGiveOneClearMessage() {
        assertThatThrownBy(() -> parse(GRID.replace("path: sd", "path: spread")))
                .hasMessage("test.yaml, line 8, field 'factors[0].path': expected a parameter of model granovetter"
                        + " (see 'officialdom schema'), found 'spread'");
        assertThatThrownBy(() -> parse(GRID.replace("[8, 16]", "[8, -1]")))
                .hasMessageContaining("line 9, field 'factors[0].levels[1]': expected a number of at least 0 (actors or share, per 'unit'), found -1");
        assertThatThrownBy(() -> parse(GRID.replace("replicates: 3", "replicates: three")))
                .hasMessageContaining("line 4, field 'replicates': expected a whole number");
        assertThatThrownBy(() -> parse(GRID.replace("factors:", "design: {type: lhs}\nfactors:")))
                .hasMessageContaining("field 'factors[0].levels': expected a 'range'");
        assertThatThrownBy(() -> parse(GRID + "colour: blue\n"))
                .hasMessageContaining("field 'colour': expected one of the known fields");
        assertThatThrownBy(() -> parse(GRID.replace("factors:", "design: {type: sobol, samples: 1}\nfactors:")))
                .hasMessageContaining("field 'design.samples': expected at least 2 base samples for a sobol design, found 1");
        Experiment badMetric = parse(GRID.replace("[acting]", "[riots]"));
        assertThatThrownBy(() -> ExperimentRunner.metricsOf(badMetric))
                .hasMessage("test.yaml, line 6, field 'metrics[0]': expected a metric of model granovetter:"
                        + " acting, acting_share, newly_acting, found 'riots'");
    }

    @Test
    void independentSeedsDifferAcrossPointsAndCommonSeedsDoNot() {
        SeedPolicy common = new SeedPolicy(true, 4);
        SeedPolicy independent = new SeedPolicy(false, 4);
        List<Long> seeds = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            assertThat(common.seed(p, 2)).isEqualTo(6);
            seeds.add(independent.seed(p, 2));
            assertThat(independent.seed(p, 2)).isNotNegative();
        }
        assertThat(new HashSet<>(seeds)).hasSize(3);
    }
}
