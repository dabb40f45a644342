package org.officialdom.bench;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.AnnotationTextPanel;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * The scaling chart of docs/performance.md: the bureaucracy model's agent-steps per second (in
 * millions, linear axis) against the number of officials (logarithmic axis), one line with markers
 * per thread count. It reads a CSV file of measured runs with the header
 * {@code model,officials,steps,threads,agent_steps_per_second,bytes_per_agent,peak_heap_mib,initialisation_s,machine}
 * (plain comma-separated fields, no quotes), keeps the rows whose model is {@code bureaucracy}, and
 * writes {@code <prefix>.svg} and {@code <prefix>.png} (800 × 500). The distinct non-empty
 * {@code machine} values, if any, are printed in one line at the plot's lower right. XChart
 * draws text as outlines, so the SVG also gets a {@code <title>} and a {@code <desc>} naming the
 * series.
 *
 * <pre>
 * mvn -B -ntp -q -DskipTests package -pl bench -am
 * java -cp bench/target/benchmarks.jar org.officialdom.bench.ScalingChart docs/performance-runs.csv docs/figures/performance-scaling
 * </pre>
 *
 * A missing or malformed file is reported in one line naming the file and the line, with exit
 * status 2.
 */
public final class ScalingChart {

    static final String TITLE = "Bureaucracy model: agent-steps per second by population and threads";
    static final String X_TITLE = "officials (log scale)";
    static final String Y_TITLE = "million agent-steps per second";
    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    private static final String MODEL = "bureaucracy";
    private static final String[] REQUIRED = {"model", "officials", "threads", "agent_steps_per_second"};

    /** A runs file that cannot be drawn; the message names the file and, where there is one, the line. */
    static final class BadRunsFile extends IOException {
        private static final long serialVersionUID = 1L;

        BadRunsFile(String message) {
            super(message);
        }
    }

    /** One measured run: population and throughput (agent-steps per second). */
    record Point(long officials, double perSecond) {
    }

    /** The bureaucracy rows of a runs file: points by thread count, and the machines named. */
    record Runs(SortedMap<Integer, List<Point>> byThreads, SortedSet<String> machines) {
    }

    private ScalingChart() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ScalingChart <runs.csv> <output-prefix>");
            System.exit(2);
        }
        try {
            for (Path p : write(Path.of(args[0]), Path.of(args[1]))) {
                System.out.println(p);
            }
        } catch (BadRunsFile e) {
            System.err.println("ScalingChart: " + e.getMessage());
            System.exit(2);
        } catch (InvalidPathException e) {
            System.err.println("ScalingChart: not a path: " + e.getInput());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("ScalingChart: cannot write " + args[1] + ".svg/.png: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Reads {@code csv}, draws the chart and writes {@code <prefix>.svg} and {@code <prefix>.png}
     * (creating the prefix's folder if need be); returns the two paths, SVG first.
     *
     * @throws BadRunsFile if the file is missing, unreadable or malformed, or has no bureaucracy rows
     */
    static List<Path> write(Path csv, Path prefix) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Runs runs = read(csv);
        XYChart chart = chart(runs);
        Path svg = Path.of(prefix + ".svg");
        Path png = Path.of(prefix + ".png");
        Path parent = svg.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // write beside and rename, as the report's figures do, so that a figure on disk is whole
        Path tmpSvg = Path.of(prefix + ".tmp.svg");
        Path tmpPng = Path.of(prefix + ".tmp.png");
        try {
            String vector = new String(ChartEncoder.getBytes(chart, "svg"), StandardCharsets.UTF_8);
            Files.writeString(tmpSvg, described(vector, runs), StandardCharsets.UTF_8);
            Files.move(tmpSvg, svg, StandardCopyOption.REPLACE_EXISTING);
            Files.write(tmpPng, ChartEncoder.getBytes(chart, "png"));
            Files.move(tmpPng, png, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmpSvg);
            Files.deleteIfExists(tmpPng);
        }
        return List.of(svg, png);
    }

    /**
     * The SVG with a {@code <title>} and a {@code <desc>} naming the series and machines: XChart draws
     * its text as glyph outlines, so without them the file holds no words for screen readers,
     * search or tests.
     */
    static String described(String svg, Runs runs) {
        int open = svg.indexOf("<svg");
        int end = open < 0 ? -1 : svg.indexOf('>', open);
        if (end < 0) {
            return svg;
        }
        List<String> series = new ArrayList<>();
        for (int t : runs.byThreads().keySet()) {
            series.add(seriesName(t));
        }
        String desc = X_TITLE + " against " + Y_TITLE + "; series: " + String.join(", ", series)
                + (runs.machines().isEmpty() ? "" : "; machine: " + String.join(", ", runs.machines()));
        return svg.substring(0, end + 1)
                + "\n  <title>" + xml(TITLE) + "</title>\n  <desc>" + xml(desc) + "</desc>"
                + svg.substring(end + 1);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String seriesName(int threads) {
        return threads + (threads == 1 ? " thread" : " threads");
    }

    /** The bureaucracy rows of a runs file; other models' rows are skipped unparsed. */
    static Runs read(Path csv) throws BadRunsFile {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadRunsFile(csv + ": no such file");
        } catch (CharacterCodingException e) {
            throw new BadRunsFile(csv + ": not UTF-8 text");
        } catch (IOException e) {
            throw new BadRunsFile(csv + ": cannot read: " + e.getMessage());
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new BadRunsFile(csv + " line 1: expected the header line, found nothing");
        }
        List<String> header = new ArrayList<>();
        for (String name : lines.get(0).replace("\uFEFF", "").split(",", -1)) {
            header.add(name.trim());
        }
        for (String name : REQUIRED) {
            if (!header.contains(name)) {
                throw new BadRunsFile(csv + " line 1: the header has no column '" + name + "'");
            }
        }
        int model = header.indexOf("model");
        int officials = header.indexOf("officials");
        int threads = header.indexOf("threads");
        int perSecond = header.indexOf("agent_steps_per_second");
        int machine = header.indexOf("machine");

        SortedMap<Integer, List<Point>> byThreads = new TreeMap<>();
        SortedSet<String> machines = new TreeSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = csv + " line " + (i + 1) + ": ";
            String[] f = line.split(",", -1);
            if (f.length != header.size()) {
                throw new BadRunsFile(where + f.length + " fields, the header has " + header.size());
            }
            if (!MODEL.equals(f[model].trim())) {
                continue;
            }
            long n = parseLong(f[officials], "officials", where);
            int t = (int) Math.min(Integer.MAX_VALUE, parseLong(f[threads], "threads", where));
            double rate;
            try {
                rate = Double.parseDouble(f[perSecond].trim());
            } catch (NumberFormatException e) {
                throw new BadRunsFile(where + "agent_steps_per_second is not a number: '" + f[perSecond].trim() + "'");
            }
            if (!Double.isFinite(rate) || rate < 0) {
                throw new BadRunsFile(where + "agent_steps_per_second must be a finite number ≥ 0, not '" + f[perSecond].trim() + "'");
            }
            byThreads.computeIfAbsent(t, k -> new ArrayList<>()).add(new Point(n, rate));
            if (machine >= 0 && !f[machine].isBlank()) {
                machines.add(f[machine].trim());
            }
        }
        if (byThreads.isEmpty()) {
            throw new BadRunsFile(csv + ": no rows with model '" + MODEL + "'");
        }
        for (List<Point> points : byThreads.values()) {
            points.sort(Comparator.comparingLong(Point::officials));
        }
        return new Runs(byThreads, machines);
    }

    private static long parseLong(String field, String column, String where) throws BadRunsFile {
        String s = field.trim();
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new BadRunsFile(where + column + " is not a whole number: '" + s + "'");
        }
        if (v <= 0) {
            throw new BadRunsFile(where + column + " must be positive, not " + v);
        }
        return v;
    }

    static XYChart chart(Runs runs) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(TITLE).xAxisTitle(X_TITLE).yAxisTitle(Y_TITLE).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setXAxisTickLabelsFormattingFunction(ScalingChart::officialsLabel);
        c.getStyler().setYAxisMin(0.0);

        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        double top = 0;
        for (var e : runs.byThreads().entrySet()) {
            List<Point> points = e.getValue();
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = points.get(i).officials();
                y[i] = points.get(i).perSecond() / 1e6;
                lo = Math.min(lo, points.get(i).officials());
                hi = Math.max(hi, points.get(i).officials());
                top = Math.max(top, y[i]);
            }
            int t = e.getKey();
            XYSeries s = c.addSeries(seriesName(t), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        // a margin either side; out past the decades either side if it holds no decade to label
        double xMin = lo / 1.3;
        double xMax = hi * 1.3;
        if (Math.floor(Math.log10(xMax)) == Math.floor(Math.log10(xMin))) {
            double below = Math.pow(10, Math.floor(Math.log10(lo)));
            xMin = below / 1.3;
            xMax = Math.max(Math.pow(10, Math.ceil(Math.log10(hi))), below * 10) * 1.3;
        }
        c.getStyler().setXAxisMin(xMin);
        c.getStyler().setXAxisMax(xMax);
        if (top == 0) {
            c.getStyler().setYAxisMax(1.0);
        }

        if (!runs.machines().isEmpty()) {
            String text = (runs.machines().size() == 1 ? "machine: " : "machines: ")
                    + String.join("; ", runs.machines());
            c.getStyler().setAnnotationTextPanelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            c.getStyler().setAnnotationTextPanelBorderColor(Color.WHITE);
            c.getStyler().setAnnotationTextPanelBackgroundColor(Color.WHITE);
            c.addAnnotation(new AnnotationTextPanel(text, 360, 80, true)); // lower right, inside the plot
        }
        return c;
    }

    /** Tick labels of the officials axis: 100 · 1k · 10k · 100k · 1M · 10M · 100M. */
    static String officialsLabel(double v) {
        DecimalFormat f = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        if (v >= 999_999.5) {
            return f.format(v / 1e6) + "M";
        }
        return v >= 999.5 ? f.format(v / 1e3) + "k" : f.format(v);
    }
}
