package org.officialdom.lab.calibration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioException;
import org.officialdom.model.scenario.ScenarioLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads one target of a calibration file: values typed in the file, or a published series read from
 * a CSV (the model's own data files, {@code data/*.csv} in its resources, or a file next to the
 * calibration), with the years it covers and the model quantity it is compared with.
 */
final class TargetLoader {

    /** The data files shipped with the model (see model/src/main/resources/data/README.md). */
    static final List<String> SHIPPED = List.of("civil_servants.csv", "discipline.csv", "national_exam.csv",
            "party_membership.csv", "youth_unemployment.csv");

    private TargetLoader() {
    }

    static Target target(JsonNode t, String at, Scenario base, int steps, Integer holdoutFrom, String text, String file, Path dir) {
        List<String> metrics = strings(t.get("metric"));
        List<String> per = t.has("per") ? strings(t.get("per")) : List.of();
        String name = t.has("name") ? t.get("name").asString() : String.join("+", metrics) + (per.isEmpty() ? "" : " per " + String.join("+", per));
        double weight = t.has("weight") ? t.get("weight").asDouble() : 1;
        double times = t.has("times") ? t.get("times").asDouble() : 1;
        boolean pool = t.has("pool") && t.get("pool").asBoolean();
        boolean data = t.has("data");
        String summary = t.has("summary") ? t.get("summary").asString() : data || t.has("years") ? "year_mean" : "step";
        if (summary.equals("step")) {
            if (data || t.has("years") || pool || !per.isEmpty() || metrics.size() > 1) {
                throw error(text, file, at + ".summary", "year_mean, year_sum or year_end for a target with data, years, pool, per or several metrics",
                        "step");
            }
            if (!t.has("values")) {
                throw error(text, file, at, "values (the observed series, step by step) or data", "neither");
            }
            int from = t.has("from_step") ? t.get("from_step").asInt() : 1;
            double[] values = numbers(t.get("values"));
            if (from + values.length - 1 > steps) {
                throw error(text, file, at + ".values", "values for steps up to " + steps + " (the run's last step)",
                        values.length + " values from step " + from);
            }
            boolean[] fitted = new boolean[values.length];
            java.util.Arrays.fill(fitted, true);
            return new Target(name, metrics, per, summary, times, false, from, new int[0], 0, values, fitted, weight,
                    t.has("source") ? t.get("source").asString() : "given in the calibration file");
        }
        if (base.start() == null) {
            throw error(text, file, at + ".summary", "'step' (scenario " + base.name() + " has no start date, so no years)", summary);
        }
        // the observed values by data year
        TreeMap<Integer, Double> byYear = new TreeMap<>();
        TreeMap<Integer, double[]> parts = new TreeMap<>();
        Set<String> sources = new LinkedHashSet<>();
        int shift = 0;
        if (data) {
            JsonNode d = t.get("data");
            shift = d.has("year_shift") ? d.get("year_shift").asInt() : 0;
            readData(d, at + ".data", parts, sources, text, file, dir);
        } else {
            if (!t.has("years") || !t.has("values")) {
                throw error(text, file, at, "data, or years [first, last] with one value per year", "neither");
            }
            double[] values = numbers(t.get("values"));
            int first = t.get("years").get(0).asInt();
            for (int i = 0; i < values.length; i++) {
                parts.put(first + i, new double[] {values[i], 1});
            }
            sources.add(t.has("source") ? t.get("source").asString() : "given in the calibration file");
        }
        int lo = t.has("years") ? t.get("years").get(0).asInt() : Integer.MIN_VALUE;
        int hi = t.has("years") ? t.get("years").get(t.get("years").size() - 1).asInt() : Integer.MAX_VALUE;
        if (!data && t.has("years") && hi - lo + 1 != parts.size()) {
            throw error(text, file, at + ".values", "one value per year from " + lo + " to " + hi + " (" + (hi - lo + 1) + " values)",
                    parts.size() + " values");
        }
        int firstYear = Target.yearOf(base, 1);
        int lastYear = Target.yearOf(base, steps);
        boolean fullFirst = base.labelOf(1).endsWith("-01");
        boolean fullLast = base.labelOf(steps).endsWith("-12");
        int runFrom = fullFirst ? firstYear : firstYear + 1;
        int runTo = fullLast ? lastYear : lastYear - 1;
        for (Map.Entry<Integer, double[]> e : parts.entrySet()) {
            int y = e.getKey();
            if (y < lo || y > hi) {
                continue;
            }
            if (y + shift < runFrom || y + shift > runTo) {
                if (t.has("years")) {
                    throw error(text, file, at + ".years", "data years whose scenario year (data year + " + shift + ") the run covers in full: "
                            + (runFrom - shift) + " to " + (runTo - shift), "[" + lo + ", " + hi + "]");
                }
                continue;
            }
            byYear.put(y, e.getValue()[0] / e.getValue()[1]);
        }
        if (pool && holdoutFrom != null) {
            // a pooled target pools only the years before the hold-out, so the out-of-sample years stay unseen
            byYear.keySet().removeIf(y -> y >= holdoutFrom);
        }
        if (byYear.isEmpty()) {
            throw error(text, file, at + (t.has("years") ? ".years" : ".data"), "at least one year with data inside the run", "none");
        }
        int[] years = byYear.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] values;
        boolean[] fitted;
        if (pool) {
            double num = 0;
            double den = 0;
            for (int y : years) {
                num += parts.get(y)[0];
                den += parts.get(y)[1];
            }
            values = new double[] {times * num / den};
            fitted = new boolean[] {true};
        } else {
            values = byYear.values().stream().mapToDouble(v -> times * v).toArray();
            fitted = new boolean[years.length];
            for (int i = 0; i < years.length; i++) {
                fitted[i] = holdoutFrom == null || years[i] < holdoutFrom;
            }
        }
        for (int i = 0; i < years.length; i++) {
            years[i] += shift;
        }
        return new Target(name, metrics, per, summary, times, pool, 0, years, shift, values, fitted, weight, String.join("; ", sources));
    }

    /** Reads {@code value} (and the {@code per} columns summed) by {@code year} from the CSV; rows missing either are skipped. */
    private static void readData(JsonNode d, String at, Map<Integer, double[]> parts, Set<String> sources, String text, String file, Path dir) {
        String name = d.get("file").asString();
        String yearCol = d.has("year") ? d.get("year").asString() : "year";
        String valueCol = d.get("value").asString();
        List<String> perCols = d.has("per") ? strings(d.get("per")) : List.of();
        List<Map<String, String>> rows = readCsv(name, at + ".file", text, file, dir);
        Set<String> rowSources = new LinkedHashSet<>();
        Set<String> columns = rows.isEmpty() ? Set.of() : rows.get(0).keySet();
        List<String> needed = new ArrayList<>();
        needed.add(yearCol);
        needed.add(valueCol);
        needed.addAll(perCols);
        for (String c : needed) {
            if (!columns.contains(c)) {
                throw error(text, file, at, "columns of " + name + ": " + String.join(", ", columns), "'" + c + "'");
            }
        }
        for (Map<String, String> r : rows) {
            Double v = number(r.get(valueCol));
            Double den = perCols.isEmpty() ? Double.valueOf(1) : 0.0;
            for (String c : perCols) {
                Double x = number(r.get(c));
                den = x == null || den == null ? null : den + x;
            }
            Double y = number(r.get(yearCol));
            if (v == null || den == null || y == null || den == 0) {
                continue;
            }
            parts.put(y.intValue(), new double[] {v, den});
            String src = r.get("source");
            if (src != null && !src.isBlank()) {
                rowSources.add(src.trim());
            }
        }
        sources.add(name + (rowSources.isEmpty() ? "" : " (" + String.join("; ", rowSources) + ")"));
    }

    private static List<Map<String, String>> readCsv(String name, String at, String text, String file, Path dir) {
        Path local = dir == null ? null : dir.resolve(name);
        try (InputStream in = local != null && Files.isRegularFile(local) ? Files.newInputStream(local)
                : ScenarioLoader.class.getResourceAsStream("/data/" + name)) {
            if (in == null) {
                throw error(text, file, at, "a data file next to the calibration file or one of the model's: " + String.join(", ", SHIPPED),
                        "'" + name + "'");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            CsvMapper csv = CsvMapper.builder().build();
            CsvSchema schema = CsvSchema.emptySchema().withHeader();
            List<Map<String, String>> rows = new ArrayList<>();
            try (MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class).with(schema).readValues(reader)) {
                while (it.hasNext()) {
                    rows.add(it.next());
                }
            }
            return rows;
        } catch (IOException e) {
            throw error(text, file, at, "a readable CSV file with a header row", name + " (" + e.getMessage() + ")");
        } catch (tools.jackson.core.JacksonException e) {
            throw error(text, file, at, "a CSV file with a header row", name + " (" + e.getOriginalMessage() + ")");
        }
    }

    private static Double number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asString()));
        } else {
            out.add(n.asString());
        }
        return List.copyOf(out);
    }

    private static double[] numbers(JsonNode n) {
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).asDouble();
        }
        return v;
    }

    private static ScenarioException error(String text, String file, String field, String expected, String found) {
        return new ScenarioException(file, ScenarioLoader.lineOf(text, field), field, expected, found);
    }
}
