package org.officialdom.lab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.engine.EventLog;
import org.officialdom.engine.Metric;
import org.officialdom.engine.MetricTable;
import org.officialdom.lab.RunOutcome;
import org.officialdom.lab.RunSpec;
import org.officialdom.lab.RunTask;
import org.officialdom.model.scenario.ScenarioLoader;
import tools.jackson.databind.node.DoubleNode;

class ResultStoreTest {

    @TempDir
    Path dir;

    static RunOutcome handMade(String status) {
        MetricTable t = new MetricTable(List.of(
                new Metric("headcount", "officials", "Officials in post", () -> 0),
                new Metric("exit_rate", "share per month", "Exits over headcount", () -> 0)));
        t.record(0, new double[] {100, 0});
        t.record(1, new double[] {99, 0.01});
        t.record(2, new double[] {97, 2.0 / 99 + Math.ulp(0.02)});
        var sc = ScenarioLoader.builtIn("granovetter");
        RunSpec spec = RunSpec.of(sc, Map.of("mean", DoubleNode.valueOf(3.5)), 42, 2);
        List<EventLog.Event> events = List.of(new EventLog.Event(1, 7, "exit", "quit, \"burnt out\""),
                new EventLog.Event(2, 3, "promotion", "to rank 2"));
        return new RunOutcome(spec, spec.runId(), "granovetter", "granovetter", "{\"mean\":3.5}", status,
                RunOutcome.OK.equals(status) ? null : "boom", RunOutcome.OK.equals(status) ? t : null,
                RunOutcome.OK.equals(status) ? events : List.of(), List.of("line one", "line two"), 100,
                "2026-01-01T00:00:00Z", 0.5, "dev");
    }

    @Test
    void roundTripsARunExactly() {
        RunOutcome o = handMade(RunOutcome.OK);
        try (ResultStore st = ResultStore.open(dir.resolve("r.duckdb"))) {
            assertThat(st.record(o)).isTrue();
        }
        try (ResultStore st = ResultStore.open(dir.resolve("r.duckdb"))) {
            var row = st.run(o.runId());
            assertThat(row.seed()).isEqualTo(42);
            assertThat(row.steps()).isEqualTo(2);
            assertThat(row.overrides()).isEqualTo("{\"mean\":3.5}");
            assertThat(row.scenarioHash()).isEqualTo(o.spec().scenarioHash());
            assertThat(row.status()).isEqualTo("ok");
            assertThat(row.summary()).isEqualTo("line one\nline two");
            Map<String, double[]> m = st.metrics(o.runId());
            assertThat(m.get("headcount")).containsExactly(100, 99, 97);
            assertThat(m.get("exit_rate")).containsExactly(0, 0.01, 2.0 / 99 + Math.ulp(0.02));
            assertThat(st.events(o.runId())).isEqualTo(o.events());
            assertThat(st.summary(java.util.Set.of(o.runId()), "headcount", "mean")).containsEntry(o.runId(), 98.0);
            assertThat(st.summary(java.util.Set.of(o.runId()), "headcount", "final")).containsEntry(o.runId(), 97.0);
            assertThat(st.declaredMetrics("granovetter")).containsExactly("exit_rate", "headcount");
        }
    }

    @Test
    void storesARunOnceAndReplacesAFailedOne() {
        try (ResultStore st = ResultStore.open(dir.resolve("r.duckdb"))) {
            assertThat(st.record(handMade(RunOutcome.FAILED))).isTrue();
            assertThat(st.has(handMade(RunOutcome.OK).runId())).isFalse();
            assertThat(st.record(handMade(RunOutcome.OK))).isTrue();
            assertThat(st.record(handMade(RunOutcome.OK))).isFalse();
            assertThat(st.count("runs", null)).isEqualTo(1);
            assertThat(st.count("metrics", null)).isEqualTo(6);
            assertThat(st.count("events", null)).isEqualTo(2);
            assertThat(st.count("summaries", null)).isEqualTo(2);
        }
    }

    @Test
    void storesARealRunAndExportsParquetThatDuckDbReadsBack() throws Exception {
        var sc = ScenarioLoader.builtIn("granovetter-normal");
        RunOutcome o = RunTask.execute(RunSpec.of(sc, Map.of(), 5, 20), 1);
        assertThat(o.ok()).isTrue();
        try (ResultStore st = ResultStore.open(dir.resolve("r.duckdb"))) {
            st.record(o);
            List<Path> files = st.exportParquet(dir.resolve("parquet"));
            assertThat(files).hasSize(ResultStore.TABLES.size());
            try (Statement s = st.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), sum(value) FROM read_parquet('"
                         + dir.resolve("parquet/metrics.parquet") + "') WHERE metric = 'acting'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(21);
                double sum = 0;
                for (double v : o.metrics().column("acting")) {
                    sum += v;
                }
                assertThat(rs.getDouble(2)).isEqualTo(sum);
            }
        }
    }
}
