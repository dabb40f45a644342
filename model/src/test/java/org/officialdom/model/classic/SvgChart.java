package org.officialdom.model.classic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal line chart written as SVG, for the figures of docs/validation.md. Test scope only: the
 * model never draws. Each series is a list of (x, y) points; axes get rounded ticks.
 */
final class SvgChart {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};
    private static final int W = 720;
    private static final int H = 360;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int BOTTOM = 48;

    private record Series(String label, double[] x, double[] y, boolean dashed) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<double[]> marks = new ArrayList<>();

    SvgChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    SvgChart line(String label, double[] x, double[] y) {
        series.add(new Series(label, x, y, false));
        return this;
    }

    SvgChart dashed(String label, double[] x, double[] y) {
        series.add(new Series(label, x, y, true));
        return this;
    }

    /** A horizontal reference line at y. */
    SvgChart level(double y) {
        marks.add(new double[] {y});
        return this;
    }

    void write(Path file) throws IOException {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.x) {
                x0 = Math.min(x0, v);
                x1 = Math.max(x1, v);
            }
            for (double v : s.y) {
                y1 = Math.max(y1, v);
            }
        }
        double y0 = 0;
        y1 = niceCeil(y1);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                W, H, W, H));
        sb.append(String.format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n", LEFT, esc(title)));
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        sb.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n", LEFT, TOP, pw, ph));
        for (int i = 0; i <= 5; i++) {
            double xv = x0 + (x1 - x0) * i / 5;
            double yv = y0 + (y1 - y0) * i / 5;
            double px = LEFT + pw * i / 5.0;
            double py = TOP + ph - ph * i / 5.0;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\"/>%n", px, TOP + ph, px, TOP + ph + 5));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, TOP + ph + 18, tick(xv)));
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n", LEFT, py, LEFT + pw, py));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, py + 4, tick(yv)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", LEFT + pw / 2.0, H - 10, esc(xLabel)));
        sb.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">%s</text>%n",
                TOP + ph / 2.0, TOP + ph / 2.0, esc(yLabel)));
        for (double[] m : marks) {
            double py = TOP + ph - ph * (m[0] - y0) / (y1 - y0);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\" stroke-dasharray=\"2,3\"/>%n",
                    LEFT, py, LEFT + pw, py));
        }
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            String colour = COLOURS[k % COLOURS.length];
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < s.x.length; i++) {
                double px = LEFT + pw * (s.x[i] - x0) / (x1 - x0);
                double py = TOP + ph - ph * (s.y[i] - y0) / (y1 - y0);
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            sb.append(String.format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"%s points=\"%s\"/>%n", colour,
                    s.dashed ? " stroke-dasharray=\"6,4\"" : "", pts.toString().trim()));
            int ly = TOP + 14 + 16 * k;
            sb.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                    LEFT + pw - 330, ly - 4, LEFT + pw - 306, ly - 4, colour, s.dashed ? " stroke-dasharray=\"6,4\"" : ""));
            sb.append(String.format("<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + pw - 300, ly, esc(s.label)));
        }
        sb.append("</svg>\n");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb.toString());
    }

    private static double niceCeil(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String tick(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
