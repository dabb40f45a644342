package org.officialdom.lab.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.officialdom.engine.EventLog;
import org.officialdom.engine.MetricTable;
import org.officialdom.lab.RunOutcome;

/**
 * The result store: one embedded DuckDB file ({@code out/results.duckdb} by default) holding every
 * run, its metrics per step, its events and summaries, and the experiments, comparisons,
 * sensitivity indices and calibrations made from them. The schema is documented in
 * {@code docs/results.md}.
 *
 * <p>Metrics are stored long (run_id, step, metric, value): every model declares its own metrics,
 * and a long table holds them all under one schema, filters by metric without knowing the model,
 * and compresses well in DuckDB's columnar storage; {@code PIVOT} turns it wide when wanted.
 *
 * <p>Each run is written in one transaction keyed by its run id (a hash of scenario, overrides,
 * seed and steps): a crash leaves either the whole run or none of it, and a run stored once is
 * never stored again. Rows go through temporary staging tables with DuckDB's appender (fast) and
 * then into the real tables inside the transaction (the appender itself commits on its own).
 * One store object serialises its writes; DuckDB lets one process open the file for writing.
 */
public final class ResultStore implements AutoCloseable {

    /** Default location. */
    public static final Path DEFAULT = Path.of("out", "results.duckdb");

    /** Version of the schema below; a store written by a later version is refused rather than misread. */
    public static final int SCHEMA_VERSION = 1;

    /** The tables, in the order they are documented and exported. */
    public static final List<String> TABLES = List.of("runs", "metrics", "metric_declarations", "events", "summaries",
            "experiments", "experiment_runs", "design_points", "sensitivity", "comparisons", "comparison_runs", "calibrations", "calibration_runs", "calibration_targets",
            "lever_tables", "lever_runs", "lever_effects",
            "abc_calibrations", "abc_priors", "abc_generations", "abc_simulations", "abc_parameters", "abc_summaries", "abc_particles",
            "abc_targets", "abc_predictive", "explanations", "explanation_runs");

    private static final String[] DDL = {
        "CREATE TABLE IF NOT EXISTS store_info (key VARCHAR PRIMARY KEY, value VARCHAR)",
        """
        CREATE TABLE IF NOT EXISTS runs (
          run_id VARCHAR PRIMARY KEY, scenario VARCHAR NOT NULL, scenario_hash VARCHAR NOT NULL,
          scenario_source VARCHAR, model VARCHAR NOT NULL, overrides VARCHAR NOT NULL, parameters VARCHAR,
          seed BIGINT NOT NULL, steps INTEGER NOT NULL, agents BIGINT, status VARCHAR NOT NULL, error VARCHAR,
          started_at VARCHAR, seconds DOUBLE, officialdom_version VARCHAR, java_version VARCHAR, summary VARCHAR)
        """,
        "CREATE TABLE IF NOT EXISTS metrics (run_id VARCHAR NOT NULL, step INTEGER NOT NULL, metric VARCHAR NOT NULL, value DOUBLE)",
        """
        CREATE TABLE IF NOT EXISTS metric_declarations (
          model VARCHAR NOT NULL, metric VARCHAR NOT NULL, unit VARCHAR, description VARCHAR, PRIMARY KEY (model, metric))
        """,
        "CREATE TABLE IF NOT EXISTS events (run_id VARCHAR NOT NULL, step INTEGER NOT NULL, agent INTEGER NOT NULL, kind VARCHAR NOT NULL, detail VARCHAR)",
        """
        CREATE TABLE IF NOT EXISTS summaries (
          run_id VARCHAR NOT NULL, metric VARCHAR NOT NULL, final DOUBLE, mean DOUBLE, min DOUBLE, max DOUBLE,
          PRIMARY KEY (run_id, metric))
        """,
        """
        CREATE TABLE IF NOT EXISTS experiments (
          experiment_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, design VARCHAR NOT NULL, source VARCHAR,
          text VARCHAR, runs INTEGER, created_at VARCHAR)
        """,
        """
        CREATE TABLE IF NOT EXISTS experiment_runs (
          experiment_id VARCHAR NOT NULL, point INTEGER NOT NULL, replicate INTEGER NOT NULL, run_id VARCHAR NOT NULL,
          seed BIGINT NOT NULL, PRIMARY KEY (experiment_id, point, replicate))
        """,
        """
        CREATE TABLE IF NOT EXISTS design_points (
          experiment_id VARCHAR NOT NULL, point INTEGER NOT NULL, factor VARCHAR NOT NULL, value DOUBLE, level VARCHAR,
          PRIMARY KEY (experiment_id, point, factor))
        """,
        """
        CREATE TABLE IF NOT EXISTS sensitivity (
          experiment_id VARCHAR NOT NULL, method VARCHAR NOT NULL, metric VARCHAR NOT NULL, statistic VARCHAR NOT NULL,
          factor VARCHAR NOT NULL, measure VARCHAR NOT NULL, estimate DOUBLE, ci_low DOUBLE, ci_high DOUBLE,
          PRIMARY KEY (experiment_id, method, metric, statistic, factor, measure))
        """,
        """
        CREATE TABLE IF NOT EXISTS comparisons (
          comparison_id VARCHAR NOT NULL, scenario_a VARCHAR NOT NULL, scenario_b VARCHAR NOT NULL,
          metric VARCHAR NOT NULL, statistic VARCHAR NOT NULL, replicates INTEGER, mean_a DOUBLE, mean_b DOUBLE,
          mean_diff DOUBLE, sd_diff DOUBLE, ci_low DOUBLE, ci_high DOUBLE, confidence DOUBLE, verdict VARCHAR,
          PRIMARY KEY (comparison_id, metric, statistic))
        """,
        """
        CREATE TABLE IF NOT EXISTS calibrations (
          calibration_id VARCHAR NOT NULL, name VARCHAR NOT NULL, restart INTEGER NOT NULL, parameter VARCHAR NOT NULL,
          value DOUBLE, fit DOUBLE, evaluations INTEGER, best BOOLEAN, PRIMARY KEY (calibration_id, restart, parameter))
        """,
        """
        CREATE TABLE IF NOT EXISTS comparison_runs (
          comparison_id VARCHAR NOT NULL, side VARCHAR NOT NULL, replicate INTEGER NOT NULL, run_id VARCHAR NOT NULL,
          seed BIGINT, PRIMARY KEY (comparison_id, side, replicate))
        """,
        """
        CREATE TABLE IF NOT EXISTS calibration_targets (
          calibration_id VARCHAR NOT NULL, metric VARCHAR NOT NULL, step INTEGER NOT NULL, value DOUBLE, weight DOUBLE,
          PRIMARY KEY (calibration_id, metric, step))
        """,
        """
        CREATE TABLE IF NOT EXISTS calibration_runs (
          calibration_id VARCHAR NOT NULL, run_id VARCHAR NOT NULL, seed BIGINT, PRIMARY KEY (calibration_id, run_id))
        """,
        """
        CREATE TABLE IF NOT EXISTS lever_tables (
          lever_table_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, title VARCHAR, baseline VARCHAR NOT NULL,
          source VARCHAR, text VARCHAR, levers INTEGER, replicates INTEGER, seed BIGINT, steps INTEGER,
          window_from INTEGER, window_to INTEGER, confidence DOUBLE, runs INTEGER, created_at VARCHAR)
        """,
        """
        CREATE TABLE IF NOT EXISTS lever_runs (
          lever_table_id VARCHAR NOT NULL, lever INTEGER NOT NULL, label VARCHAR, replicate INTEGER NOT NULL,
          run_id VARCHAR NOT NULL, seed BIGINT, PRIMARY KEY (lever_table_id, lever, replicate))
        """,
        """
        CREATE TABLE IF NOT EXISTS lever_effects (
          lever_table_id VARCHAR NOT NULL, lever INTEGER NOT NULL, lever_label VARCHAR, changes VARCHAR,
          outcome INTEGER NOT NULL, metric VARCHAR NOT NULL, summary VARCHAR NOT NULL, outcome_label VARCHAR,
          replicates INTEGER, baseline_mean DOUBLE, lever_mean DOUBLE, mean_diff DOUBLE, sd_diff DOUBLE,
          ci_low DOUBLE, ci_high DOUBLE, confidence DOUBLE, excludes_zero BOOLEAN,
          PRIMARY KEY (lever_table_id, lever, outcome))
        """,
        """
        CREATE TABLE IF NOT EXISTS abc_calibrations (
          calibration_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, scenario VARCHAR, text VARCHAR, parameters INTEGER,
          particles INTEGER, replicates INTEGER, stop VARCHAR, simulations BIGINT, seconds DOUBLE, created_at VARCHAR)
        """,
        """
        CREATE TABLE IF NOT EXISTS abc_priors (
          calibration_id VARCHAR NOT NULL, position INTEGER NOT NULL, parameter VARCHAR NOT NULL, kind VARCHAR, low DOUBLE,
          high DOUBLE, mean DOUBLE, sd DOUBLE, PRIMARY KEY (calibration_id, parameter))
        """,
        """
        CREATE TABLE IF NOT EXISTS abc_generations (
          calibration_id VARCHAR NOT NULL, generation INTEGER NOT NULL, tolerance DOUBLE, simulations INTEGER,
          acceptance DOUBLE, ess DOUBLE, PRIMARY KEY (calibration_id, generation))
        """,
        """
        CREATE TABLE IF NOT EXISTS abc_simulations (
          calibration_id VARCHAR NOT NULL, generation INTEGER NOT NULL, proposal INTEGER NOT NULL, seed BIGINT,
          distance DOUBLE, PRIMARY KEY (calibration_id, generation, proposal))
        """,
        """
        CREATE TABLE IF NOT EXISTS abc_parameters (
          calibration_id VARCHAR NOT NULL, generation INTEGER NOT NULL, proposal INTEGER NOT NULL, parameter VARCHAR NOT NULL,
          value DOUBLE, PRIMARY KEY (calibration_id, generation, proposal, parameter))
        """,
        """
        CREATE TABLE IF NOT EXISTS abc_summaries (
          calibration_id VARCHAR NOT NULL, generation INTEGER NOT NULL, proposal INTEGER NOT NULL, target VARCHAR NOT NULL,
          label VARCHAR NOT NULL, simulated DOUBLE, PRIMARY KEY (calibration_id, generation, proposal, target, label))
        """,
        """
        CREATE TABLE IF NOT EXISTS abc_particles (
          calibration_id VARCHAR NOT NULL, generation INTEGER NOT NULL, proposal INTEGER NOT NULL, weight DOUBLE,
          PRIMARY KEY (calibration_id, generation, proposal))
        """,
        """
        CREATE TABLE IF NOT EXISTS abc_targets (
          calibration_id VARCHAR NOT NULL, target VARCHAR NOT NULL, label VARCHAR NOT NULL, observed DOUBLE, fitted BOOLEAN,
          weight DOUBLE, source VARCHAR, PRIMARY KEY (calibration_id, target, label))
        """,
        """
        CREATE TABLE IF NOT EXISTS abc_predictive (
          calibration_id VARCHAR NOT NULL, draw INTEGER NOT NULL, target VARCHAR NOT NULL, label VARCHAR NOT NULL,
          simulated DOUBLE, PRIMARY KEY (calibration_id, draw, target, label))
        """,
        """
        CREATE TABLE IF NOT EXISTS explanations (
          explain_id VARCHAR NOT NULL, scenario VARCHAR, metric VARCHAR NOT NULL, position INTEGER NOT NULL, part VARCHAR NOT NULL,
          mean DOUBLE, ci_low DOUBLE, ci_high DOUBLE, replicates INTEGER, from_label VARCHAR, to_label VARCHAR, "window" INTEGER,
          method VARCHAR, created_at VARCHAR, PRIMARY KEY (explain_id, metric, position))
        """,
        """
        CREATE TABLE IF NOT EXISTS explanation_runs (
          explain_id VARCHAR NOT NULL, coalition INTEGER NOT NULL, groups VARCHAR, replicate INTEGER NOT NULL, run_id VARCHAR NOT NULL,
          PRIMARY KEY (explain_id, coalition, replicate))
        """,
        "CREATE TEMP TABLE IF NOT EXISTS stage_metrics (run_id VARCHAR, step INTEGER, metric VARCHAR, value DOUBLE)",
        "CREATE TEMP TABLE IF NOT EXISTS stage_ids (run_id VARCHAR)",
        "CREATE TEMP TABLE IF NOT EXISTS stage_events (run_id VARCHAR, step INTEGER, agent INTEGER, kind VARCHAR, detail VARCHAR)",
    };

    private final Path file;
    private final Connection conn;

    private ResultStore(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    /**
     * The DuckDB storage format a new store is written in: that of DuckDB 1.4, so that the clients
     * of the last year (DuckDB 1.4.x and later: the CLI, Python, R, JDBC) open it, not only DuckDB 2.
     * A store that exists keeps the format it was made in (DuckDB applies the setting to new files only).
     */
    public static final String STORAGE_VERSION = "v1.4.0";

    /** Opens (creating if needed) the store at {@code file}. */
    public static ResultStore open(Path file) {
        try {
            Path abs = file.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            java.util.Properties config = new java.util.Properties();
            config.setProperty("storage_compatibility_version", STORAGE_VERSION);
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + abs, config);
            try (Statement st = c.createStatement()) {
                for (String ddl : DDL) {
                    st.execute(ddl);
                }
                st.execute("INSERT OR IGNORE INTO store_info VALUES ('schema_version', '" + SCHEMA_VERSION + "')");
                try (ResultSet rs = st.executeQuery("SELECT value FROM store_info WHERE key = 'schema_version'")) {
                    rs.next();
                    int v = Integer.parseInt(rs.getString(1));
                    if (v > SCHEMA_VERSION) {
                        c.close();
                        throw new StoreException("the result store " + file + " has schema version " + v
                                + ", newer than this Officialdom reads (" + SCHEMA_VERSION + ")", null);
                    }
                }
            }
            return new ResultStore(file, c);
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the result store " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The JDBC connection, for queries the store has no method for (reports, tests). */
    public Connection connection() {
        return conn;
    }

    /** Ids of the runs stored with status ok. */
    public synchronized Set<String> storedRunIds() {
        Set<String> out = new HashSet<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT run_id FROM runs WHERE status = 'ok'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw fail("read run ids", e);
        }
        return out;
    }

    /** Whether the run is stored with status ok. */
    public synchronized boolean has(String runId) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM runs WHERE run_id = ? AND status = 'ok'")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw fail("look up run " + runId, e);
        }
    }

    /**
     * Stores a run in one transaction. A run already stored with status ok is left as it is
     * (returns false); a failed run stored earlier is replaced.
     */
    public synchronized boolean record(RunOutcome o) {
        return record(List.of(o)) == 1;
    }

    /**
     * Stores runs in one transaction (cheaper than one each: a commit costs more than a run of a
     * small model); returns how many were new. Runs already stored with status ok are skipped.
     */
    public synchronized int record(List<RunOutcome> outcomes) {
        Map<String, RunOutcome> fresh = new LinkedHashMap<>();
        for (RunOutcome o : outcomes) {
            if (!fresh.containsKey(o.runId()) && !has(o.runId())) {
                fresh.put(o.runId(), o);
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        try {
            for (RunOutcome o : fresh.values()) {
                stage(o);
            }
            conn.setAutoCommit(false);
            try {
                for (String t : List.of("runs", "metrics", "events", "summaries")) {
                    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + t + " WHERE run_id = ?")) {
                        for (String id : fresh.keySet()) {
                            ps.setString(1, id);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                for (RunOutcome o : fresh.values()) {
                    insertRun(o);
                }
                try (Statement st = conn.createStatement()) {
                    st.execute("INSERT INTO metrics SELECT * FROM stage_metrics");
                    st.execute("INSERT INTO events SELECT * FROM stage_events");
                }
                for (RunOutcome o : fresh.values()) {
                    if (o.ok()) {
                        insertSummaries(o);
                        insertDeclarations(o);
                    }
                }
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
                try (Statement st = conn.createStatement()) {
                    st.execute("DELETE FROM stage_metrics");
                    st.execute("DELETE FROM stage_events");
                }
            }
            return fresh.size();
        } catch (SQLException e) {
            throw fail("store " + fresh.size() + " runs", e);
        }
    }

    private void stage(RunOutcome o) throws SQLException {
        DuckDBConnection dc = conn.unwrap(DuckDBConnection.class);
        MetricTable t = o.metrics();
        if (t != null) {
            List<String> names = t.names();
            try (DuckDBAppender ap = dc.createAppender("temp", "main", "stage_metrics")) {
                for (int r = 0; r < t.rowCount(); r++) {
                    for (int c = 0; c < names.size(); c++) {
                        ap.beginRow();
                        ap.append(o.runId());
                        ap.append((int) t.step(r));
                        ap.append(names.get(c));
                        ap.append(t.value(r, c));
                        ap.endRow();
                    }
                }
            }
        }
        if (!o.events().isEmpty()) {
            try (DuckDBAppender ap = dc.createAppender("temp", "main", "stage_events")) {
                for (EventLog.Event e : o.events()) {
                    ap.beginRow();
                    ap.append(o.runId());
                    ap.append((int) e.step());
                    ap.append(e.agent());
                    ap.append(e.kind());
                    ap.append(e.detail());
                    ap.endRow();
                }
            }
        }
    }

    private void insertRun(RunOutcome o) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            ps.setString(i++, o.runId());
            ps.setString(i++, o.scenario());
            ps.setString(i++, o.spec().scenarioHash());
            ps.setString(i++, o.spec().scenarioSource());
            ps.setString(i++, o.model());
            ps.setString(i++, o.spec().overrides());
            ps.setString(i++, o.parameters());
            ps.setLong(i++, o.spec().seed());
            ps.setInt(i++, o.spec().steps());
            ps.setLong(i++, o.agents());
            ps.setString(i++, o.status());
            ps.setString(i++, o.error());
            ps.setString(i++, o.startedAt());
            ps.setDouble(i++, o.seconds());
            ps.setString(i++, o.version());
            ps.setString(i++, System.getProperty("java.version"));
            ps.setString(i, String.join("\n", o.summary()));
            ps.executeUpdate();
        }
    }

    private void insertSummaries(RunOutcome o) throws SQLException {
        MetricTable t = o.metrics();
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO summaries VALUES (?, ?, ?, ?, ?, ?)")) {
            for (String name : t.names()) {
                Summary s = Summary.of(t, name);
                ps.setString(1, o.runId());
                ps.setString(2, name);
                ps.setDouble(3, s.last());
                ps.setDouble(4, s.mean());
                ps.setDouble(5, s.min());
                ps.setDouble(6, s.max());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertDeclarations(RunOutcome o) throws SQLException {
        MetricTable t = o.metrics();
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT OR REPLACE INTO metric_declarations VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < t.names().size(); i++) {
                ps.setString(1, o.model());
                ps.setString(2, t.names().get(i));
                ps.setString(3, t.units().get(i));
                ps.setString(4, t.descriptions().get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** One row of the runs table, as stored. */
    public record StoredRun(String runId, String scenario, String scenarioHash, String model, String overrides,
                            String parameters, long seed, int steps, String status, String error, String summary) {
    }

    /** The run's row, or null. */
    public synchronized StoredRun run(String runId) {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT run_id, scenario, scenario_hash, model, overrides, parameters, seed, steps, status, error, summary "
                        + "FROM runs WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new StoredRun(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getLong(7), rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11));
            }
        } catch (SQLException e) {
            throw fail("read run " + runId, e);
        }
    }

    /** A run's metrics as stored: metric name to values by step (steps 0..n in order). */
    public synchronized Map<String, double[]> metrics(String runId) {
        Map<String, List<Double>> lists = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT metric, value FROM metrics WHERE run_id = ? ORDER BY metric, step")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lists.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getDouble(2));
                }
            }
        } catch (SQLException e) {
            throw fail("read metrics of " + runId, e);
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        lists.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    /** A run's events as stored, in log order (step, agent, kind, detail). */
    public synchronized List<EventLog.Event> events(String runId) {
        List<EventLog.Event> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT step, agent, kind, detail FROM events WHERE run_id = ? ORDER BY step, agent, kind, detail")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EventLog.Event(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw fail("read events of " + runId, e);
        }
        return out;
    }

    /** One summary statistic ({@code final}, {@code mean}, {@code min}, {@code max}) of one metric, by run id. */
    public synchronized Map<String, Double> summary(Set<String> runIds, String metric, String statistic) {
        if (!Set.of("final", "mean", "min", "max").contains(statistic)) {
            throw new IllegalArgumentException("no summary statistic " + statistic);
        }
        Map<String, Double> out = new HashMap<>();
        try {
            stageIds(runIds);
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT s.run_id, s." + statistic + " FROM summaries s JOIN stage_ids w ON s.run_id = w.run_id WHERE s.metric = ?")) {
                ps.setString(1, metric);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getDouble(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw fail("read summaries", e);
        }
        return out;
    }

    /**
     * One metric's values over steps {@code from..to} of each run, in step order, by run id (runs
     * without the metric are left out). Read row by row and summed by the caller in step order, so
     * a window's mean does not depend on how DuckDB splits an aggregate over its threads.
     */
    public synchronized Map<String, double[]> window(Set<String> runIds, String metric, int from, int to) {
        Map<String, double[]> out = new HashMap<>();
        int n = to - from + 1;
        try {
            stageIds(runIds);
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT m.run_id, m.step, m.value FROM metrics m JOIN stage_ids w ON m.run_id = w.run_id "
                            + "WHERE m.metric = ? AND m.step BETWEEN ? AND ? ORDER BY m.run_id, m.step")) {
                ps.setString(1, metric);
                ps.setInt(2, from);
                ps.setInt(3, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double[] v = out.computeIfAbsent(rs.getString(1), k -> filled(n));
                        v[rs.getInt(2) - from] = rs.getDouble(3);
                    }
                }
            }
        } catch (SQLException e) {
            throw fail("read metric " + metric + " over steps " + from + " to " + to, e);
        }
        return out;
    }

    private static double[] filled(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    /** The wanted ids go to a temporary table, so DuckDB joins instead of the store reading every run. */
    private void stageIds(Set<String> runIds) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("DELETE FROM stage_ids");
        }
        try (DuckDBAppender ap = conn.unwrap(DuckDBConnection.class).createAppender("temp", "main", "stage_ids")) {
            for (String id : runIds) {
                ap.beginRow();
                ap.append(id);
                ap.endRow();
            }
        }
    }

    /** Metric names declared by a model (from runs stored so far), in name order. */
    public synchronized List<String> declaredMetrics(String model) {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT metric FROM metric_declarations WHERE model = ? ORDER BY metric")) {
            ps.setString(1, model);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw fail("read metric declarations", e);
        }
        return out;
    }

    /** Runs several statements with parameters in one transaction (experiments, analyses). */
    public synchronized void transaction(List<Batch> batches) {
        try {
            conn.setAutoCommit(false);
            try {
                for (Batch b : batches) {
                    try (PreparedStatement ps = conn.prepareStatement(b.sql())) {
                        if (b.rows().isEmpty()) {
                            ps.executeUpdate();
                        }
                        for (List<Object> row : b.rows()) {
                            for (int i = 0; i < row.size(); i++) {
                                ps.setObject(i + 1, row.get(i));
                            }
                            ps.addBatch();
                        }
                        if (!b.rows().isEmpty()) {
                            ps.executeBatch();
                        }
                    }
                }
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw fail("write", e);
        }
    }

    /** One SQL statement and the parameter rows to run it with (none: run it once without). */
    public record Batch(String sql, List<List<Object>> rows) {
        public static Batch of(String sql, Object... params) {
            return new Batch(sql, params.length == 0 ? List.of() : List.of(List.of(params)));
        }
    }

    /**
     * Exports every table as a Parquet file ({@code DIR/<table>.parquet}), each written to a
     * temporary name and renamed, so a reader never sees half a file.
     */
    public synchronized List<Path> exportParquet(Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (String t : TABLES) {
                Path target = dir.resolve(t + ".parquet");
                Path tmp = dir.resolve("." + t + ".parquet.tmp");
                Files.deleteIfExists(tmp);
                try (Statement st = conn.createStatement()) {
                    st.execute("COPY (SELECT * FROM " + t + ") TO '" + tmp.toAbsolutePath().toString().replace("'", "''")
                            + "' (FORMAT parquet)");
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                out.add(target);
            }
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot export Parquet files to " + dir + ": " + firstLine(e.getMessage()), e);
        }
        return out;
    }

    /** Number of rows in a table (for messages and tests). */
    public synchronized long count(String table, String where) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("no table " + table);
        }
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table + (where == null ? "" : " WHERE " + where))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw fail("count " + table, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw fail("close", e);
        }
    }

    private StoreException fail(String what, SQLException e) {
        return new StoreException("result store " + file + ": cannot " + what + ": " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** A problem with the store file (locked by another process, unwritable, corrupt). */
    public static final class StoreException extends RuntimeException {
        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
