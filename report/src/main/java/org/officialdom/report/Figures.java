package org.officialdom.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts as PNG and SVG files for papers (XChart, rendered headless). One file pair
 * per chart, named after the chart; stacked charts are drawn as cumulative areas.
 */
public final class Figures {

    private Figures() {
    }

    /** Writes every chart of a run to {@code dir}; returns the files written. */
    public static List<Path> write(RunData run, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<RunData.Series>> chart : run.charts().entrySet()) {
            XYChart c = chart(run, chart.getKey(), chart.getValue());
            String base = chart.getKey().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            Path png = dir.resolve(base + ".png");
            Path svg = dir.resolve(base + ".svg");
            // write beside and rename, so that a figure on disk is always whole
            Path tmpPng = dir.resolve("." + base + ".tmp.png");
            BitmapEncoder.saveBitmapWithDPI(c, tmpPng.toString(), BitmapEncoder.BitmapFormat.PNG, 150);
            Files.move(tmpPng, png, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path tmpSvg = dir.resolve("." + base + ".tmp.svg");
            VectorGraphicsEncoder.saveVectorGraphic(c, tmpSvg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            Files.move(tmpSvg, svg, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            written.add(png);
            written.add(svg);
        }
        return written;
    }

    static XYChart chart(RunData run, String title, List<RunData.Series> series) {
        RunData.Series first = series.get(0);
        boolean alone = series.size() == 1 && first.chart().equals(first.name());
        boolean dated = run.scenario() != null && run.scenario().start() != null;
        XYChart c = new XYChartBuilder().width(900).height(450)
                .title(alone ? first.name().replace('_', ' ') : title)
                .xAxisTitle(dated ? "months since " + run.scenario().start() : "step")
                .yAxisTitle(first.unit())
                .build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setLegendVisible(series.size() > 1);
        c.getStyler().setMarkerSize(0);
        double[] x = new double[run.steps().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = run.steps()[i];
        }
        boolean stacked = "stacked".equals(first.style());
        if (!stacked) {
            for (RunData.Series s : series) {
                c.addSeries(s.name().replace('_', ' '), x, s.values()).setMarker(SeriesMarkers.NONE);
            }
            return c;
        }
        // stacked: cumulative sums, added from the top layer down so that each area is painted
        // over the larger one beneath it, and the axis starts at zero
        List<double[]> layers = new ArrayList<>();
        double[] base = new double[x.length];
        for (RunData.Series s : series) {
            double[] y = s.values().clone();
            for (int i = 0; i < y.length; i++) {
                y[i] += base[i];
                base[i] = y[i];
            }
            layers.add(y);
        }
        c.getStyler().setYAxisMin(0.0);
        for (int k = series.size() - 1; k >= 0; k--) {
            XYSeries xs = c.addSeries(series.get(k).name().replace('_', ' '), x, layers.get(k));
            xs.setMarker(SeriesMarkers.NONE);
            xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        }
        return c;
    }
}
