package org.officialdom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ScalingChartTest {

    private static final String HEADER =
            "model,officials,steps,threads,agent_steps_per_second,bytes_per_agent,peak_heap_mib,initialisation_s,machine\n";

    /** Two thread counts, three sizes, given out of order, and a row of another model to skip. */
    private static final String RUNS = HEADER
            + "bureaucracy,10000000,12,1,5740000,64,1845,3.6,test machine\n"
            + "bureaucracy,1000000,120,1,5910000,64,298,0.70,test machine\n"
            + "granovetter,,1000,1,783000000,17,44,,test machine\n"
            + "bureaucracy,100000,120,1,6100000,64,40,0.08,test machine\n"
            + "bureaucracy,100000,120,2,7000000,64,42,0.07,test machine\n"
            + "bureaucracy,1000000,120,2,7390000,64,286,0.56,test machine\n"
            + "\n"
            + "bureaucracy,10000000,12,2,7840000,64,1892,4.1,test machine\n";

    @Test
    void writesSvgAndPngWithOneSeriesPerThreadCount(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("runs.csv");
        Files.writeString(csv, RUNS);

        List<Path> written = ScalingChart.write(csv, dir.resolve("figures/performance-scaling"));

        Path svg = dir.resolve("figures/performance-scaling.svg");
        Path png = dir.resolve("figures/performance-scaling.png");
        assertThat(written).containsExactly(svg, png);
        assertThat(svg).isRegularFile();
        assertThat(png).isRegularFile();
        // XChart draws text as outlines; the series names are in the SVG's <title>/<desc>
        assertThat(Files.readString(svg)).contains("<title>" + ScalingChart.TITLE + "</title>")
                .contains("1 thread", "2 threads", "test machine")
                .doesNotContain("granovetter");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
    }

    @Test
    void keepsTheBureaucracyRowsSortedByOfficials(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("runs.csv");
        Files.writeString(csv, RUNS);

        ScalingChart.Runs runs = ScalingChart.read(csv);

        assertThat(runs.byThreads()).containsOnlyKeys(1, 2);
        assertThat(runs.byThreads().get(1)).extracting(ScalingChart.Point::officials)
                .containsExactly(100_000L, 1_000_000L, 10_000_000L);
        assertThat(runs.machines()).containsExactly("test machine");
        XYChart chart = ScalingChart.chart(runs);
        assertThat(chart.getSeriesCollection()).extracting(XYSeries::getName)
                .containsExactly("1 thread", "2 threads");
        assertThat(chart.getSeries("2 threads").getYData()).containsExactly(7.0, 7.39, 7.84);
    }

    @Test
    void aNonNumericOfficialsFieldIsReportedWithItsLine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("runs.csv");
        Files.writeString(csv, HEADER
                + "bureaucracy,100000,120,1,6100000,64,40,0.08,\n"
                + "bureaucracy,a million,120,1,5910000,64,298,0.70,\n");

        assertThatThrownBy(() -> ScalingChart.write(csv, dir.resolve("out")))
                .isInstanceOf(ScalingChart.BadRunsFile.class)
                .hasMessageContaining("runs.csv line 3")
                .hasMessageContaining("officials");
        assertThat(dir.resolve("out.svg")).doesNotExist();
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path csv = dir.resolve("absent.csv");

        assertThatThrownBy(() -> ScalingChart.write(csv, dir.resolve("out")))
                .isInstanceOf(ScalingChart.BadRunsFile.class)
                .hasMessageContaining("absent.csv")
                .hasMessageContaining("no such file");
    }
}
