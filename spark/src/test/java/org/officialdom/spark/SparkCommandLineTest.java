package org.officialdom.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.cli.Officialdom;
import org.officialdom.lab.store.ResultStore;

/** {@code officialdom experiment FILE --spark MASTER} and the spark-submit main class, end to end. */
class SparkCommandLineTest {

    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

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
            name: cli-spark
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
    void theExperimentCommandWithSparkFindsTheBackEndAndPrintsTheSameTablesAsWithout() throws Exception {
        Path exp = dir.resolve("exp.yaml");
        Files.writeString(exp, EXPERIMENT);
        Outcome spark = officialdom("experiment", exp.toString(), "--spark", "local[2]", "--db",
                dir.resolve("spark.duckdb").toString(), "-q");
        assertThat(spark.code()).as(spark.err()).isZero();
        Outcome local = officialdom("experiment", exp.toString(), "--db", dir.resolve("local.duckdb").toString(), "-q");
        assertThat(local.code()).isZero();
        assertThat(spark.out()).contains("4 run now").contains("acting_share, final over replicates:");
        assertThat(spark.out().replace("spark.duckdb", "X")).isEqualTo(local.out().replace("local.duckdb", "X"));
        try (ResultStore st = ResultStore.open(dir.resolve("spark.duckdb"))) {
            assertThat(st.count("runs", "status = 'ok'")).isEqualTo(4);
        }
    }

    @Test
    void anUnreachableMasterOrABadOneIsBadInputWithOneLineAndNoStackTrace() throws Exception {
        Path exp = dir.resolve("exp.yaml");
        Files.writeString(exp, EXPERIMENT);
        Outcome o = officialdom("experiment", exp.toString(), "--spark", "spark://127.0.0.1:1", "-q");
        assertThat(o.code()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).startsWith("officialdom: cannot reach the Spark master at spark://127.0.0.1:1")
                .doesNotContain("\tat ").doesNotContain("Exception");
        Outcome bad = officialdom("experiment", exp.toString(), "--spark", "yarnish", "-q");
        assertThat(bad.code()).as(bad.err()).isEqualTo(2);
        assertThat(bad.err()).contains("expected a Spark master URL").contains("'yarnish'");
    }

    @Test
    void theSparkSubmitMainRunsAnExperimentFileIntoTheStoreAndRefusesBadArguments() throws Exception {
        Path exp = dir.resolve("exp.yaml");
        Files.writeString(exp, EXPERIMENT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String before = System.getProperty("spark.master");
        System.setProperty("spark.master", "local[2]");
        try {
            int code = SparkExperiment.run(new String[] {exp.toString(), "--db", dir.resolve("s.duckdb").toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            if (before == null) {
                System.clearProperty("spark.master");
            } else {
                System.setProperty("spark.master", before);
            }
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("4 run now");
        try (ResultStore st = ResultStore.open(dir.resolve("s.duckdb"))) {
            assertThat(st.count("runs", "status = 'ok'")).isEqualTo(4);
        }
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        int code = SparkExperiment.run(new String[] {"--bogus"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err2, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err2.toString(StandardCharsets.UTF_8)).contains("unexpected argument '--bogus'");
    }
}
