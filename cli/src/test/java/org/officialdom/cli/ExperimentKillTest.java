package org.officialdom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of experiments: a child JVM running an experiment is killed with SIGKILL at random
 * moments and restarted; in the end every run is stored exactly once and the DuckDB file opens.
 */
class ExperimentKillTest {

    static final int KILLS = 3;

    private static final String GRID = """
            name: kill-grid
            scenario: granovetter-normal
            steps: 40
            replicates: 4
            metrics: [acting_share]
            statistics: [final]
            factors:
              - path: population
                levels: [60000]
              - path: sd
                levels: [5, 10, 15, 20, 25, 30]
            """;

    private static Process start(Path dir, Path db) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Officialdom.class.getName(),
                "experiment", dir.resolve("grid.yaml").toString(), "--db", db.toString(), "--workers", "2", "-q"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    private static long count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anExperimentKilledAtRandomMomentsStoresEveryRunOnce(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("grid.yaml"), GRID);
        Path db = dir.resolve("results.duckdb");
        SplittableRandom rnd = new SplittableRandom(11);
        int kills = 0;
        for (int attempt = 0; attempt < 30 && kills < KILLS; attempt++) {
            Process child = start(dir, db);
            Thread.sleep(rnd.nextInt(700, 2500)); // JVM start-up is about half a second
            if (!child.isAlive()) {
                break; // it finished before this kill: nothing left to interrupt
            }
            child.destroyForcibly();
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
            kills++;
            if (Files.exists(db)) {
                // after each kill the store opens and holds whole runs only
                assertThat(count(db, "SELECT count(*) FROM runs r WHERE NOT EXISTS "
                        + "(SELECT 1 FROM metrics m WHERE m.run_id = r.run_id)")).isZero();
            }
        }
        Process last = start(dir, db);
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(last.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        assertThat(kills).isGreaterThanOrEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM runs")).isEqualTo(24);
        assertThat(count(db, "SELECT count(DISTINCT run_id) FROM runs")).isEqualTo(24);
        assertThat(count(db, "SELECT count(*) FROM experiment_runs")).isEqualTo(24);
        // every run has all its metric rows: 41 steps x 3 metrics
        assertThat(count(db, "SELECT count(*) FROM metrics")).isEqualTo(24L * 41 * 3);
        assertThat(count(db, "SELECT count(*) FROM runs WHERE status <> 'ok'")).isZero();
    }
}
