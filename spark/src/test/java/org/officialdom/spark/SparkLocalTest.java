package org.officialdom.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.lab.LocalBackend;
import org.officialdom.lab.Progress;
import org.officialdom.lab.RunTask;
import org.officialdom.lab.experiment.Experiment;
import org.officialdom.lab.experiment.ExperimentLoader;
import org.officialdom.lab.experiment.ExperimentRunner;
import org.officialdom.lab.store.ResultStore;

/** The Spark back end in local mode, two cores, one context for the class. */
class SparkLocalTest {

    static final String SWEEP = """
            name: spark-sweep
            scenario: granovetter-normal
            steps: 30
            replicates: 2
            seeds: {policy: common, base: 7}
            metrics: [acting_share]
            statistics: [final, mean]
            factors:
              - path: sd
                levels: [6, 12, 18]
              - path: mean
                levels: [20, 30]
            """;

    static JavaSparkContext sc;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sc = new JavaSparkContext(SparkBackend.configure("local[2]", new SparkConf()));
    }

    @AfterAll
    static void stop() {
        sc.stop();
    }

    @Test
    void anExperimentOnSparkStoresBitIdenticalResultsToTheLocalBackEnd() throws Exception {
        Experiment e = ExperimentLoader.parse(SWEEP, "sweep.yaml", null);
        ExperimentRunner.Result local;
        ExperimentRunner.Result spark;
        try (ResultStore a = ResultStore.open(dir.resolve("local.duckdb")); LocalBackend b = new LocalBackend(1, 1)) {
            local = ExperimentRunner.run(e, a, b, Progress.NONE);
        }
        try (ResultStore a = ResultStore.open(dir.resolve("spark.duckdb")); SparkBackend b = new SparkBackend(sc, 1)) {
            spark = ExperimentRunner.run(e, a, b, Progress.NONE, 5);
        }
        assertThat(spark.ran()).isEqualTo(12);
        assertThat(spark.failed()).isZero();
        assertThat(spark.estimates()).isEqualTo(local.estimates());
        // The tables printed are the same, but for the store's file name on the last line.
        assertThat(spark.report().subList(0, spark.report().size() - 1))
                .isEqualTo(local.report().subList(0, local.report().size() - 1));
        try (ResultStore a = ResultStore.open(dir.resolve("local.duckdb"));
             ResultStore b = ResultStore.open(dir.resolve("spark.duckdb"))) {
            List<String> ids = runIds(a);
            assertThat(ids).hasSize(12).isEqualTo(runIds(b));
            for (String id : ids) {
                Map<String, double[]> ma = a.metrics(id);
                Map<String, double[]> mb = b.metrics(id);
                assertThat(mb.keySet()).isEqualTo(ma.keySet()).isNotEmpty();
                for (String metric : ma.keySet()) {
                    assertThat(bits(mb.get(metric))).as(id + " " + metric).isEqualTo(bits(ma.get(metric)));
                }
                assertThat(b.events(id)).isEqualTo(a.events(id));
                ResultStore.StoredRun ra = a.run(id);
                ResultStore.StoredRun rb = b.run(id);
                assertThat(rb).isEqualTo(ra);
                assertThat(rb.status()).isEqualTo("ok");
            }
            assertThat(table(b, "SELECT * FROM summaries ORDER BY run_id, metric"))
                    .isEqualTo(table(a, "SELECT * FROM summaries ORDER BY run_id, metric"));
            assertThat(table(b, "SELECT * FROM experiment_runs ORDER BY point, replicate"))
                    .isEqualTo(table(a, "SELECT * FROM experiment_runs ORDER BY point, replicate"));
        }
    }

    @Test
    void anAbcCalibrationOnSparkGivesTheLocalPosteriorBitForBit() throws Exception {
        String yaml = """
                name: spark-abc
                scenario: granovetter-normal
                method: abc-smc
                steps: 8
                parameters:
                  - path: mean
                    range: [10, 40]
                  - path: sd
                    range: [2, 20]
                    prior: {kind: log-uniform}
                targets:
                  - metric: acting
                    values: [3, 10, 24, 47, 70, 85]
                abc: {particles: 20, generations: 3, batch: 10}
                """;
        org.officialdom.lab.calibration.Calibration c = org.officialdom.lab.calibration.Calibration.parse(yaml, "abc.yaml", null);
        java.io.PrintWriter silent = new java.io.PrintWriter(java.io.Writer.nullWriter());
        org.officialdom.lab.calibration.AbcCalibrator.Result local;
        org.officialdom.lab.calibration.AbcCalibrator.Result spark;
        try (ResultStore a = ResultStore.open(dir.resolve("abc-local.duckdb")); LocalBackend b = new LocalBackend(2, 1)) {
            local = org.officialdom.lab.calibration.AbcCalibrator.run(c, a, b, Progress.NONE, silent);
        }
        try (ResultStore a = ResultStore.open(dir.resolve("abc-spark.duckdb")); SparkBackend b = new SparkBackend(sc, 1)) {
            spark = org.officialdom.lab.calibration.AbcCalibrator.run(c, a, b, Progress.NONE, silent);
        }
        assertThat(spark.abc().simulations()).isEqualTo(local.abc().simulations());
        for (int g = 0; g < local.abc().generations().size(); g++) {
            var lg = local.abc().generations().get(g);
            var sg = spark.abc().generations().get(g);
            assertThat(sg.tolerance()).isEqualTo(lg.tolerance());
            for (int i = 0; i < lg.particles().size(); i++) {
                assertThat(sg.particles().get(i).theta()).isEqualTo(lg.particles().get(i).theta());
                assertThat(sg.particles().get(i).weight()).isEqualTo(lg.particles().get(i).weight());
            }
        }
        assertThat(spark.bands()).isEqualTo(local.bands());
    }

    @Test
    void aRunThatFailsForItsParametersIsStoredAsFailedWithItsMessageAndRunOnce() throws Exception {
        // 'low' passes every check at step 0; at step 3 the calendar lowers 'high' below it for one point.
        Files.writeString(dir.resolve("later.yaml"), """
                name: bad-later
                model: granovetter
                seed: 1
                steps: 10
                parameters:
                  population: 50
                  distribution: uniform
                  low: 10
                  high: 40
                calendar:
                  - {step: 3, set: {high: 25}}
                """);
        Files.writeString(dir.resolve("bad.yaml"), """
                name: bad-points
                scenario: later.yaml
                steps: 10
                replicates: 1
                metrics: [acting]
                factors:
                  - path: low
                    levels: [5, 30]
                """);
        Experiment e = ExperimentLoader.load(dir.resolve("bad.yaml"));
        LongAccumulator calls = sc.sc().longAccumulator("calls");
        try (ResultStore st = ResultStore.open(dir.resolve("r.duckdb"));
             SparkBackend b = new SparkBackend(sc, 1).withTask((spec, threads) -> {
                 calls.add(1);
                 return RunTask.execute(spec, threads);
             })) {
            ExperimentRunner.Result r = ExperimentRunner.run(e, st, b, Progress.NONE);
            assertThat(r.failed()).isEqualTo(1);
            assertThat(calls.value()).isEqualTo(2);
            assertThat(st.count("runs", "status = 'ok'")).isEqualTo(1);
            assertThat(st.count("runs", "status = 'failed'")).isEqualTo(1);
            try (Statement s = st.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT error, overrides FROM runs WHERE status = 'failed'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains("high: expected a value of at least 'low' (30.0), found 25.0");
                assertThat(rs.getString(2)).isEqualTo("{\"low\":30.0}");
            }
        }
    }

    @Test
    void aTaskThatFailsOnceIsRetriedBySparkAndEachRunStoredOnce() throws Exception {
        Experiment e = ExperimentLoader.parse(SWEEP, "sweep.yaml", null);
        LongAccumulator calls = sc.sc().longAccumulator("calls");
        try (ResultStore st = ResultStore.open(dir.resolve("r.duckdb"));
             SparkBackend b = new SparkBackend(sc, 1).withTask((spec, threads) -> {
                 if (TaskContext.get().attemptNumber() == 0) {
                     throw new IllegalStateException("executor lost (simulated)");
                 }
                 calls.add(1);
                 return RunTask.execute(spec, threads);
             })) {
            ExperimentRunner.Result r = ExperimentRunner.run(e, st, b, Progress.NONE);
            assertThat(r.ran()).isEqualTo(12);
            assertThat(r.failed()).isZero();
            assertThat(calls.value()).isEqualTo(12);
            assertThat(st.count("runs", null)).isEqualTo(12);
            assertThat(st.count("runs", "status = 'ok'")).isEqualTo(12);
            assertThat(st.count("experiment_runs", null)).isEqualTo(12);
        }
    }

    @Test
    void aTaskThatKeepsFailingStopsTheExperimentWithSparksReasonAndKeepsWhatFinished() throws Exception {
        Experiment e = ExperimentLoader.parse(SWEEP, "sweep.yaml", null);
        try (ResultStore st = ResultStore.open(dir.resolve("r.duckdb"));
             SparkBackend b = new SparkBackend(sc, 1).withTask((spec, threads) -> {
                 if (spec.overrides().contains("\"sd\":18.0")) {
                     throw new IllegalStateException("disk full (simulated)");
                 }
                 return RunTask.execute(spec, threads);
             })) {
            assertThatThrownBy(() -> ExperimentRunner.run(e, st, b, Progress.NONE, 1))
                    .hasMessageContaining("Spark gave up")
                    .hasMessageContaining("disk full (simulated)");
            // The runs that did finish are kept (each once), so a restart runs only the rest.
            long stored = st.count("runs", null);
            assertThat(stored).isLessThan(12);
            assertThat(st.count("runs", "overrides LIKE '%\"sd\":18.0%'")).isZero();
        }
    }

    @Test
    void aMasterThatIsNotAMasterUrlIsRefusedWithAMessage() {
        assertThatThrownBy(() -> SparkBackend.configure("examples/sweep.yaml", new SparkConf()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a Spark master URL")
                .hasMessageContaining("'examples/sweep.yaml'");
        assertThatThrownBy(() -> SparkBackend.configure("spark://127.0.0.1:1", new SparkConf()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot reach the Spark master at spark://127.0.0.1:1");
        assertThat(SparkBackend.configure("local[*]", new SparkConf()).get("spark.master")).isEqualTo("local[*,4]");
        assertThat(SparkBackend.configure("local", new SparkConf()).get("spark.master")).isEqualTo("local[1,4]");
        assertThat(SparkBackend.configure("local[3,2]", new SparkConf()).get("spark.master")).isEqualTo("local[3,2]");
    }

    static List<String> runIds(ResultStore s) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = s.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT run_id FROM runs ORDER BY run_id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static long[] bits(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }

    static List<List<Object>> table(ResultStore s, String sql) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        try (Statement st = s.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object o = rs.getObject(i);
                    row.add(o instanceof Double d ? Double.doubleToRawLongBits(d) : o);
                }
                out.add(row);
            }
        }
        return out;
    }
}
