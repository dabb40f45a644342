package org.officialdom.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.officialdom.model.scenario.CalendarEntry;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioException;
import org.officialdom.model.scenario.ScenarioLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything a report shows of one run, read from its folder: the declared metrics and their
 * values per step, the scenario (title, calendar, parameters), the run's facts and the events of
 * tracked agents.
 */
public final class RunData {

    /** One declared metric with its values, step by step. */
    public record Series(String name, String unit, String description, String chart, String style, double[] values) {
    }

    /** A policy change drawn on every time axis. */
    public record Mark(long step, String label, String note) {
    }

    /** An end-of-run view: rows by columns of values (null cells are NaN). */
    public record Grid(String name, String unit, String description, List<String> rows, List<String> columns, double[][] values) {
    }

    /** One event of a tracked agent. */
    public record Event(long step, int agent, String kind, String detail) {
    }

    /** A chart the model puts first: its title, style and metrics (from {@code headline.json}). */
    public record Headline(String title, String style, List<String> metrics) {
    }

    /**
     * Quantiles of one metric over posterior draws or replicates, aligned with the run's steps
     * (NaN where {@code bands.csv} has no row for a step): 5, 25, 50, 75 and 95 %.
     */
    public record Band(String metric, int draws, double[] q05, double[] q25, double[] q50, double[] q75, double[] q95) {
    }

    /** A published value of a metric at a step of the run, with its source (from {@code observed.csv}). */
    public record Observation(long step, String metric, double value, String source) {
    }

    private final Path folder;
    private final long[] steps;
    private final String[] labels;
    private final List<Series> series;
    private final List<Mark> marks;
    private final List<Event> events;
    private final JsonNode runInfo;
    private final Scenario scenario;
    private final String scenarioText;
    private List<Grid> grids = List.of();
    private List<String> summary = List.of();
    private List<Headline> headlines = List.of();
    private Map<String, Band> bands = Map.of();
    private List<Observation> observed = List.of();

    private RunData(Path folder, long[] steps, String[] labels, List<Series> series, List<Mark> marks,
                    List<Event> events, JsonNode runInfo, Scenario scenario, String scenarioText) {
        this.folder = folder;
        this.steps = steps;
        this.labels = labels;
        this.series = series;
        this.marks = marks;
        this.events = events;
        this.runInfo = runInfo;
        this.scenario = scenario;
        this.scenarioText = scenarioText;
    }

    /** Reads a run folder written by {@code officialdom run}. */
    public static RunData read(Path folder) throws IOException {
        Path csv = folder.resolve("metrics.csv");
        if (!Files.exists(csv)) {
            throw new IOException(folder + " holds no finished run (no metrics.csv)");
        }
        JsonMapper json = JsonMapper.builder().build();
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        Path decl = folder.resolve("metrics.json");
        if (Files.exists(decl)) {
            for (JsonNode m : json.readTree(decl.toFile())) {
                declared.put(m.get("name").asString(), m);
            }
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",");
        int rows = lines.size() - 1;
        long[] steps = new long[rows];
        double[][] values = new double[header.length - 1][rows];
        for (int r = 0; r < rows; r++) {
            String[] cells = lines.get(r + 1).split(",");
            steps[r] = Long.parseLong(cells[0]);
            for (int c = 1; c < header.length; c++) {
                values[c - 1][r] = Double.parseDouble(cells[c]);
            }
        }
        List<Series> series = new ArrayList<>();
        for (int c = 1; c < header.length; c++) {
            JsonNode d = declared.get(header[c]);
            series.add(new Series(header[c],
                    d == null ? "" : d.path("unit").asString(""),
                    d == null ? "" : d.path("description").asString(""),
                    d == null ? header[c] : d.path("chart").asString(header[c]),
                    d == null ? "lines" : d.path("style").asString("lines"),
                    values[c - 1]));
        }
        Scenario scenario = null;
        String scenarioText = "";
        Path sc = folder.resolve("scenario.yaml");
        if (Files.exists(sc)) {
            scenarioText = Files.readString(sc, StandardCharsets.UTF_8);
            try {
                scenario = ScenarioLoader.load(sc);
            } catch (ScenarioException e) {
                scenario = null; // a report still shows the metrics of a run whose model has since changed
            }
        }
        String[] labels = new String[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = scenario != null && scenario.start() != null ? scenario.labelOf(steps[r]) : Long.toString(steps[r]);
        }
        List<Mark> marks = new ArrayList<>();
        if (scenario != null) {
            for (CalendarEntry e : scenario.calendar()) {
                if (e.step() <= (rows == 0 ? 0 : steps[rows - 1])) {
                    String label = scenario.start() != null ? scenario.labelOf(e.step()) : Long.toString(e.step());
                    marks.add(new Mark(e.step(), label, e.note().isEmpty() ? String.join(", ", keys(e)) : e.note()));
                }
            }
        }
        JsonNode info = Files.exists(folder.resolve("run.json")) ? json.readTree(folder.resolve("run.json").toFile()) : json.createObjectNode();
        RunData data = new RunData(folder, steps, labels, series, marks, readEvents(folder.resolve("events.csv")), info, scenario, scenarioText);
        Path grids = folder.resolve("matrices.json");
        if (Files.exists(grids)) {
            List<Grid> out = new ArrayList<>();
            for (JsonNode g : json.readTree(grids.toFile())) {
                List<String> rowLabels = new ArrayList<>();
                g.get("rows").forEach(r -> rowLabels.add(r.asString()));
                List<String> columnLabels = new ArrayList<>();
                g.get("columns").forEach(c -> columnLabels.add(c.asString()));
                double[][] cells = new double[rowLabels.size()][columnLabels.size()];
                for (int r = 0; r < cells.length; r++) {
                    for (int c = 0; c < cells[r].length; c++) {
                        JsonNode v = g.get("values").get(r).get(c);
                        cells[r][c] = v == null || v.isNull() ? Double.NaN : v.asDouble();
                    }
                }
                out.add(new Grid(g.get("name").asString(), g.path("unit").asString(""), g.path("description").asString(""),
                        rowLabels, columnLabels, cells));
            }
            data.grids = List.copyOf(out);
        }
        Path summary = folder.resolve("summary.txt");
        if (Files.exists(summary)) {
            data.summary = Files.readAllLines(summary, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        }
        Path headline = folder.resolve("headline.json");
        if (Files.exists(headline)) {
            List<Headline> out = new ArrayList<>();
            for (JsonNode h : json.readTree(headline.toFile())) {
                List<String> names = new ArrayList<>();
                h.path("metrics").forEach(m -> names.add(m.asString()));
                if (names.stream().allMatch(declared::containsKey) || declared.isEmpty()) {
                    out.add(new Headline(h.path("title").asString(""), h.path("style").asString("lines"), List.copyOf(names)));
                }
            }
            data.headlines = List.copyOf(out);
        }
        data.bands = readBands(folder.resolve("bands.csv"), steps);
        data.observed = readObserved(folder.resolve("observed.csv"));
        return data;
    }

    private static List<String> keys(CalendarEntry e) {
        List<String> out = new ArrayList<>();
        e.set().propertyNames().forEach(out::add);
        return out;
    }

    /** {@code step,metric,draws,q05,q25,q50,q75,q95}, long format; steps outside the run are left out. */
    static Map<String, Band> readBands(Path file, long[] steps) throws IOException {
        Map<String, Band> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        Map<Long, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < steps.length; i++) {
            index.put(steps[i], i);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, Integer> col = columns(lines.isEmpty() ? "" : lines.get(0), file, "step", "metric", "draws", "q05", "q25", "q50", "q75", "q95");
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split(",", -1);
            Integer at = index.get(Long.parseLong(c[col.get("step")].trim()));
            if (at == null) {
                continue;
            }
            String metric = c[col.get("metric")].trim();
            Band b = out.computeIfAbsent(metric, m -> new Band(m, 0, nans(steps.length), nans(steps.length), nans(steps.length),
                    nans(steps.length), nans(steps.length)));
            int draws = Integer.parseInt(c[col.get("draws")].trim());
            if (draws > b.draws()) {
                b = new Band(metric, draws, b.q05(), b.q25(), b.q50(), b.q75(), b.q95());
                out.put(metric, b);
            }
            b.q05()[at] = number(c[col.get("q05")]);
            b.q25()[at] = number(c[col.get("q25")]);
            b.q50()[at] = number(c[col.get("q50")]);
            b.q75()[at] = number(c[col.get("q75")]);
            b.q95()[at] = number(c[col.get("q95")]);
        }
        return out;
    }

    /** {@code step,metric,value,source}; a source holding commas is quoted. */
    static List<Observation> readObserved(Path file) throws IOException {
        List<Observation> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, Integer> col = columns(lines.isEmpty() ? "" : lines.get(0), file, "step", "metric", "value", "source");
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> c = csvCells(line);
            double v = number(c.get(col.get("value")));
            if (Double.isFinite(v)) {
                out.add(new Observation(Long.parseLong(c.get(col.get("step")).trim()), c.get(col.get("metric")).trim(), v,
                        col.get("source") < c.size() ? c.get(col.get("source")).trim() : ""));
            }
        }
        return out;
    }

    private static Map<String, Integer> columns(String header, Path file, String... expected) throws IOException {
        List<String> names = csvCells(header).stream().map(String::trim).toList();
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String e : expected) {
            int i = names.indexOf(e);
            if (i < 0) {
                throw new IOException(file + ": expected a header with the columns " + String.join(",", expected) + ", found '" + header + "'");
            }
            out.put(e, i);
        }
        return out;
    }

    private static List<String> csvCells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }

    private static double number(String s) {
        String t = s.trim();
        return t.isEmpty() || t.equalsIgnoreCase("nan") || t.equalsIgnoreCase("na") ? Double.NaN : Double.parseDouble(t);
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    static List<Event> readEvents(Path file) throws IOException {
        List<Event> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int a = line.indexOf(',');
            int b = line.indexOf(',', a + 1);
            int c = line.indexOf(',', b + 1);
            if (a < 0 || b < 0 || c < 0) {
                continue;
            }
            String detail = line.substring(c + 1);
            if (detail.startsWith("\"") && detail.endsWith("\"") && detail.length() >= 2) {
                detail = detail.substring(1, detail.length() - 1).replace("\"\"", "\"");
            }
            out.add(new Event(Long.parseLong(line.substring(0, a)), Integer.parseInt(line.substring(a + 1, b)),
                    line.substring(b + 1, c), detail));
        }
        return out;
    }

    public Path folder() {
        return folder;
    }

    public long[] steps() {
        return steps.clone();
    }

    /** Axis labels: months (YYYY-MM) when the scenario has a start date, else step numbers. */
    public String[] labels() {
        return labels.clone();
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    /** Series grouped by chart title, in declaration order. */
    public Map<String, List<Series>> charts() {
        Map<String, List<Series>> out = new LinkedHashMap<>();
        for (Series s : series) {
            out.computeIfAbsent(s.chart(), k -> new ArrayList<>()).add(s);
        }
        return out;
    }

    /** End-of-run views (levels by sectors...), empty for models that declare none. */
    public List<Grid> grids() {
        return grids;
    }

    public List<Mark> marks() {
        return List.copyOf(marks);
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The plain-language summary the command line printed ({@code summary.txt}); empty if the folder has none. */
    public List<String> summary() {
        return summary;
    }

    /** The charts the model puts first, in its order; empty for a folder written before they were kept. */
    public List<Headline> headlines() {
        return headlines;
    }

    /** Median and bands over draws or replicates, by metric ({@code bands.csv}); empty if the folder has none. */
    public Map<String, Band> bands() {
        return bands;
    }

    /** Published values on the run's step axis ({@code observed.csv}); empty if the folder has none. */
    public List<Observation> observed() {
        return observed;
    }

    /** True when steps are months with dates (the scenario has a start). */
    public boolean monthly() {
        return scenario != null && scenario.start() != null;
    }

    public JsonNode runInfo() {
        return runInfo;
    }

    /** The scenario as run, or null if it no longer loads. */
    public Scenario scenario() {
        return scenario;
    }

    public String scenarioText() {
        return scenarioText;
    }
}
