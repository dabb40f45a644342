package org.officialdom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.officialdom.model.scenario.ScenarioLoader;

/**
 * The page in a real browser (Debian's headless Chromium): start the flagship scenario, watch the
 * charts fill, move a lever and see its mark, read a biography, run two settings side by side,
 * save and open the report. Screenshots go to {@code web/target/}.
 */
class WebPageTest {

    @TempDir
    static Path dir;

    static WebServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void open() {
        Path chromium = Path.of("/usr/bin/chromium");
        Path driverBinary = Path.of("/usr/bin/chromedriver");
        assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(driverBinary),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        server = WebServer.start(0, dir.resolve("out"), Limits.DEFAULTS);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1500", "--user-data-dir=" + dir.resolve("profile"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    static int points(WebDriver d) {
        List<WebElement> charts = d.findElements(By.cssSelector("#charts .chart"));
        return charts.isEmpty() ? -1 : charts.stream().mapToInt(c -> Integer.parseInt(c.getDomAttribute("data-points") == null
                ? c.getAttribute("data-points") : c.getDomAttribute("data-points"))).min().orElse(-1);
    }

    static String attr(WebElement e, String name) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript("return arguments[0].dataset[arguments[1]];", e, name));
    }

    static int minData(String name) {
        List<WebElement> charts = driver.findElements(By.cssSelector("#charts .chart"));
        if (charts.isEmpty()) {
            return -1;
        }
        return charts.stream().mapToInt(c -> Integer.parseInt(attr(c, name))).min().orElse(-1);
    }

    static void shoot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** The README's picture of the page is written again only when asked: -Dofficialdom.screenshots=true. */
    static void shootForDocs(String name) throws Exception {
        if (Boolean.getBoolean("officialdom.screenshots")) {
            Files.write(Path.of("..", "docs", "images", name), driver.getScreenshotAs(OutputType.BYTES));
        }
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Finds a chart of the page by its title (arguments[0]) for a script that reads its ECharts option and model. */
    static final String CHART = "const el = [...document.querySelectorAll('#charts .chart')].find(e => e.dataset.title === arguments[0]);"
            + "const chart = echarts.getInstanceByDom(el); const option = chart.getOption();";

    static void startRun(String size, String steps, boolean compare) {
        driver.get(server.uri().toString());
        waiting().until(d -> !d.findElements(By.cssSelector("#scenario option")).isEmpty());
        assertThat(new Select(driver.findElement(By.id("scenario"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("china-2012-2025");
        driver.findElement(By.id("size")).clear();
        driver.findElement(By.id("size")).sendKeys(size);
        driver.findElement(By.id("steps")).sendKeys(steps);
        if (compare) {
            driver.findElement(By.id("compare")).click();
        }
        driver.findElement(By.id("start")).click();
        waiting().until(d -> minData("points") >= 1);
    }

    static void moveLever(String id, String value) {
        WebElement input = driver.findElement(By.cssSelector("#" + id + " input[type=range]"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input')); arguments[0].dispatchEvent(new Event('change'));", input, value);
    }

    @Test
    void startTheFlagshipMoveALeverSeeTheMarkAndReadABiography() throws Exception {
        startRun("1500", "30", false);
        List<WebElement> charts = driver.findElements(By.cssSelector("#charts .chart"));
        assertThat(charts).extracting(c -> attr(c, "title")).containsExactly("EVLN mix", "Morale and stress",
                "Exits by route", "Gift-circle share", "Public party exits", "Service output",
                "Organisation now: officials by level", "Organisation now: officials by rank");
        assertThat(charts).allSatisfy(c -> assertThat(c.findElements(By.tagName("canvas"))).isNotEmpty());
        // the levers come from the schema, with their units
        assertThat(driver.findElement(By.id("lever-surveillance-intensity")).getText()).contains("surveillance: intensity").contains("share");
        assertThat(driver.findElement(By.id("lever-study-study-hours")).getText()).contains("hours per week");
        assertThat(driver.findElements(By.cssSelector("#lever-pay-cut-by-level input"))).hasSize(5);

        // one run, one arm: there is no arm to choose for a lever
        assertThat(driver.findElement(By.id("armPick")).isDisplayed()).isFalse();

        driver.findElement(By.id("stepOne")).click();
        driver.findElement(By.id("stepOne")).click();
        waiting().until(d -> minData("points") >= 3);
        // two levers moved at the same step: two marks under one label
        moveLever("lever-surveillance-intensity", "0.9");
        waiting().until(d -> minData("marks") == 1);
        moveLever("lever-study-study-hours", "4");
        waiting().until(d -> minData("marks") == 2);
        assertThat(js(CHART + "return el.dataset.markLabels;", "EVLN mix")).isEqualTo("1");
        assertThat(js(CHART + "return option.series[0].markLine.data.map(d => d.name);", "EVLN mix"))
                .isEqualTo(List.of("intensity, study hours"));
        js("control('speed', {speed: 5});");
        waiting().until(d -> "5".equals(d.findElement(By.id("speedOut")).getText()));
        driver.findElement(By.id("play")).click();
        // the status line advances with the run, not only when it starts and ends
        Pattern playing = Pattern.compile("Step ([0-9]+) of 30 — playing");
        waiting().until(d -> {
            Matcher m = playing.matcher(d.findElement(By.id("stepOut")).getText());
            return m.matches() && Integer.parseInt(m.group(1)) >= 6 && Integer.parseInt(m.group(1)) < 30;
        });
        waiting().until(d -> minData("points") == 31);
        assertThat(driver.findElement(By.id("stepOut")).getText()).isEqualTo("Step 30 of 30 — ended");
        assertThat(driver.findElement(By.id("message")).isDisplayed()).isFalse();
        evlnAxisFitsTheSmallParts();
        legendsAreReadableAndFit();
        // the page holds the lever it moved: the scenario's later move of it (2014-04) no longer applies
        assertThat(driver.findElement(By.cssSelector("#lever-surveillance-intensity b")).getText()).isEqualTo("0.9");
        shoot("web-page.png");
        shootForDocs("web-page.png");

        waiting().until(d -> !d.findElements(By.cssSelector("#officials li")).isEmpty());
        driver.findElements(By.cssSelector("#officials li")).get(0).click();
        waiting().until(d -> d.findElement(By.id("biography")).getText().startsWith("Official "));
        assertThat(driver.findElement(By.id("biography")).getText()).contains("events:");
        shoot("web-biography.png");

        driver.findElement(By.id("save")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("#saved a")).isEmpty());
        String report = driver.findElement(By.cssSelector("#saved a")).getDomAttribute("href");
        driver.get(server.uri().resolve(report).toString());
        waiting().until(d -> !d.findElements(By.cssSelector(".chart canvas")).isEmpty());
        assertThat(driver.getPageSource()).contains("moved in the page: surveillance.intensity = 0.9");
        noConsoleErrors();
    }

    /**
     * The EVLN mix: loyalty (most of the whole) on an axis of its own, and the left axis fitted to voice,
     * neglect and exit stacked, not running to 1.
     */
    static void evlnAxisFitsTheSmallParts() {
        assertThat(js(CHART + "return el.dataset.ownAxis;", "EVLN mix")).isEqualTo("evln_loyalty");
        @SuppressWarnings("unchecked")
        List<Number> fit = (List<Number>) js(CHART
                + "const left = chart.getModel().getComponent('yAxis', 0).axis.scale.getExtent();"
                + "const right = chart.getModel().getComponent('yAxis', 1).axis.scale.getExtent();"
                + "const spec = run.init.charts.find(c => c.title === arguments[0]);"
                + "const rest = spec.metrics.filter(m => m !== el.dataset.ownAxis)"
                + "    .map(m => run.a[run.init.series.findIndex(s => s.name === m)]);"
                + "let max = 0;"
                + "for (let t = 0; t < run.labels.length; t++) { max = Math.max(max, rest.reduce((p, col) => p + col[t], 0)); }"
                + "return [left[1], max, right[0], right[1]];", "EVLN mix");
        double axisMax = fit.get(0).doubleValue();
        double dataMax = fit.get(1).doubleValue();
        assertThat(dataMax).isPositive().isLessThan(0.2);
        assertThat(axisMax).isGreaterThanOrEqualTo(dataMax).isLessThanOrEqualTo(2 * dataMax);
        // loyalty's own axis is fitted to loyalty, not drawn from 0
        assertThat(fit.get(2).doubleValue()).isGreaterThan(0.5);
        assertThat(fit.get(3).doubleValue()).isLessThanOrEqualTo(1.0);
    }

    /** Legends name metrics in words, and lay out without paging. */
    static void legendsAreReadableAndFit() {
        assertThat(js(CHART + "return option.legend[0].data;", "EVLN mix"))
                .isEqualTo(List.of("loyalty (right axis)", "voice", "neglect", "exit"));
        assertThat(js(CHART + "return option.legend[0].type;", "Exits by route")).isEqualTo("plain");
        @SuppressWarnings("unchecked")
        List<String> exits = (List<String>) js(CHART + "return option.legend[0].data;", "Exits by route");
        assertThat(exits).isNotEmpty().contains("private sector").noneMatch(n -> n.contains("_") || n.startsWith("exits"));
    }

    @Test
    void theScenarioListShowsTitlesAndTheSizeIsTheScenariosOwn() {
        driver.get(server.uri().toString());
        waiting().until(d -> !d.findElements(By.cssSelector("#scenario option")).isEmpty());
        Select list = new Select(driver.findElement(By.id("scenario")));
        String title = ScenarioLoader.builtIn("china-2012-2025").title();
        assertThat(list.getFirstSelectedOption().getText()).isEqualTo(title + " (china-2012-2025)");
        assertThat(list.getOptions()).extracting(WebElement::getText)
                .contains(ScenarioLoader.builtIn("kuran").title() + " (kuran)");
        // the flagship's own 20,000 officials, as the command line runs it
        assertThat(driver.findElement(By.id("size")).getDomProperty("value")).isEqualTo("20000");
        assertThat(driver.findElement(By.id("sizeNote")).isDisplayed()).isFalse();
        list.selectByValue("granovetter-uniform");
        assertThat(driver.findElement(By.id("size")).getDomProperty("value")).isEqualTo("100");
    }

    @Test
    void aScenarioLargerThanTheServerAllowsGetsTheLimitAndSaysSo() {
        try (WebServer small = WebServer.start(0, dir.resolve("small"), new Limits(5_000, 2, 2_000, 10))) {
            driver.get(small.uri().toString());
            waiting().until(d -> !d.findElements(By.cssSelector("#scenario option")).isEmpty());
            assertThat(driver.findElement(By.id("size")).getDomProperty("value")).isEqualTo("5000");
            assertThat(driver.findElement(By.id("sizeNote")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("sizeNote")).getText())
                    .isEqualTo("The scenario has 20,000 officials; this server runs at most 5,000, so the size is set to that"
                            + " (results differ from the command line's).");
            // a scenario within the limit has its own size and no note
            new Select(driver.findElement(By.id("scenario"))).selectByValue("granovetter-uniform");
            assertThat(driver.findElement(By.id("size")).getDomProperty("value")).isEqualTo("100");
            assertThat(driver.findElement(By.id("sizeNote")).isDisplayed()).isFalse();
        }
    }

    @Test
    void theExplainButtonDrawsAWaterfallPerMetric() throws Exception {
        driver.manage().logs().get(LogType.BROWSER); // drops what other tests' refused requests logged
        driver.get(server.uri().toString());
        waiting().until(d -> !d.findElements(By.cssSelector("#scenario option")).isEmpty());
        new Select(driver.findElement(By.id("scenario"))).selectByValue("kuran");
        driver.findElement(By.id("start")).click();
        waiting().until(d -> minData("points") >= 1);
        assertThat(driver.findElement(By.id("explainBox")).isDisplayed()).isFalse();
        driver.findElement(By.id("explain")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("#waterfalls .chart")).isEmpty());
        assertThat(driver.findElement(By.id("message")).isDisplayed()).isFalse();
        // one waterfall per charted metric: start, the drift, the one calendar group, the interaction, end
        var sc = ScenarioLoader.builtIn("kuran");
        var pages = org.officialdom.model.Models.byName("kuran").orElseThrow().create(sc.parametersAt(0)).metrics().pages();
        List<String> metrics = pages.stream().flatMap(p -> p.metrics().stream()).map(org.officialdom.engine.Metric::name)
                .distinct().toList();
        List<WebElement> falls = driver.findElements(By.cssSelector("#waterfalls .chart"));
        assertThat(falls).extracting(e -> attr(e, "metric")).isEqualTo(metrics);
        assertThat(falls).allSatisfy(e -> assertThat(attr(e, "bars")).isEqualTo("5"));
        // progress came while it ran: one event per run
        assertThat(attr(driver.findElement(By.id("explainBox")), "progress")).isEqualTo("4");
        assertThat(driver.findElement(By.id("explainOut")).getText()).isEqualTo("Done: exact Shapley values over all 2 coalitions, 4 runs.");
        // public opposition climbs from 12 to 90 %, all of it from the lowered threshold (Kuran's revolution)
        @SuppressWarnings("unchecked")
        List<List<Object>> bars = (List<List<Object>>) js("const el = document.querySelector('#waterfalls .chart');"
                + "const o = echarts.getInstanceByDom(el).getOption();"
                + "return o.series[0].data.map((d, i) => [o.xAxis[0].data[i], d[1], d[2]]);");
        assertThat(bars).extracting(b -> b.get(0)).containsExactly("start", "model's drift", "thresholds", "of which interaction", "end");
        assertThat(((Number) bars.get(0).get(2)).doubleValue()).isEqualTo(12.0);
        assertThat(((Number) bars.get(2).get(1)).doubleValue()).isEqualTo(12.0);
        assertThat(((Number) bars.get(2).get(2)).doubleValue()).isEqualTo(90.0);
        assertThat(((Number) bars.get(4).get(2)).doubleValue()).isEqualTo(90.0);
        shoot("web-explain.png");
        noConsoleErrors();
    }

    @Test
    void twoSettingsSideBySideShowTheirDifference() throws Exception {
        startRun("800", "12", true);
        assertThat(driver.findElement(By.id("diffBox")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("armPick")).isDisplayed()).isTrue();
        new Select(driver.findElement(By.id("arm"))).selectByValue("b");
        moveLever("lever-study-study-hours", "20");
        waiting().until(d -> minData("marks") == 1);
        driver.findElement(By.id("play")).click();
        waiting().until(d -> minData("points") == 13);
        waiting().until(d -> "13".equals(attr(d.findElement(By.id("diff")), "points")));
        shoot("web-side-by-side.png");
        // A solid, B dashed everywhere; different colours too where a colour names no metric
        @SuppressWarnings("unchecked")
        List<List<Object>> single = (List<List<Object>>) js(CHART + "return option.series.map(s => [s.id, s.color, s.lineStyle.type]);",
                "Gift-circle share");
        assertThat(single).hasSize(2);
        assertThat(single.get(0).get(1)).isNotEqualTo(single.get(1).get(1));
        assertThat(single).extracting(x -> x.get(2)).containsExactly("solid", "dashed");
        @SuppressWarnings("unchecked")
        List<List<Object>> many = (List<List<Object>>) js(CHART + "return option.series.map(s => [s.id, s.color, s.lineStyle.type]);",
                "Morale and stress");
        assertThat(many).hasSize(4).extracting(x -> x.get(1)).doesNotHaveDuplicates();
        assertThat(many).filteredOn(x -> String.valueOf(x.get(0)).startsWith("b:")).extracting(x -> x.get(2)).containsOnly("dashed");
        assertThat(js(CHART + "return option.series.map(s => s.itemStyle.color);", "Organisation now: officials by level"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(2).doesNotHaveDuplicates();
        // a bad lever value (typed past the range by a script) is refused with the schema's message
        ((JavascriptExecutor) driver).executeScript("fetch('/api/sessions/' + run.id + '/lever', {method: 'POST',"
                + "headers: {'Content-Type': 'application/json'}, body: JSON.stringify({path: 'surveillance.intensity', value: 3})})"
                + ".then(r => r.json()).then(j => showMessage(j.error));");
        waiting().until(d -> d.findElement(By.id("message")).isDisplayed());
        assertThat(driver.findElement(By.id("message")).getText()).startsWith("lever surveillance.intensity: expected");
    }

    @Test
    void anOversizeRunIsRefusedWithTheServersMessage() {
        driver.get(server.uri().toString());
        waiting().until(d -> !d.findElements(By.cssSelector("#scenario option")).isEmpty());
        driver.findElement(By.id("size")).clear();
        driver.findElement(By.id("size")).sendKeys("50001");
        driver.findElement(By.id("start")).click();
        waiting().until(d -> d.findElement(By.id("message")).isDisplayed());
        assertThat(driver.findElement(By.id("message")).getText())
                .isEqualTo("size: expected a number of officials from 1 to 50000 (this server's limit), found 50001");
    }

    @Test
    void anEpsteinRunHasItsDeclaredChartsAndLeversAndNoSizeField() throws Exception {
        driver.manage().logs().get(LogType.BROWSER); // drops what other tests' refused requests logged
        driver.get(server.uri().toString());
        waiting().until(d -> !d.findElements(By.cssSelector("#scenario option")).isEmpty());
        assertThat(driver.findElement(By.id("size")).isDisplayed()).isTrue();
        new Select(driver.findElement(By.id("scenario"))).selectByValue("epstein-run1");
        // the torus is width x height: the model marks no size, so the page offers none
        assertThat(driver.findElement(By.id("size")).isDisplayed()).isFalse();
        driver.findElement(By.id("steps")).clear();
        driver.findElement(By.id("steps")).sendKeys("40");
        driver.findElement(By.id("start")).click();
        waiting().until(d -> minData("points") >= 1);
        assertThat(driver.findElement(By.id("message")).isDisplayed()).isFalse();
        var sc = org.officialdom.model.scenario.ScenarioLoader.builtIn("epstein-run1");
        var declared = org.officialdom.model.Models.byName("epstein").orElseThrow().create(sc.parametersAt(0)).metrics().pages();
        assertThat(driver.findElements(By.cssSelector("#charts .chart"))).extracting(c -> attr(c, "title"))
                .isEqualTo(declared.stream().map(org.officialdom.engine.MetricSet.PageChart::title).toList());
        var levers = org.officialdom.model.parameter.ParameterSchema.leverPaths(org.officialdom.model.classic.EpsteinParameters.class);
        assertThat(driver.findElements(By.cssSelector("#levers .lever"))).extracting(e -> e.getDomAttribute("id"))
                .isEqualTo(levers.stream().map(p -> "lever-" + p.replaceAll("[^a-z0-9]", "-")).toList());
        assertThat(driver.findElement(By.id("runTitle")).getText()).doesNotContain("size");
        // Run 1 has no calendar: nothing to explain
        assertThat(driver.findElement(By.id("explain")).isEnabled()).isFalse();
        assertThat(driver.findElement(By.id("explainOut")).getText())
                .isEqualTo("This scenario has no calendar entries, so there is nothing to split its change among.");
        driver.findElement(By.id("stepOne")).click();
        waiting().until(d -> minData("points") >= 2);
        moveLever("lever-legitimacy", "0.5");
        waiting().until(d -> minData("marks") == 1);
        driver.findElement(By.id("play")).click();
        waiting().until(d -> minData("points") == 41);
        assertThat(driver.findElement(By.cssSelector("#lever-legitimacy b")).getText()).isEqualTo("0.5");
        assertThat(driver.findElement(By.id("message")).isDisplayed()).isFalse();
        shoot("web-epstein.png");
        // back to a model with a size: the field returns
        new Select(driver.findElement(By.id("scenario"))).selectByValue("china-2012-2025");
        assertThat(driver.findElement(By.id("size")).isDisplayed()).isTrue();
        noConsoleErrors();
    }

    @Test
    void aBadUploadShowsTheLoadersMessage() throws Exception {
        String text = org.officialdom.model.scenario.ScenarioLoader.builtIn("china-2012-2025").text()
                .replace("intensity: 0.2", "intensity: lots");
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, text);
        String expected;
        try {
            org.officialdom.model.scenario.ScenarioLoader.parse(text, "mine.yaml");
            throw new AssertionError("the loader accepted a bad file");
        } catch (org.officialdom.model.scenario.ScenarioException e) {
            expected = e.getMessage();
        }
        driver.get(server.uri().toString());
        waiting().until(d -> !d.findElements(By.cssSelector("#scenario option")).isEmpty());
        driver.findElement(By.id("upload")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("start")).click();
        waiting().until(d -> d.findElement(By.id("message")).isDisplayed());
        assertThat(driver.findElement(By.id("message")).getText()).isEqualTo(expected);
        shoot("web-bad-upload.png");
    }

    static void noConsoleErrors() {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).isEmpty();
    }
}
