package org.officialdom.web;

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

    static void startRun(String size, String steps, boolean compare) {
        driver.get(server.uri().toString());
        waiting().until(d -> !d.findElements(By.cssSelector("#scenario option")).isEmpty());
        assertThat(new Select(driver.findElement(By.id("scenario"))).getFirstSelectedOption().getText()).isEqualTo("china-2012-2025");
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

        driver.findElement(By.id("stepOne")).click();
        driver.findElement(By.id("stepOne")).click();
        waiting().until(d -> minData("points") >= 3);
        moveLever("lever-surveillance-intensity", "0.9");
        waiting().until(d -> minData("marks") == 1);
        driver.findElement(By.id("speed")).sendKeys(""); // focus only
        driver.findElement(By.id("play")).click();
        waiting().until(d -> minData("points") == 31);
        assertThat(driver.findElement(By.id("stepOut")).getText()).contains("Step 30 of 30").contains("ended");
        assertThat(driver.findElement(By.id("message")).isDisplayed()).isFalse();
        // the page holds the lever it moved: the scenario's later move of it (2014-04) no longer applies
        assertThat(driver.findElement(By.cssSelector("#lever-surveillance-intensity b")).getText()).isEqualTo("0.9");
        shoot("web-page.png");

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

    @Test
    void twoSettingsSideBySideShowTheirDifference() throws Exception {
        startRun("800", "12", true);
        assertThat(driver.findElement(By.id("diffBox")).isDisplayed()).isTrue();
        new Select(driver.findElement(By.id("arm"))).selectByValue("b");
        moveLever("lever-study-study-hours", "20");
        waiting().until(d -> minData("marks") == 1);
        driver.findElement(By.id("play")).click();
        waiting().until(d -> minData("points") == 13);
        waiting().until(d -> "13".equals(attr(d.findElement(By.id("diff")), "points")));
        shoot("web-side-by-side.png");
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
