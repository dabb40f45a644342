package org.officialdom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.lab.store.ResultStore;

class LabCommandsTest {

    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    /** Runs the command in this JVM and captures its exit code and output (used by the other CLI tests too). */
    static synchronized Outcome officialdom(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Officialdom.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static final String EXPERIMENT = """
            name: cli-grid
            scenario: granovetter-normal
            steps: 10
            replicates: 2
            metrics: [acting_share]
            statistics: [final]
            factors:
              - path: sd
                levels: [5, 20]
            """;

    @Test
    void sparkWithoutTheSparkJarOrWithWorkersIsBadInputWithAMessage() throws Exception {
        Path exp = dir.resolve("exp.yaml");
        Files.writeString(exp, EXPERIMENT);
        Outcome o = officialdom("experiment", exp.toString(), "--spark", "--db", dir.resolve("r.duckdb").toString(), "-q");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--spark: the Spark back end is not on the class path").doesNotContain("\tat ");
        Outcome w = officialdom("experiment", exp.toString(), "--spark", "local[2]", "--workers", "2", "-q");
        assertThat(w.code()).isEqualTo(2);
        assertThat(w.err()).contains("--workers does not go with --spark");
        assertThat(Files.exists(dir.resolve("r.duckdb"))).isFalse();
    }

    @Test
    void experimentRunsIntoTheStoreAndABadFileLeavesTheStoreAsItWas() throws Exception {
        Path db = dir.resolve("results.duckdb");
        Files.writeString(dir.resolve("grid.yaml"), EXPERIMENT);
        Outcome ok = officialdom("experiment", dir.resolve("grid.yaml").toString(), "--db", db.toString(), "--workers", "2",
                "-q", "--parquet", dir.resolve("pq").toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("2 design points x 2 replicates = 4 runs (4 distinct); 4 run now, 0 already stored");
        assertThat(dir.resolve("pq/runs.parquet")).exists();
        assertThat(dir.resolve("pq/metrics.parquet")).exists();

        Files.writeString(dir.resolve("bad.yaml"), EXPERIMENT.replace("levels: [5, 20]", "levels: [5, high]"));
        Outcome bad = officialdom("experiment", dir.resolve("bad.yaml").toString(), "--db", db.toString(), "-q");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("officialdom: " + dir.resolve("bad.yaml")
                + ", line 9, field 'factors[0].levels[1]': expected a number of at least 0 (actors or share, per 'unit'), found 'high'");
        assertThat(bad.out()).isEmpty();
        try (ResultStore st = ResultStore.open(db)) {
            assertThat(st.count("runs", null)).isEqualTo(4);
            assertThat(st.count("experiments", null)).isEqualTo(1);
        }
        Outcome again = officialdom("experiment", dir.resolve("grid.yaml").toString(), "--db", db.toString(), "-q");
        assertThat(again.out()).contains("0 run now, 4 already stored");
    }

    @Test
    void runRecordsItsRunOnceAndCompareComparesUnderCommonRandomNumbers() {
        Path db = dir.resolve("results.duckdb");
        String[] run = {"run", "granovetter-normal", "--steps", "10", "--seed", "3", "-q", "--threads", "1",
                        "--out", dir.resolve("run").toString(), "--db", db.toString()};
        Outcome first = officialdom(run);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Recorded as run ");
        assertThat(dir.resolve("run/metrics.csv")).exists();
        Outcome second = officialdom(run);
        assertThat(second.out()).contains("Already recorded as run ");

        Outcome cmp = officialdom("compare", "granovetter-normal", "granovetter-normal", "-n", "3", "--steps", "10",
                "--seed", "3", "--metrics", "acting", "--db", db.toString(), "-q");
        assertThat(cmp.code()).as(cmp.err()).isZero();
        assertThat(cmp.out()).contains("2 runs now, 1 already stored"); // seed 3 was stored by 'run'
        assertThat(cmp.out()).contains("0 of 2 rows differ clearly").contains("2 rows identical in A and B: acting");
        try (ResultStore st = ResultStore.open(db)) {
            assertThat(st.count("runs", null)).isEqualTo(3);
        }
    }

    @Test
    void badOptionsAreBadInputWithOneMessage() {
        Path db = dir.resolve("results.duckdb");
        Outcome m = officialdom("compare", "granovetter", "granovetter-normal", "--metrics", "riots", "--db", db.toString());
        assertThat(m.code()).isEqualTo(2);
        assertThat(m.err().strip()).isEqualTo("officialdom: --metrics: expected metrics of model granovetter:"
                + " acting, acting_share, newly_acting, found 'riots'");
        Outcome n = officialdom("compare", "granovetter", "granovetter-normal", "-n", "1", "--db", db.toString());
        assertThat(n.code()).isEqualTo(2);
        Outcome missing = officialdom("experiment", dir.resolve("none.yaml").toString(), "--db", db.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("expected an existing file, found no such file").doesNotContain("Exception");
        Outcome export = officialdom("export", dir.resolve("pq").toString(), "--db", dir.resolve("none.duckdb").toString());
        assertThat(export.code()).isEqualTo(2);
        assertThat(db).doesNotExist();
    }
}
