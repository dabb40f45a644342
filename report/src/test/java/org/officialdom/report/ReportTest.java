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
        for (String section : List.of("headline", "charts", "calendar", "biographies", "parameters")) {
            assertThat(text).contains("<section id=\"" + section + "\">");
        }
        assertThat(data.charts()).hasSize(3);
        assertThat(text).containsPattern("id=\"chart2\" data-points=\"25\"");
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
        for (String section : List.of("headline", "charts", "organisation", "calendar", "biographies", "parameters")) {
            assertThat(html).contains("<section id=\"" + section + "\">");
        }
        assertThat(html).contains("EVLN mix").contains("Exits by route").contains("<h3>Official ");
        assertThat(html).doesNotContain("data-points=\"0\"");
        // grouped charts: far fewer charts than metrics
        assertThat(flagship.charts().size()).isLessThan(flagship.series().size() / 2);
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
