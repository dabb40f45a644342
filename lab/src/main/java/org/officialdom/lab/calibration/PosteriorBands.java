package org.officialdom.lab.calibration;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.officialdom.engine.MetricTable;
import org.officialdom.lab.AtomicFile;
import org.officialdom.lab.Backend;
import org.officialdom.lab.Progress;
import org.officialdom.lab.RunOutcome;
import org.officialdom.lab.RunSpec;
import org.officialdom.lab.store.ResultStore;
import org.officialdom.model.scenario.Scenario;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A run over posterior draws: the scenario of a finished run, run again with {@code n} parameter
 * sets drawn from a posterior sample (draw k with seed s + k, s the run's seed; a parameter the user
 * holds with {@code --set} keeps its value in every draw), and every metric
 * summarised step by step by the quantiles of the draws. Written next to the run's own results:
 * <ul>
 *   <li>{@code bands.csv}: {@code step,metric,draws,q05,q25,q50,q75,q95} — the 5, 25, 50, 75 and 95 %
 *       quantiles (linear between order statistics) over the draws;</li>
 *   <li>{@code observed.csv}: {@code step,metric,value,source} — the published values the calibration
 *       fitted or held out, each yearly value at its year's middle step in the run;</li>
 *   <li>{@code posterior.json}: where the draws came from, how many, and their seeds.</li>
 * </ul>
 */
public final class PosteriorBands {

    /** The quantiles of a band, in the order of bands.csv's columns. */
    public static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};

    /** A published value on a metric's scale: the model's calendar year it belongs to. */
    public record Observed(String metric, int year, double value, boolean fitted, String source) {
    }

    /** What the draws gave: each metric's median and 90 % band at the last step. */
    public record Result(int draws, int ran, double seconds, Map<String, double[]> last, List<String> lines) {
    }

    private PosteriorBands() {
    }

    /**
     * Runs the draws and writes the files into {@code folder}, which holds a finished run (its
     * {@code scenario.yaml} is the scenario the draws run).
     *
     * @param held  parameters the user holds at a value ({@code --set}): the draws leave them as they are
     * @param store records every draw's run when not null
     */
    public static Result run(Path folder, PosteriorSample sample, List<Observed> observed, int n, java.util.Set<String> held,
                             Backend backend, ResultStore store, Progress progress) throws IOException {
        String text = Files.readString(folder.resolve("scenario.yaml"), StandardCharsets.UTF_8);
        String source = folder.resolve("scenario.yaml").toString();
        Scenario sc = org.officialdom.model.scenario.ScenarioLoader.parse(text, source);
        List<Map<String, JsonNode>> draws = sample.overrides(sc, n, sc.seed());
        draws.forEach(d -> d.keySet().removeAll(held));
        List<RunSpec> specs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            specs.add(RunSpec.of(sc, draws.get(k), sc.seed() + k, sc.steps()));
        }
        long t0 = System.nanoTime();
        RunOutcome[] outcomes = new RunOutcome[n];
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            index.put(specs.get(k).runId(), k);
        }
        List<String> errors = new ArrayList<>();
        int[] done = {0};
        progress.start(sc.name() + " posterior draws", n, 0);
        try {
            backend.run(specs, o -> {
                outcomes[index.get(o.runId())] = o;
                if (!o.ok()) {
                    errors.add(o.error());
                } else if (store != null) {
                    store.record(o);
                }
                progress.advance(++done[0]);
            });
        } finally {
            progress.finish();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(errors.size() + " of " + n + " posterior draws failed; the first: " + errors.get(0));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        MetricTable first = outcomes[0].metrics();
        List<String> names = first.names();
        int rows = first.rowCount();
        StringBuilder bands = new StringBuilder("step,metric,draws,q05,q25,q50,q75,q95\n");
        Map<String, double[]> last = new LinkedHashMap<>();
        double[] xs = new double[n];
        for (String m : names) {
            double[][] cols = new double[n][];
            for (int k = 0; k < n; k++) {
                cols[k] = outcomes[k].metrics().column(m);
            }
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < n; k++) {
                    xs[k] = cols[k][r];
                }
                double[] q = quantiles(xs);
                bands.append(first.step(r)).append(',').append(m).append(',').append(n);
                for (double v : q) {
                    bands.append(',').append(MetricTable.format(v));
                }
                bands.append('\n');
                if (r == rows - 1) {
                    last.put(m, q);
                }
            }
        }
        AtomicFile.writeString(folder.resolve("bands.csv"), bands.toString());
        StringBuilder obs = new StringBuilder("step,metric,value,source\n");
        int points = 0;
        for (Observed o : observed) {
            Long step = middleStep(sc, o.year());
            if (step == null || !names.contains(o.metric())) {
                continue;
            }
            obs.append(step).append(',').append(o.metric()).append(',').append(MetricTable.format(o.value())).append(',')
                    .append(csv(o.source() + (o.fitted() ? "" : " (held out of the fit)"))).append('\n');
            points++;
        }
        if (points > 0) {
            AtomicFile.writeString(folder.resolve("observed.csv"), obs.toString());
        } else {
            Files.deleteIfExists(folder.resolve("observed.csv"));
        }
        StringBuilder info = new StringBuilder("{\n");
        info.append("  \"posterior\": ").append(json(sample.source())).append(",\n");
        info.append("  \"particles\": ").append(sample.size()).append(",\n");
        info.append("  \"parameters\": [").append(String.join(", ", sample.parameters().stream().map(PosteriorBands::json).toList())).append("],\n");
        info.append("  \"draws\": ").append(n).append(",\n");
        info.append("  \"seeds\": [").append(sc.seed()).append(", ").append(sc.seed() + n - 1).append("],\n");
        info.append("  \"run_ids\": [").append(String.join(", ", specs.stream().map(s -> json(s.runId())).toList())).append("]\n}\n");
        AtomicFile.writeString(folder.resolve("posterior.json"), info.toString());
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Posterior draws: %d runs with parameters drawn from %s (seeds %d to %d), %.0f s; "
                + "bands.csv holds every metric's 5-95 %% quantiles by step%s", n, sample.source(), sc.seed(), sc.seed() + n - 1, seconds,
                points > 0 ? ", observed.csv the published values (" + points + ")" : ""));
        return new Result(n, n, seconds, last, lines);
    }

    /** The quantiles {@link #QUANTILES} of {@code xs} (linear between order statistics); NaN values left out. */
    static double[] quantiles(double[] xs) {
        double[] s = Arrays.stream(xs).filter(x -> !Double.isNaN(x)).sorted().toArray();
        double[] q = new double[QUANTILES.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = s.length == 0 ? Double.NaN : AbcCalibrator.q(s, QUANTILES[i]);
        }
        return q;
    }

    /** The step of July of {@code year} in the run, or the middle of the year's steps in it, or null when the run has none. */
    static Long middleStep(Scenario sc, int year) {
        if (sc.start() == null) {
            return null;
        }
        YearMonth start = YearMonth.parse(sc.start());
        List<Long> inYear = new ArrayList<>();
        for (long s = 0; s <= sc.steps(); s++) {
            if (start.plusMonths(s).getYear() == year) {
                inYear.add(s);
            }
        }
        if (inYear.isEmpty()) {
            return null;
        }
        for (long s : inYear) {
            if (start.plusMonths(s).getMonthValue() == 7) {
                return s;
            }
        }
        return inYear.get(inYear.size() / 2);
    }

    /**
     * The published values a calibration's targets put on a metric's own scale: yearly means of one
     * metric with no denominator and no factor (a pooled share or a ratio of metrics has no line of
     * its own to be drawn on).
     */
    public static List<Observed> observedOf(Calibration c) {
        List<Observed> out = new ArrayList<>();
        for (Target t : c.targets()) {
            if (!"year_mean".equals(t.summary()) || t.pool() || t.metrics().size() != 1 || !t.per().isEmpty() || t.times() != 1) {
                continue;
            }
            for (int i = 0; i < t.values().length; i++) {
                String file = t.source().contains(" (") ? t.source().substring(0, t.source().indexOf(" (")) : t.source();
                out.add(new Observed(t.metrics().get(0), t.years()[i], t.values()[i], t.fitted()[i],
                        t.name() + " in " + file));
            }
        }
        return out;
    }

    /** The CSV form of observed values ({@code metric,year,value,fitted,source}). */
    public static String observedCsv(List<Observed> observed) {
        StringBuilder sb = new StringBuilder("metric,year,value,fitted,source\n");
        for (Observed o : observed) {
            sb.append(o.metric()).append(',').append(o.year()).append(',').append(MetricTable.format(o.value())).append(',')
                    .append(o.fitted()).append(',').append(csv(o.source())).append('\n');
        }
        return sb.toString();
    }

    /**
     * The observed values that go with a posterior sample: for a sample read from {@code X.csv} (a
     * file or a built-in one), {@code X.observed.csv} when it exists; none otherwise.
     */
    public static List<Observed> observedFor(String posteriorName) {
        String text = null;
        String file;
        try {
            if (posteriorName.endsWith(".csv")) {
                Path p = Path.of(posteriorName.substring(0, posteriorName.length() - 4) + ".observed.csv");
                file = p.toString();
                if (Files.isRegularFile(p)) {
                    text = Files.readString(p, StandardCharsets.UTF_8);
                }
            } else {
                file = "built-in " + posteriorName + ".observed.csv";
                try (InputStream in = PosteriorBands.class.getResourceAsStream(PosteriorSample.BUILT_IN + posteriorName + ".observed.csv")) {
                    if (in != null) {
                        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the observed values of " + posteriorName + ": " + e.getMessage());
        }
        return text == null ? List.of() : readObserved(text, file);
    }

    static List<Observed> readObserved(String text, String file) {
        List<Observed> out = new ArrayList<>();
        try (Reader r = new StringReader(text);
             MappingIterator<Map<String, String>> it = CsvMapper.builder().build().readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader().withComments()).readValues(r)) {
            int row = 0;
            while (it.hasNext()) {
                Map<String, String> m = it.next();
                row++;
                try {
                    out.add(new Observed(m.get("metric"), Integer.parseInt(m.get("year").strip()), Double.parseDouble(m.get("value").strip()),
                            Boolean.parseBoolean(m.get("fitted")), m.getOrDefault("source", "")));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + ", row " + row + ": expected metric, year, value, fitted and source");
                }
            }
        } catch (IOException | tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + ": expected a CSV file with a header metric,year,value,fitted,source");
        }
        return out;
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
