package org.officialdom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.officialdom.cli.LabCommandsTest.officialdom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Experiments and comparisons write their reports from the store; every chart has data. */
class StoreReportTest {

    private static final String MORRIS = """
            name: report-morris
            scenario: granovetter-normal
            steps: 12
            replicates: 2
            metrics: [acting_share]
            statistics: [final]
            design:
              type: morris
              samples: 4
              levels: 4
            factors:
              - path: mean
                range: [10, 40]
              - path: sd
                range: [2, 25]
            """;

    private static Path reportOf(String out) {
        Matcher m = Pattern.compile("Report: (.+\\.html)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Path.of(m.group(1));
    }

    private static void everyChartHasData(String html, int atLeast) {
        Matcher m = Pattern.compile("data-points=\"(\\d+)\"").matcher(html);
        int charts = 0;
        while (m.find()) {
            charts++;
            assertThat(Integer.parseInt(m.group(1))).isGreaterThan(0);
        }
        assertThat(charts).isGreaterThanOrEqualTo(atLeast);
    }

    @Test
    void anExperimentReportShowsSpreadEffectsAndIndices(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("results.duckdb");
        Files.writeString(dir.resolve("morris.yaml"), MORRIS);
        var o = officialdom("experiment", dir.resolve("morris.yaml").toString(), "--db", db.toString(), "-q");
        assertThat(o.code()).as(o.err()).isZero();
        Path report = reportOf(o.out());
        assertThat(report).startsWith(dir.resolve("reports"));
        String html = Files.readString(report);
        int at = -1;
        for (String section : new String[] {"summary", "headline", "sensitivity", "spread", "effects", "file"}) {
            int next = html.indexOf("<section id=\"" + section + "\">");
            assertThat(next).as(section + " after the one before").isGreaterThan(at);
            at = next;
        }
        assertThat(html).contains("morris: mu_star of acting_share (final)").contains("Share of all actors acting");
        // the summary names the design and each index's largest factor; the file is folded
        String summary = html.substring(html.indexOf("<section id=\"summary\">"), html.indexOf("<section id=\"headline\">"));
        assertThat(summary).contains("design points").containsPattern("mu_star of acting_share \\(final\\): largest (mean|sd) ");
        assertThat(html).contains("<summary>The file as run</summary>");
        // spread (1 metric) + effects (2 factors x 1 metric) + Morris measures (mu, mu*, sigma)
        everyChartHasData(html, 1 + 2 + 3);

        // the same report again by the experiment's name, to a chosen file
        Path again = dir.resolve("again.html");
        var r = officialdom("report", "report-morris", "--db", db.toString(), "--out", again.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(again).exists();
        var bad = officialdom("report", "nonesuch", "--db", db.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("nonesuch").doesNotContain("Exception");
    }

    @Test
    void aComparisonReportShowsPairedDifferencesAndBothSides(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("results.duckdb");
        Files.writeString(dir.resolve("low.yaml"), """
                name: low
                model: granovetter
                steps: 15
                parameters:
                  population: 100
                  distribution: normal
                  mean: 10
                  sd: 12
                """);
        var o = officialdom("compare", "granovetter-normal", dir.resolve("low.yaml").toString(), "-n", "3",
                "--steps", "15", "--db", db.toString(), "-q");
        assertThat(o.code()).as(o.err()).isZero();
        String html = Files.readString(reportOf(o.out()));
        assertThat(html).contains("<section id=\"differences\">").contains("<section id=\"series\">")
                .contains("A: granovetter-normal").contains("B: low");
        everyChartHasData(html, 1 + 3);
    }

    @Test
    void anAbcCalibrationReportShowsPosteriorsPairsAndThePredictiveCheck(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("results.duckdb");
        Files.writeString(dir.resolve("abc.yaml"), """
                name: report-abc
                scenario: granovetter-normal
                method: abc-smc
                steps: 8
                parameters:
                  - path: mean
                    range: [10, 40]
                  - path: sd
                    range: [2, 20]
                targets:
                  - metric: acting
                    from_step: 1
                    values: [3, 10, 24, 47, 70, 85]
                abc: {particles: 20, generations: 3, batch: 20}
                """);
        var o = officialdom("calibrate", dir.resolve("abc.yaml").toString(), "--db", db.toString(), "-q");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("Posterior (last generation, weighted)").contains("Posterior predictive check");
        String html = Files.readString(reportOf(o.out()));
        int at = -1;
        for (String section : new String[] {"summary", "headline", "schedule", "marginals", "pairs", "predictive"}) {
            int next = html.indexOf("<section id=\"" + section + "\">");
            assertThat(next).as(section + " after the one before").isGreaterThan(at);
            at = next;
        }
        assertThat(html).contains("<b>Pinned down</b>").contains("<b>Posterior predictive check</b>");
        assertThat(html).contains("<summary>Every generation (table)</summary>").contains("<summary>Every target value (table)</summary>");
        // the posterior sample written beside the report is what run --posterior-from draws from
        Path sample = reportOf(o.out()).getParent().resolve("report-abc.csv");
        assertThat(sample).exists();
        assertThat(Files.readString(sample)).contains("weight,mean,sd");
        var drawn = officialdom("run", "granovetter-normal", "--posterior", "3", "--posterior-from", sample.toString(), "--steps", "8",
                "--no-store", "-q", "--out", dir.resolve("drawn").toString());
        assertThat(drawn.code()).as(drawn.err()).isZero();
        assertThat(dir.resolve("drawn").resolve("bands.csv")).exists();
        assertThat(html).contains("mean × sd").contains("Posterior correlations");
        // schedule + 2 marginals + correlation heat map + 1 pair + 1 predictive chart
        everyChartHasData(html, 6);
        var again = officialdom("report", "report-abc", "--db", db.toString(), "--out", dir.resolve("again.html").toString());
        assertThat(again.code()).as(again.err()).isZero();

        // a comparison over the posterior: replicate k of both sides runs draw k
        Files.writeString(dir.resolve("bigger.yaml"), """
                name: bigger
                model: granovetter
                seed: 1
                steps: 8
                parameters: {population: 200, distribution: normal, unit: count, mean: 25, sd: 12}
                """);
        var cmp = officialdom("compare", "granovetter-normal", dir.resolve("bigger.yaml").toString(), "-n", "4", "--steps", "8",
                "--posterior", "report-abc", "--metrics", "acting_share", "--db", db.toString(), "-q");
        assertThat(cmp.code()).as(cmp.err()).isZero();
        assertThat(cmp.out()).contains("draw k of a calibration's posterior");
        var plain = officialdom("compare", "granovetter-normal", dir.resolve("bigger.yaml").toString(), "-n", "4", "--steps", "8",
                "--metrics", "acting_share", "--db", db.toString(), "-q");
        assertThat(plain.out()).doesNotContain("posterior");
        assertThat(plain.out()).isNotEqualTo(cmp.out());
        var missing = officialdom("compare", "granovetter-normal", "granovetter-uniform", "--posterior", "nonesuch", "--db", db.toString(), "-q");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--posterior").contains("no finished ABC calibration 'nonesuch'");
    }
}
