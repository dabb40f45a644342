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
        return data;
    }

    private static List<String> keys(CalendarEntry e) {
        List<String> out = new ArrayList<>();
        e.set().propertyNames().forEach(out::add);
        return out;
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
