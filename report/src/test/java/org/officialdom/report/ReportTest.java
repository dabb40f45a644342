package org.officialdom.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.lab.Progress;
import org.officialdom.lab.RunOptions;
import org.officialdom.lab.Runner;
import org.officialdom.model.scenario.ScenarioLoader;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

class ReportTest {

    private static final String SCENARIO = """
            name: report-test
            title: A report test
            description: Normal thresholds with a calendar.
            model: granovetter
            seed: 2
            steps: 24
            start: 2012-11
            parameters:
              population: 2000
              distribution: normal
              unit: share
              mean: 0.3
              sd: 0.15
            calendar:
              - date: 2013-06
                note: a shock lowers thresholds
                set:
                  mean: 0.2
            """;

    @TempDir
    static Path dir;
    static Path run;
    static RunData data;

    @BeforeAll
    static void runOnce() throws Exception {
        run = dir.resolve("run");
        Runner.run(ScenarioLoader.parse(SCENARIO, "report-test.yaml"), new RunOptions(null, null, 1, run, 0), Progress.NONE);
        data = RunData.read(run);
    }

    @Test
    void theReportHasEverySectionAndNoEmptyChart() throws Exception {
        Path html = run.resolve("report.html");
        HtmlReport.write(data, html);
        String text = Files.readString(html);
        for (String section : List.of("summary", "headline", "charts", "more", "calendar", "biographies", "parameters", "metrics")) {
            assertThat(text).contains("<section id=\"" + section + "\">");
        }
        assertThat(data.charts()).hasSize(3);
        assertThat(text).containsPattern("id=\"chart2\" data-title=\"[^\"]+\" data-points=\"25\"");
        assertThat(text).doesNotContain("id=\"chart3\"");
        assertThat(text).doesNotContain("data-points=\"0\"");
        // labels and units come from the declared metrics; calendar marks on the time axis
        assertThat(text).contains("Share of all actors acting").contains("2013-06").contains("a shock lowers thresholds");
        // nothing is fetched: no external script or style sheet
        assertThat(text).doesNotContainPattern("<script[^>]+src=").doesNotContain("<link");
        for (RunData.Series s : data.series()) {
            assertThat(s.values()).hasSize(25);
        }
    }

    @Test
    void theFlagshipReportHasTheOrganisationViewAndBiographies() throws Exception {
        Path folder = dir.resolve("flagship");
        var sc = ScenarioLoader.override(ScenarioLoader.builtIn("china-2012-2025"), List.of("organisation.officials=2000"));
        Runner.run(sc, new RunOptions(null, 24, 1, folder, 0), Progress.NONE);
        RunData flagship = RunData.read(folder);
        assertThat(flagship.grids()).extracting(RunData.Grid::name)
                .containsExactly("morale_by_level_and_sector", "exit_rate_by_level_and_sector");
        String html = HtmlReport.render(flagship);
        for (String section : List.of("summary", "headline", "charts", "more", "organisation", "calendar", "biographies", "parameters", "metrics")) {
            assertThat(html).contains("<section id=\"" + section + "\">");
        }
        assertThat(html).contains("EVLN mix").contains("Exits by route").contains("<h3>Official ");
        // the headline charts come first, in the model's order, and flows offer their monthly values too
        String main = html.substring(html.indexOf("<section id=\"charts\">"), html.indexOf("<section id=\"more\">"));
        assertThat(main.indexOf("data-title=\"EVLN mix\"")).isPositive().isLessThan(main.indexOf("data-title=\"Morale and stress\""));
        assertThat(main.indexOf("data-title=\"Morale and stress\"")).isLessThan(main.indexOf("data-title=\"Exits by route\""));
        assertThat(main).contains(">12-month sum</button>").contains(">monthly</button>");
        assertThat(main).doesNotContain("Headcount by rank");
        // loyalty, which holds most of the mix, gets a panel of its own
        assertThat(html).contains("loyalty on its own scale above");
        // the year table names the model's headline metrics in words, one column per calendar year
        String summary = html.substring(html.indexOf("<section id=\"summary\">"), html.indexOf("<section id=\"headline\">"));
        assertThat(summary).contains("<th>2012</th>").contains("<th>2014</th>").doesNotContain("<th>2015</th>")
                .contains("data-metric=\"evln_voice\"").contains(">Voice<");
        assertThat(summary).contains(HtmlPage.esc(flagship.summary().get(0)));
        assertThat(html).doesNotContain("data-points=\"0\"");
        // grouped charts: far fewer charts than metrics
        assertThat(flagship.charts().size()).isLessThan(flagship.series().size() / 2);
    }

    @Test
    void theSummaryComesFirstAndTheFoldedMetricTableLast() throws Exception {
        String html = HtmlReport.render(data);
        assertThat(data.summary()).isNotEmpty();
        List<String> order = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<section id=\"([a-z]+)\">").matcher(html);
        while (m.find()) {
            order.add(m.group(1));
        }
        assertThat(order.get(0)).isEqualTo("summary");
        assertThat(order.get(order.size() - 1)).isEqualTo("metrics");
        assertThat(order.indexOf("headline")).isEqualTo(1);
        String summary = html.substring(html.indexOf("<section id=\"summary\">"), html.indexOf("<section id=\"headline\">"));
        assertThat(summary).contains(HtmlPage.esc(data.summary().get(0)));
        String metrics = html.substring(html.indexOf("<section id=\"metrics\">"));
        assertThat(metrics).contains("<details><summary>").contains("<td>acting_share</td>");
        assertThat(metrics.indexOf("<details>")).isLessThan(metrics.indexOf("<td>acting_share</td>"));
        // the metric table is nowhere before it
        assertThat(html.substring(0, html.indexOf("<section id=\"metrics\">"))).doesNotContain("<td>acting_share</td>");
    }

    /** A hand-made run folder with quantiles over draws and published points for one metric. */
    @Test
    void bandsAndObservedPointsAreDrawnWhenTheFolderHasThem() throws Exception {
        Path folder = dir.resolve("banded");
        Files.createDirectories(folder);
        for (String f : List.of("metrics.csv", "metrics.json", "scenario.yaml", "run.json", "summary.txt", "headline.json")) {
            Files.copy(run.resolve(f), folder.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        StringBuilder bands = new StringBuilder("step,metric,draws,q05,q25,q50,q75,q95\n");
        for (int step = 0; step <= 24; step++) {
            double mid = 0.1 + step * 0.01;
            bands.append(step).append(",acting_share,40,").append(mid - 0.05).append(',').append(mid - 0.02).append(',').append(mid)
                    .append(',').append(mid + 0.02).append(',').append(mid + 0.05).append('\n');
        }
        Files.writeString(folder.resolve("bands.csv"), bands);
        Files.writeString(folder.resolve("observed.csv"), "step,metric,value,source\n3,acting_share,0.2,\"Survey, wave 1\"\n15,acting_share,0.31,\"Survey, wave 1\"\n");
        RunData banded = RunData.read(folder);
        assertThat(banded.bands()).containsOnlyKeys("acting_share");
        assertThat(banded.bands().get("acting_share").draws()).isEqualTo(40);
        assertThat(banded.observed()).extracting(RunData.Observation::source).containsOnly("Survey, wave 1");

        RunData.Series share = banded.series().stream().filter(s -> s.name().equals("acting_share")).findFirst().orElseThrow();
        RunChart.Drawn drawn = RunChart.of(banded, share.chart(), List.of(share), share.style(), List.of());
        var option = drawn.views().get(0).option();
        var series = new java.util.LinkedHashMap<String, tools.jackson.databind.JsonNode>();
        option.get("series").forEach(n -> series.put(n.path("id").asString(""), n));
        assertThat(series).containsKeys("band90-0-base", "band90-0", "band50-0-base", "band50-0", "median-0", "observed-0");
        // the 90 % band runs from q05 to q95: its base is q05, its shaded width q95 - q05
        assertThat(series.get("band90-0-base").get("data").get(10).asDouble()).isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(series.get("band90-0").get("data").get(10).asDouble()).isCloseTo(0.10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(series.get("band50-0").get("data").get(10).asDouble()).isCloseTo(0.04, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(series.get("median-0").get("data").get(24).asDouble()).isCloseTo(0.34, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(series.get("observed-0").path("name").asString()).contains("Survey, wave 1");
        assertThat(series.get("observed-0").get("data")).hasSize(2);
        assertThat(series.get("observed-0").get("data").get(0).get(0).asString()).isEqualTo(banded.labels()[3]);
        assertThat(option.path("title").path("subtext").asString()).contains("median of 40 draws, 50 % and 90 % bands");

        String html = HtmlReport.render(banded);
        assertThat(html).contains("median of 40 draws, 50 % and 90 % bands").contains("Survey, wave 1");
        // the run without those files draws no band
        assertThat(HtmlReport.render(data)).doesNotContain("band90-").doesNotContain("draws, 50 %");
    }

    @Test
    void aRunOfTheSameEventIsOneLineWithItsCount() throws Exception {
        List<RunData.Event> events = new java.util.ArrayList<>();
        events.add(new RunData.Event(0, 7, "start", "serving as clerk"));
        for (int step = 1; step <= 49; step++) {
            events.add(new RunData.Event(step, 7, "refused", "was invited into the gift circle and refused"));
        }
        events.add(new RunData.Event(50, 7, "stance", "became loyal"));
        events.add(new RunData.Event(51, 7, "refused", "was invited into the gift circle and refused"));
        List<HtmlReport.Episode> told = HtmlReport.episodes(events);
        assertThat(told).extracting(HtmlReport.Episode::times).containsExactly(1, 49, 1, 1);
        assertThat(told.get(1).first().step()).isEqualTo(1);
        assertThat(told.get(1).last().step()).isEqualTo(49);

        // in a report: a folder whose tracked official refused 49 times in a row
        Path folder = dir.resolve("refusals");
        Files.createDirectories(folder);
        for (String f : List.of("metrics.csv", "metrics.json", "scenario.yaml", "run.json")) {
            Files.copy(run.resolve(f), folder.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        StringBuilder csv = new StringBuilder("step,agent,kind,detail\n0,7,start,\"serving as clerk\"\n");
        for (int step = 1; step <= 22; step++) {
            csv.append(step).append(",7,refused,\"was invited into the gift circle and refused\"\n");
        }
        csv.append("23,7,stance,\"became loyal (morale 0.8, stress 0.2)\"\n");
        Files.writeString(folder.resolve("events.csv"), csv);
        String html = HtmlReport.render(RunData.read(folder));
        String bios = html.substring(html.indexOf("<section id=\"biographies\">"), html.indexOf("<section id=\"parameters\">"));
        assertThat(bios.split("<b>refused</b>", -1)).hasSize(2);
        assertThat(bios).contains("(22 times)").contains("2012-12 to 2014-09");
    }

    @Test
    void flowsAreSummedOverTwelveMonthsAndLegendsReadAsWords() {
        double[] monthly = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 100, 0};
        double[] sum = RunChart.movingSum(monthly, 12);
        assertThat(sum[10]).isNaN();
        assertThat(sum[11]).isEqualTo(78);
        assertThat(sum[12]).isEqualTo(78 - 1 + 100);
        assertThat(sum[13]).isEqualTo(177 - 2);
        List<RunData.Series> evln = List.of(
                new RunData.Series("evln_loyalty", "share", "Share of officials in the loyalty stance", "EVLN mix", "stacked", new double[] {0.9}),
                new RunData.Series("evln_voice", "share", "Share of officials in the voice stance", "EVLN mix", "stacked", new double[] {0.05}),
                new RunData.Series("evln_exit", "share", "Share of officials in the exit stance", "EVLN mix", "stacked", new double[] {0.05}));
        assertThat(RunChart.names(evln)).containsExactly("Loyalty", "Voice", "Exit");
        assertThat(RunChart.dominant(evln)).isZero();
        assertThat(RunChart.legendRows(List.of("a", "b"))).isEqualTo(1);
        assertThat(RunChart.legendRows(java.util.Collections.nCopies(8, "Dismissed after an investigation found bribery"))).isGreaterThan(2);
        // calendar marks a month apart share a number; a year apart they do not
        List<RunChart.MarkGroup> groups = RunChart.group(List.of(new RunData.Mark(10, "a", "x"), new RunData.Mark(11, "b", "y"),
                new RunData.Mark(30, "c", "z")), 157);
        assertThat(groups).extracting(RunChart.MarkGroup::number).containsExactly(1, 2);
        assertThat(groups.get(0).text()).isEqualTo("a: x; b: y");
    }

    @Test
    void aComparisonRanksTheStrongDifferenceFirstAndSummarisesIdenticalMetrics(@TempDir Path tmp) throws Exception {
        try (org.officialdom.lab.store.ResultStore store = org.officialdom.lab.store.ResultStore.open(tmp.resolve("r.duckdb"))) {
            // declaration order: same, weak, strong, medium; ranked: strong, medium (clear), weak (unclear), same (identical)
            Object[][] rows = {
                {"same", "final", 10.0, 10.0, 0.0, 0.0, 0.0, 0.0, "identical"},
                {"same", "mean", 10.0, 10.0, 0.0, 0.0, 0.0, 0.0, "identical"},
                {"weak", "final", 10.0, 10.5, 0.5, 2.0, -2.0, 3.0, "no clear difference"},
                {"strong", "final", 10.0, 20.0, 10.0, 1.0, 9.0, 11.0, "B higher"},
                {"medium", "final", 10.0, 7.0, -3.0, 1.0, -4.0, -2.0, "B lower"}};
            for (Object[] r : rows) {
                try (var ps = store.connection().prepareStatement("INSERT INTO comparisons VALUES ('cmp', 'a', 'b', ?, ?, 5, ?, ?, ?, ?, ?, ?, 0.95, ?)")) {
                    for (int i = 0; i < r.length; i++) {
                        ps.setObject(i + 1, r[i]);
                    }
                    ps.executeUpdate();
                }
            }
            Path out = tmp.resolve("cmp.html");
            StoreReport.write(store, "cmp", out);
            String html = Files.readString(out);
            String summary = html.substring(html.indexOf("<section id=\"summary\">"), html.indexOf("<section id=\"headline\">"));
            assertThat(summary.indexOf(">strong<")).isPositive().isLessThan(summary.indexOf(">medium<"));
            assertThat(summary.indexOf(">medium<")).isLessThan(summary.indexOf(">weak<"));
            assertThat(summary).doesNotContain(">same<").contains("Identical in A and B (2 rows, 1 metrics): same.");
            assertThat(summary).contains("2 differ clearly").contains("1 show no clear difference");
            String full = html.substring(html.indexOf("<section id=\"table\">"));
            assertThat(full).contains("<details>");
            assertThat(full.indexOf(">strong<")).isLessThan(full.indexOf(">medium<"));
            assertThat(full.indexOf(">weak<")).isLessThan(full.indexOf(">same<"));
        }
        // the terminal: the largest first, then one line for identical ones
        List<org.officialdom.lab.experiment.Comparison.Row> rows = List.of(
                new org.officialdom.lab.experiment.Comparison.Row("same", "final",
                        org.officialdom.lab.analysis.PairedDifference.of(new double[] {1, 2}, new double[] {1, 2}, 0.95)),
                new org.officialdom.lab.experiment.Comparison.Row("weak", "final",
                        org.officialdom.lab.analysis.PairedDifference.of(new double[] {1, 2, 3}, new double[] {1.5, 1.5, 3.2}, 0.95)),
                new org.officialdom.lab.experiment.Comparison.Row("strong", "final",
                        org.officialdom.lab.analysis.PairedDifference.of(new double[] {1, 2, 3}, new double[] {11, 12.1, 13}, 0.95)));
        List<String> lines = org.officialdom.lab.experiment.Comparison.largest(rows, 0.95, 1);
        assertThat(lines.get(0)).contains("1 of 3 rows differ clearly").contains("the 1 largest");
        assertThat(String.join("\n", lines)).contains("strong").doesNotContain("weak");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("1 rows identical in A and B: same");
    }

    @Test
    void figuresAreWrittenAsRealPngAndSvg() throws Exception {
        Path figs = dir.resolve("figures");
        List<Path> files = Figures.write(data, figs);
        assertThat(files).hasSize(6);
        for (Path f : files) {
            assertThat(Files.size(f)).isGreaterThan(5_000);
            if (f.toString().endsWith(".png")) {
                BufferedImage img = ImageIO.read(f.toFile());
                assertThat(img.getWidth()).isGreaterThan(800);
                // not a blank picture: more than a handful of distinct colours
                long distinct = java.util.stream.IntStream.range(0, img.getWidth() * img.getHeight() / 97)
                        .map(i -> img.getRGB((i * 97) % img.getWidth(), (i * 97) / img.getWidth())).distinct().count();
                assertThat(distinct).isGreaterThan(3);
            } else {
                String svg = Files.readString(f);
                assertThat(svg).contains("<svg");
                assertThat(svg.split("<path", -1).length).isGreaterThan(20); // axes, ticks, the line itself
            }
        }
    }

    @Test
    void theReportRendersInHeadlessChromiumWithoutConsoleErrors() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Path driverBinary = Path.of("/usr/bin/chromedriver");
        assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(driverBinary),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        Path html = run.resolve("report.html");
        HtmlReport.write(data, html);

        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1200,2000", "--user-data-dir=" + dir.resolve("profile"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(html.toUri().toString());
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                    d.findElements(By.cssSelector(".chart")).stream().allMatch(c -> !c.findElements(By.tagName("canvas")).isEmpty()));
            List<WebElement> charts = driver.findElements(By.cssSelector(".chart"));
            assertThat(charts).hasSize(3);
            for (WebElement c : charts) {
                assertThat(c.getSize().getHeight()).isGreaterThan(200);
            }
            List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertThat(severe).as("console errors").isEmpty();
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Path shot = Path.of("target", "report-screenshot.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, png);
            assertThat(ImageIO.read(shot.toFile()).getHeight()).isGreaterThan(500);
        } finally {
            driver.quit();
            service.stop();
        }
    }
}
