package org.officialdom.lab;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.officialdom.engine.Checkpoint;
import org.officialdom.engine.MetricTable;
import org.officialdom.engine.Model;
import org.officialdom.engine.Simulation;
import org.officialdom.model.scenario.CalendarEntry;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;

/**
 * Runs one scenario into an output folder:
 * <ul>
 *   <li>{@code metrics.csv}: one row per step, one column per declared metric;</li>
 *   <li>{@code metrics.json}: name, unit and description of each metric;</li>
 *   <li>{@code scenario.yaml}: the scenario as run, with the seed and steps used;</li>
 *   <li>{@code run.json}: seed, steps, threads, population, speed;</li>
 *   <li>{@code summary.txt}: the three-line summary;</li>
 *   <li>{@code events.csv}: events of tracked agents, for models that log them;</li>
 *   <li>{@code matrices.json}: end-of-run views (levels by sectors, say), for models that declare them;</li>
 *   <li>{@code headline.json}: the charts the model puts first (its live page's charts over time), which the report draws first;</li>
 *   <li>{@code checkpoint.bin}: the latest checkpoint, with {@code --checkpoint-every}.</li>
 * </ul>
 * Every file is written atomically; the calendar's policy changes are applied at the start of the
 * step they name.
 */
public final class Runner {

    public static final String CHECKPOINT = "checkpoint.bin";

    private Runner() {
    }

    /** Runs a scenario from step 0. */
    public static RunResult run(Scenario scenario, RunOptions options, Progress progress) throws IOException {
        Scenario sc = scenario.with(options.seed(), options.steps());
        // Nothing is written before there is something to keep: a run that fails before its first
        // checkpoint leaves no folder that looks like a result, and no earlier result in that
        // folder loses its scenario.yaml to one that was never run to the end.
        sc.footprintWithin(heapForOneRun(), "this Java heap");
        Model model = sc.kind().create(sc.parametersAt(0));
        try (Simulation sim = new Simulation(model, sc.seed(), options.threads())) {
            return continueRun(sc, sim, options, progress, true);
        }
    }

    /**
     * The bytes one run may take: four fifths of the heap Java may grow to ({@code -Xmx}), the rest
     * left to metrics, events and the collector's room to work.
     */
    public static long heapForOneRun() {
        return Runtime.getRuntime().maxMemory() / 5 * 4;
    }

    /** Resumes the run whose folder holds a checkpoint; ends identical to an uninterrupted run. */
    public static RunResult resume(Path folder, int threads, Progress progress) throws IOException {
        return resume(folder, threads, false, progress);
    }

    /**
     * Resumes the run whose folder holds a checkpoint, checking invariants every step with
     * {@code check}; a checkpoint that is damaged or belongs to another run is refused
     * ({@link Checkpoint.Refused}) before any of its state is read.
     */
    public static RunResult resume(Path folder, int threads, boolean check, Progress progress) throws IOException {
        Path ckpt = folder.resolve(CHECKPOINT);
        if (!Files.exists(ckpt)) {
            throw new IOException("no checkpoint in " + folder + " (run with --checkpoint-every to write one)");
        }
        Path scenarioFile = folder.resolve("scenario.yaml");
        Scenario sc = ScenarioLoader.load(scenarioFile);
        int every = readCheckpointEvery(folder);
        // the run goes on with the options it was started with (the thread count aside)
        boolean checked = check || "true".equals(readRunInfo(folder, "checked"));
        String store = keptStore(folder);
        // a checkpoint written under a larger heap is refused here, not half-read into this one
        sc.footprintWithin(heapForOneRun(), "this Java heap");
        Checkpoint.Identity run = new Checkpoint.Identity(sc.kind().name(), Checkpoint.Identity.hash(Files.readAllBytes(scenarioFile)),
                sc.seed());
        // the state is read into the model as the scenario's calendar has it at the checkpoint's step
        try (Simulation sim = Checkpoint.read(ckpt, threads, run, step -> sc.kind().create(sc.parametersAt(step)))) {
            return continueRun(sc, sim, new RunOptions(sc.seed(), sc.steps(), threads, folder, every, checked, store), progress, false);
        }
    }

    /**
     * Removes a finished run's checkpoint: the caller does so once the run is recorded, so that a
     * crash between the two leaves a run that can be resumed (and recorded) rather than lost.
     */
    public static void finish(Path folder) throws IOException {
        Files.deleteIfExists(folder.resolve(CHECKPOINT));
    }

    /** Temporary files a crash left behind (a checkpoint or result half-written, never renamed). */
    static void removeOrphans(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "{" + CHECKPOINT + "*.tmp,.*.tmp}")) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Steps to the end and writes the results; {@code fresh}: the folder does not hold this run's scenario yet. */
    private static RunResult continueRun(Scenario sc, Simulation sim, RunOptions options, Progress progress, boolean fresh)
            throws IOException {
        Path out = options.out();
        boolean scenarioWritten = !fresh;
        removeOrphans(out);
        String scenarioText = scenarioText(sc);
        // a resumed run keeps the id its first part was given (its scenario.yaml already holds any --set)
        String runId = fresh ? RunResult.idOf(sc) : readRunId(out, sc);
        Checkpoint.Identity identity = new Checkpoint.Identity(sc.kind().name(),
                Checkpoint.Identity.hash((fresh ? scenarioText : Files.readString(out.resolve("scenario.yaml")))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)), sc.seed());
        sim.setChecking(options.check());
        long first = sim.stepNumber();
        progress.start(sc.name(), sc.steps(), first);
        long agentSteps = 0;
        long t0 = System.nanoTime();
        while (sim.stepNumber() < sc.steps()) {
            agentSteps += sim.model().agents();
            stepOnce(sc, sim);
            progress.advance(sim.stepNumber());
            if (options.checkpointEvery() > 0 && sim.stepNumber() % options.checkpointEvery() == 0
                    && sim.stepNumber() < sc.steps()) {
                if (!scenarioWritten) {
                    AtomicFile.writeString(out.resolve("scenario.yaml"), scenarioText);
                    scenarioWritten = true;
                }
                Checkpoint.write(sim, out.resolve(CHECKPOINT), identity);
                writeRunInfo(out, sc, options, sim, agentSteps, 0, runId);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        progress.finish();
        MetricTable table = sim.metrics();
        if (!scenarioWritten) {
            AtomicFile.writeString(out.resolve("scenario.yaml"), scenarioText);
        }
        AtomicFile.write(out.resolve("metrics.csv"), table::writeCsv);
        AtomicFile.writeString(out.resolve("metrics.json"), metricsJson(table));
        AtomicFile.writeString(out.resolve("headline.json"), headlineJson(sim.declaredMetrics().pages()));
        List<org.officialdom.engine.Matrix> matrices = sim.model().matrices();
        if (!matrices.isEmpty()) {
            AtomicFile.writeString(out.resolve("matrices.json"), matricesJson(matrices));
        }
        if (sim.model().events() != null) {
            AtomicFile.write(out.resolve("events.csv"), sim.model().events()::writeCsv);
        }
        List<String> summary = sim.model().summary(table);
        AtomicFile.writeString(out.resolve("summary.txt"), String.join("\n", summary) + "\n");
        writeRunInfo(out, sc, options, sim, agentSteps, seconds, runId);
        double rate = seconds > 0 ? agentSteps / seconds : 0;
        List<org.officialdom.engine.EventLog.Event> events = sim.model().events() == null ? List.of()
                : sim.model().events().events();
        return new RunResult(out, table, summary, sim.model().agents(), sim.model().bytesPerAgent(),
                sim.stepNumber() - first, seconds, rate, sc, events, runId, options.check() ? sim.checks() : List.of());
    }

    /** One step of a scenario: the calendar's changes for the coming step, then the step. */
    public static void stepOnce(Scenario sc, Simulation sim) {
        long next = sim.stepNumber() + 1;
        List<CalendarEntry> changes = sc.changesAt(next);
        if (!changes.isEmpty()) {
            sc.kind().update(sim.model(), sc.parametersAt(next));
        }
        sim.step();
    }

    private static void writeRunInfo(Path out, Scenario sc, RunOptions o, Simulation sim, long agentSteps, double seconds,
                                     String runId) throws IOException {
        String json = String.format(Locale.ROOT, """
                {
                  "run_id": "%s",
                  "checked": %b,
                  "scenario": "%s",
                  "model": "%s",
                  "seed": %d,
                  "steps": %d,
                  "step_reached": %d,
                  "threads": %d,
                  "checkpoint_every": %d,
                  "store": %s,
                  "agents": %d,
                  "bytes_per_agent": %d,
                  "seconds": %.3f,
                  "agent_steps_per_second": %.0f,
                  "officialdom_version": "%s",
                  "java_version": "%s"
                }
                """, runId, o.check(), sc.name(), sc.kind().name(), sc.seed(), sc.steps(), sim.stepNumber(), o.threads(),
                o.checkpointEvery(), o.store() == null ? "null" : "\"" + esc(o.store()) + "\"", sim.model().agents(), sim.model().bytesPerAgent(), seconds,
                seconds > 0 ? agentSteps / seconds : 0.0, Version.get(), System.getProperty("java.version"));
        AtomicFile.writeString(out.resolve("run.json"), json);
    }

    /** The run id a run's first part wrote into run.json (the scenario's own, for a folder without one). */
    private static String readRunId(Path folder, Scenario sc) throws IOException {
        Path info = folder.resolve("run.json");
        if (Files.exists(info)) {
            for (String line : Files.readAllLines(info)) {
                String t = line.trim();
                if (t.startsWith("\"run_id\"")) {
                    return t.replaceAll("^\"run_id\":\\s*\"([^\"]*)\".*$", "$1");
                }
            }
        }
        return RunResult.idOf(sc);
    }

    /**
     * The result store the run in {@code folder} was started to be recorded in: its path, "" when it
     * was started not to be recorded, or null when its {@code run.json} does not say.
     */
    public static String keptStore(Path folder) throws IOException {
        return readRunInfo(folder, "store");
    }

    /** A field of run.json as text (a string's content, or a literal), or null when absent or null. */
    private static String readRunInfo(Path folder, String key) throws IOException {
        Path info = folder.resolve("run.json");
        if (!Files.exists(info)) {
            return null;
        }
        try {
            tools.jackson.databind.JsonNode node = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(Files.readString(info)).get(key);
            return node == null || node.isNull() ? null : node.asString();
        } catch (tools.jackson.core.JacksonException e) {
            return null;
        }
    }

    private static int readCheckpointEvery(Path folder) throws IOException {
        Path info = folder.resolve("run.json");
        if (!Files.exists(info)) {
            return 0;
        }
        for (String line : Files.readAllLines(info)) {
            String t = line.trim();
            if (t.startsWith("\"checkpoint_every\"")) {
                return Integer.parseInt(t.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** The scenario as run, with a first line saying so. */
    static String scenarioText(Scenario sc) {
        return "# Scenario as run by Officialdom " + Version.get() + " (seed, steps and parameters as used).\n"
                + sc.toYaml();
    }

    /** The end-of-run views as JSON (NaN, for an empty cell, as null). */
    static String matricesJson(List<org.officialdom.engine.Matrix> matrices) {
        tools.jackson.databind.node.ArrayNode all = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (var m : matrices) {
            var o = all.addObject();
            o.put("name", m.name()).put("unit", m.unit()).put("description", m.description());
            m.rows().forEach(o.putArray("rows")::add);
            m.columns().forEach(o.putArray("columns")::add);
            var values = o.putArray("values");
            for (double[] row : m.values()) {
                var r = values.addArray();
                for (double v : row) {
                    if (Double.isFinite(v)) {
                        r.add(v);
                    } else {
                        r.addNull();
                    }
                }
            }
        }
        return tools.jackson.databind.json.JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n";
    }

    /**
     * The model's headline charts: title, style and metrics of each chart of its live page, in
     * declaration order. Bar charts of the organisation now are left out: a report draws over time.
     */
    static String headlineJson(List<org.officialdom.engine.MetricSet.PageChart> pages) {
        tools.jackson.databind.node.ArrayNode all = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (var p : pages) {
            if (p.style() == org.officialdom.engine.Metric.ChartStyle.BARS) {
                continue;
            }
            var names = all.addObject().put("title", p.title()).put("style", p.style().name().toLowerCase(Locale.ROOT)).putArray("metrics");
            p.metrics().forEach(m -> names.add(m.name()));
        }
        return tools.jackson.databind.json.JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n";
    }

    static String metricsJson(MetricTable t) {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < t.names().size(); i++) {
            sb.append(String.format(Locale.ROOT, "  {\"name\": \"%s\", \"unit\": \"%s\", \"description\": \"%s\", \"chart\": \"%s\", \"style\": \"%s\"}%s%n",
                    esc(t.names().get(i)), esc(t.units().get(i)), esc(t.descriptions().get(i)),
                    esc(t.charts().get(i)), esc(t.styles().get(i)),
                    i + 1 < t.names().size() ? "," : ""));
        }
        return sb.append("]\n").toString();
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Folders under {@code root} that hold a finished run. */
    public static List<Path> runsUnder(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path p : ds) {
                if (Files.exists(p.resolve("metrics.csv"))) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
