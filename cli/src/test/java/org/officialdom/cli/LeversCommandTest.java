package org.officialdom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.officialdom.cli.LabCommandsTest.officialdom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.lab.store.ResultStore;

class LeversCommandTest {

    @TempDir
    Path dir;

    /** A crowd of 100 where everyone riots (sd 20); the baseline is a file beside the lever table. */
    static final String CROWD = """
            name: crowd
            model: granovetter
            steps: 20
            parameters: {population: 100, distribution: normal, unit: count, mean: 25, sd: 20}
            """;

    static final String LEVERS = """
            title: Riot levers
            baseline: crowd.yaml
            replicates: 5
            outcomes:
              - {metric: acting_share, summary: final}
              - acting
            levers:
              - {path: mean, value: 45, label: higher thresholds}
              - {path: low, value: 10, label: inert}
            """;

    @Test
    void aLeverTableRunsIntoTheStorePrintsItsTableWritesMarkdownAndResumes() throws Exception {
        Files.writeString(dir.resolve("crowd.yaml"), CROWD);
        Path file = dir.resolve("riot-levers.yaml");
        Files.writeString(file, LEVERS);
        Path db = dir.resolve("results.duckdb");
        Path md = dir.resolve("levers.md");
        LabCommandsTest.Outcome o = officialdom("levers", file.toString(), "--db", db.toString(), "--workers", "2", "-q",
                "--markdown", md.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("Lever table riot-levers: crowd and 2 levers, 5 paired replicates (seeds 1 to 5), "
                        + "outcomes over steps 11 to 20; 15 runs, 15 run now, 0 already stored",
                "acting_share (final)",
                "Full results: lever table riot-levers-", "Markdown: " + md);
        assertThat(o.out()).containsPattern("higher thresholds +-0\\.[0-9]+ \\[-[0-9.]+, -[0-9.]+\\] \\* ");
        assertThat(o.out()).containsPattern("inert +0 \\(identical\\) +0 \\(identical\\)");
        assertThat(o.err()).isEmpty();
        String report = o.out().lines().filter(l -> l.startsWith("Report: ")).findFirst().orElseThrow().substring(8);
        assertThat(Files.readString(Path.of(report))).contains("<section id=\"effects\">", "higher thresholds", "acting_share (final)");
        String id = Path.of(report).getFileName().toString().replace(".html", "");
        assertThat(officialdom("report", id, "--db", db.toString()).out()).contains("Report: " + report);
        String doc = Files.readString(md);
        assertThat(doc).startsWith("# Riot levers\n").contains("    officialdom levers " + file + " --db " + db + " --workers 2 -q --markdown " + md,
                "| lever | acting_share (final) | acting |", "## How to read this table");
        try (ResultStore st = ResultStore.open(db)) {
            assertThat(st.count("lever_effects", null)).isEqualTo(2 * 2);
            assertThat(st.count("runs", null)).isEqualTo(15);
        }

        LabCommandsTest.Outcome again = officialdom("levers", file.toString(), "--db", db.toString(), "--workers", "1", "-q");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("15 runs, 0 run now, 15 already stored");
        LabCommandsTest.Outcome one = officialdom("levers", file.toString(), "--db", dir.resolve("one.duckdb").toString(),
                "--workers", "1", "-q");
        assertThat(table(one.out())).isEqualTo(table(o.out()));
    }

    /** The printed table without the first line (runs made now) and the store's name. */
    private static List<String> table(String out) {
        List<String> lines = out.lines().toList();
        return lines.subList(1, lines.indexOf(lines.stream().filter(l -> l.startsWith("Full results")).findFirst().orElseThrow()));
    }

    @Test
    void badInputExitsTwoNamingTheFileAndFieldAndLeavesNoStore() throws Exception {
        Files.writeString(dir.resolve("crowd.yaml"), CROWD);
        Path file = dir.resolve("bad.yaml");
        Path db = dir.resolve("results.duckdb");
        Files.writeString(file, LEVERS.replace("path: mean", "path: threshold_mean"));
        LabCommandsTest.Outcome o = officialdom("levers", file.toString(), "--db", db.toString(), "-q");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("officialdom: " + file + ", line 8, field 'levers[0].path': expected a parameter "
                + "of model granovetter (see 'officialdom schema granovetter'), found 'threshold_mean'");
        assertThat(o.out()).isEmpty();

        Files.writeString(file, LEVERS.replace("- acting\n", "- riots\n"));
        LabCommandsTest.Outcome metric = officialdom("levers", file.toString(), "--db", db.toString(), "-q");
        assertThat(metric.code()).isEqualTo(2);
        assertThat(metric.err()).contains(file + ", line 6, field 'outcomes[1]': expected a metric of model granovetter")
                .doesNotContain("\tat ");

        Files.writeString(file, LEVERS.replace("replicates: 5", "replicates: one"));
        assertThat(officialdom("levers", file.toString(), "--db", db.toString(), "-q").err())
                .contains("line 3, field 'replicates': expected a whole number from 2 to 100000, found 'one'");
        assertThat(officialdom("levers", dir.resolve("missing.yaml").toString(), "--db", db.toString()).code()).isEqualTo(2);
        assertThat(officialdom("levers", file.toString(), "--width", "3").code()).isEqualTo(2);
        assertThat(Files.exists(db)).isFalse();
    }

    @Test
    void sparkWithoutTheSparkJarIsBadInput() throws Exception {
        Files.writeString(dir.resolve("crowd.yaml"), CROWD);
        Path file = dir.resolve("riot.yaml");
        Files.writeString(file, LEVERS);
        LabCommandsTest.Outcome o = officialdom("levers", file.toString(), "--spark", "--db", dir.resolve("r.duckdb").toString(), "-q");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--spark: the Spark back end is not on the class path").doesNotContain("\tat ");
    }
}
