package org.officialdom.lab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.lab.RunOutcome;

/**
 * A store written by this code opens in an older DuckDB (1.4, the oldest whose reading the store
 * promises: {@link ResultStore#STORAGE_VERSION}), loaded from its own jar in a class loader of its own
 * (the build copies it to {@code target/older-duckdb}; the same artifact cannot be on the test class
 * path twice). And, to show the test can fail, a file made by the current DuckDB without the setting
 * does not open there.
 */
class OlderDuckDbTest {

    static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "older-duckdb", "duckdb_jdbc-older.jar");

    private static URLClassLoader loader;
    private static Driver older;

    @BeforeAll
    static void loadOlderDriver() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "the older DuckDB driver is not at " + JAR
                + " (Maven's process-test-resources phase copies it there: run the tests through Maven)");
        loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        older = (Driver) Class.forName("org.duckdb.DuckDBDriver", true, loader).getDeclaredConstructor().newInstance();
    }

    @AfterAll
    static void close() throws Exception {
        if (loader != null) {
            loader.close();
        }
    }

    private static Connection openOlder(Path file) throws SQLException {
        return older.connect("jdbc:duckdb:" + file.toAbsolutePath(), new Properties());
    }

    @Test
    void aStoreWrittenByThisCodeOpensInDuckDb14(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.duckdb");
        RunOutcome run = ResultStoreTest.handMade(RunOutcome.OK);
        try (ResultStore st = ResultStore.open(file)) {
            assertThat(st.record(run)).isTrue();
        }
        try (Connection c = openOlder(file); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version()")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("v1.4.");
            }
            try (ResultSet rs = s.executeQuery("SELECT run_id, seed, status FROM runs")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(run.runId());
                assertThat(rs.getLong(2)).isEqualTo(42);
                assertThat(rs.getString(3)).isEqualTo("ok");
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = s.executeQuery("SELECT value FROM metrics WHERE metric = 'exit_rate' ORDER BY step")) {
                double[] values = new double[3];
                for (int k = 0; k < 3; k++) {
                    assertThat(rs.next()).isTrue();
                    values[k] = rs.getDouble(1);
                }
                assertThat(values).containsExactly(0, 0.01, 2.0 / 99 + Math.ulp(0.02));
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM events")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
        }
        // and the current code opens it again after the older client has
        try (ResultStore st = ResultStore.open(file)) {
            assertThat(st.has(run.runId())).isTrue();
        }
    }

    @Test
    void aFileInTheCurrentDuckDbsDefaultFormatDoesNotOpenInDuckDb14(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latest.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x INTEGER)");
            s.execute("INSERT INTO t VALUES (1)");
        }
        assertThatThrownBy(() -> openOlder(file).close()).isInstanceOf(SQLException.class).hasMessageContaining("version");
    }
}
