package org.officialdom.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.lab.LocalBackend;
import org.officialdom.lab.Progress;
import org.officialdom.lab.RunOptions;
import org.officialdom.lab.Runner;
import org.officialdom.lab.calibration.AbcCalibrator;
import org.officialdom.lab.calibration.Calibration;
import org.officialdom.lab.experiment.Comparison;
import org.officialdom.lab.store.ResultStore;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The run, comparison and calibration reports in a real browser (Debian's headless Chromium): the sections in
 * order, and no text of any chart (axis names and labels, titles, legends, marks) drawn outside its
 * chart, where it would be cut. With the system property {@code officialdom.screenshots} (or the
 * variable {@code OFFICIALDOM_SCREENSHOTS}) naming a folder, the tests save {@code run-report.png},
 * {@code compare-report.png} and {@code calibration-report.png} there (docs/images is where the README looks).
 */
class ReportBrowserTest {

    /**
     * Every text element ECharts drew, with its box in the chart's pixels, for each chart of the page:
     * [chart title, text, x, y, width, height, chart width, chart height].
     */
    static final String TEXTS = """
            var out = [];
            document.querySelectorAll('.chart').forEach(function (el) {
              var c = echarts.getInstanceByDom(el);
              if (!c || el.clientWidth === 0) return;
              c.getZr().storage.getDisplayList(true).forEach(function (e) {
                if ((e.type !== 'tspan' && e.type !== 'text') || e.ignore || e.invisible || !e.style || !e.style.text) return;
                var r = e.getBoundingRect().clone();
                if (e.transform) r.applyTransform(e.transform);
                out.push([el.dataset.title, String(e.style.text), r.x, r.y, r.width, r.height, c.getWidth(), c.getHeight()]);
              });
            });
            return out;
            """;

    @TempDir
    static Path dir;
    static ChromeDriver driver;
    static ChromeDriverService service;

    @BeforeAll
    static void open() {
        Path chromium = Path.of("/usr/bin/chromium");
        Path driverBinary = Path.of("/usr/bin/chromedriver");
        assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(driverBinary),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        service = new ChromeDriverService.Builder().usingDriverExecutable(driverBinary.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--window-size=1200,1600", "--user-data-dir=" + dir.resolve("profile"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    /** The flagship scenario at a small size, over its whole calendar. */
    static Scenario small(String name, int officials) {
        return ScenarioLoader.override(ScenarioLoader.builtIn(name), List.of("organisation.officials=" + officials));
    }

    @Test
    void theRunReportLeadsWithItsSummaryAndCutsNoLabel() throws Exception {
        Path folder = dir.resolve("run");
        Runner.run(small("china-2012-2025", 3000), new RunOptions(null, null, 2, folder, 0), Progress.NONE);
        Path html = folder.resolve("report.html");
        HtmlReport.write(RunData.read(folder), html);
        open(html);
        @SuppressWarnings("unchecked")
        List<String> sections = (List<String>) js("return Array.from(document.querySelectorAll('body > section')).map(s => s.id);");
        assertThat(sections.get(0)).isEqualTo("summary");
        assertThat(sections.get(1)).isEqualTo("headline");
        assertThat(sections.indexOf("charts")).isLessThan(sections.indexOf("more"));
        assertThat(sections.get(sections.size() - 1)).isEqualTo("metrics");
        // the summary is what the command line printed; the metric table is folded shut
        assertThat(driver.findElement(By.cssSelector("#summary ul.summary li")).getText()).startsWith("Bureaucracy:");
        assertThat(js("return document.querySelector('#metrics details').open;")).isEqualTo(false);
        assertThat(driver.findElement(By.cssSelector("#metrics table")).isDisplayed()).isFalse();
        // the first chart is the model's first headline chart
        assertThat(driver.findElements(By.cssSelector("#charts .chart")).get(0).getDomAttribute("data-title")).isEqualTo("EVLN mix");
        noTextOutsideItsChart();
        // the monthly view of a flow replaces its 12-month sum, and cuts no label either
        driver.findElement(By.cssSelector("#charts .views button[data-view='1']")).click();
        noTextOutsideItsChart();
        noConsoleErrors();
        screenshot("run-report.png");
    }

    @Test
    void theCalibrationReportLeadsWithItsSummaryAndCutsNoLabel() throws Exception {
        Path file = dir.resolve("abc.yaml");
        Files.writeString(file, """
                name: browser-abc
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
                abc: {particles: 30, generations: 3, batch: 30}
                """);
        Calibration c = Calibration.load(file);
        try (ResultStore store = ResultStore.open(dir.resolve("abc.duckdb")); LocalBackend backend = new LocalBackend(2, 1)) {
            AbcCalibrator.Result r = AbcCalibrator.run(c, store, backend, Progress.NONE, new java.io.PrintWriter(java.io.Writer.nullWriter()));
            Path html = dir.resolve("calibration.html");
            StoreReport.write(store, r.calibrationId(), html);
            open(html);
        }
        @SuppressWarnings("unchecked")
        List<String> sections = (List<String>) js("return Array.from(document.querySelectorAll('body > section')).map(s => s.id);");
        assertThat(sections).startsWith("summary", "headline", "schedule", "marginals").endsWith("predictive");
        assertThat(driver.findElement(By.cssSelector("#summary ul.summary")).getText()).contains("Pinned down").contains("Posterior predictive check");
        // the full tables are folded shut; the posterior's table is not
        assertThat(driver.findElement(By.cssSelector("#predictive details table")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector("#marginals table")).isDisplayed()).isTrue();
        noTextOutsideItsChart();
        noConsoleErrors();
        screenshot("calibration-report.png");
    }

    @Test
    void theComparisonReportRanksAndCutsNoLabel() throws Exception {
        Path db = dir.resolve("results.duckdb");
        Comparison.Result r;
        try (ResultStore store = ResultStore.open(db); LocalBackend backend = new LocalBackend(2, 1)) {
            r = Comparison.run(small("china-2012-2025", 800), small("reform", 800), 3, 1, null, List.of(), List.of("final", "mean"), 0.95,
                    store, backend, Progress.NONE);
            Path html = dir.resolve("compare.html");
            StoreReport.write(store, r.comparisonId(), html);
            open(html);
        }
        @SuppressWarnings("unchecked")
        List<String> sections = (List<String>) js("return Array.from(document.querySelectorAll('body > section')).map(s => s.id);");
        assertThat(sections).startsWith("summary", "headline", "differences", "series").endsWith("table");
        assertThat(driver.findElement(By.id("identical")).getText()).startsWith("Identical in A and B").contains("headcount");
        // the time axis is the run's months, and it ends where the runs end
        @SuppressWarnings("unchecked")
        List<String> axis = (List<String>) js("var c = echarts.getInstanceByDom(document.querySelector('#series .chart'));"
                + "return c.getOption().xAxis[0].data;");
        assertThat(axis.get(0)).isEqualTo("2012-11");
        assertThat(axis.get(axis.size() - 1)).isEqualTo("2025-12");
        noTextOutsideItsChart();
        noConsoleErrors();
        screenshot("compare-report.png");
    }

    /** The check itself fails on a chart laid out as the old report did (a long unit as the y axis's name, 60 pixels from the edge). */
    @Test
    void theLabelCheckCatchesAnAxisNameCutAtTheEdge() throws Exception {
        var o = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        o.putObject("title").put("text", "output");
        o.putObject("grid").put("top", 60).put("left", 60).put("right", 30).put("bottom", 50);
        o.putObject("xAxis").put("type", "category").putArray("data").add("2012-11").add("2012-12");
        o.putObject("yAxis").put("type", "value").put("name", "competence-10 full-time months");
        o.putArray("series").addObject().put("type", "line").putArray("data").add(1).add(2);
        Path html = dir.resolve("old.html");
        Files.writeString(html, new HtmlPage("old").chart(o, 2).render());
        open(html);
        assertThat(cut()).anySatisfy(t -> assertThat(t).contains("competence-10 full-time months"));
    }

    private static void open(Path html) {
        driver.manage().window().setSize(new Dimension(1200, 1600));
        driver.get(html.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(".chart")).stream()
                .filter(c -> c.isDisplayed()).allMatch(c -> !c.findElements(By.tagName("canvas")).isEmpty()));
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Texts that reach past their chart's edges (by more than a pixel), as "chart: text". */
    @SuppressWarnings("unchecked")
    private static List<String> cut() {
        List<List<Object>> texts = (List<List<Object>>) js(TEXTS);
        assertThat(texts).as("the charts drew text").isNotEmpty();
        return texts.stream().filter(t -> {
            double x = num(t.get(2));
            double y = num(t.get(3));
            return x < -1 || y < -1 || x + num(t.get(4)) > num(t.get(6)) + 1 || y + num(t.get(5)) > num(t.get(7)) + 1;
        }).map(t -> t.get(0) + ": " + t.get(1) + " at " + t.subList(2, 6)).toList();
    }

    private static void noTextOutsideItsChart() {
        assertThat(cut()).as("text drawn past a chart's edge").isEmpty();
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static void noConsoleErrors() {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as("console errors").isEmpty();
    }

    /** The top of the page, when a folder for screenshots is named; normal runs leave the tree alone. */
    private static void screenshot(String name) throws Exception {
        String to = System.getProperty("officialdom.screenshots", System.getenv("OFFICIALDOM_SCREENSHOTS"));
        Path target = to == null || to.isBlank() ? Path.of("target", name) : Path.of(to).resolve(name);
        driver.manage().window().setSize(new Dimension(1200, 2400));
        js("window.scrollTo(0, 0); window.dispatchEvent(new Event('resize'));");
        Thread.sleep(300);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    }
}
