package org.officialdom.lab.calibration;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.officialdom.engine.random.RandomStreams;
import org.officialdom.lab.store.ResultStore;
import org.officialdom.model.parameter.ParameterSchema;
import org.officialdom.model.scenario.Scenario;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A weighted sample of parameter values: the last generation of an ABC-SMC calibration, read from
 * the result store or from a CSV file that carries it with the scenario.
 *
 * <p>The CSV has a header {@code weight,<parameter path>,...} and one row per particle; lines that
 * start with {@code #} say where the sample comes from. Draws are systematic resampling by weight:
 * with u the draw 0 of stream "posterior-draws" for (0, 0, 0) under the seed, draw k is the particle
 * whose cumulative weight first reaches (u + k)/n of the total — so n draws take each particle about
 * n·w times, and the same seed gives the same draws.
 *
 * @param parameters the dotted parameter paths, in column order
 * @param values     values[i][j]: particle i's value of parameter j
 * @param weights    the particles' importance weights (any positive scale)
 * @param source     where the sample was read from, for messages
 * @param comments   the file's comment lines (its provenance), without the leading '#'
 */
public record PosteriorSample(List<String> parameters, double[][] values, double[] weights, String source, List<String> comments) {

    /** The folder of the model's resources that holds the posterior samples built-in scenarios name. */
    public static final String BUILT_IN = "/posterior/";

    public PosteriorSample {
        if (parameters.isEmpty() || values.length == 0) {
            throw new IllegalArgumentException(source + ": a posterior sample needs at least one parameter and one particle");
        }
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException(source + ": particle " + (i + 1) + " has weight " + weights[i] + "; expected a number of at least 0");
            }
            sum += weights[i];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException(source + ": the particles' weights sum to 0");
        }
    }

    /** Number of particles. */
    public int size() {
        return values.length;
    }

    /**
     * The sample a name stands for: a CSV file (a path ending in .csv), the last generation of an ABC
     * calibration in the store (its id or name), or a sample built into the model (the name of a file
     * in its {@code posterior/} resources, without {@code .csv}).
     *
     * @param store the result store, or null when none is open (then only files and built-in samples)
     */
    public static PosteriorSample resolve(String name, ResultStore store) {
        Path p = Path.of(name);
        if (name.endsWith(".csv") || Files.isRegularFile(p)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("no posterior sample file " + name);
            }
            try {
                return read(Files.readString(p, StandardCharsets.UTF_8), name);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + name + ": " + e.getMessage());
            }
        }
        if (name.matches("[a-z0-9][a-z0-9-]*")) {
            try (InputStream in = PosteriorSample.class.getResourceAsStream(BUILT_IN + name + ".csv")) {
                if (in != null) {
                    return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in posterior " + name);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read built-in posterior " + name, e);
            }
        }
        if (store == null) {
            throw new IllegalArgumentException("no posterior sample '" + name + "': not a .csv file, not built in");
        }
        return fromStore(store, name);
    }

    /**
     * The posterior a scenario names in its {@code posterior:} field, resolved as {@link #resolve}
     * does (a file relative to the scenario file), or null when it names none.
     */
    public static String declaredBy(Scenario sc) {
        String name = org.officialdom.model.scenario.ScenarioLoader.posteriorOf(sc);
        if (name == null) {
            return null;
        }
        if (name.endsWith(".csv") && sc.source() != null && !sc.source().startsWith("built-in")) {
            Path dir = Path.of(sc.source()).toAbsolutePath().getParent();
            if (dir != null) {
                return dir.resolve(name).toString();
            }
        }
        return name;
    }

    /** The last generation of an ABC calibration in the store (its id or name; the newest of that name). */
    public static PosteriorSample fromStore(ResultStore store, String idOrName) {
        String sql = "SELECT w.proposal, w.weight, p.parameter, p.value FROM abc_particles w "
                + "JOIN abc_parameters p USING (calibration_id, generation, proposal) "
                + "WHERE w.calibration_id = (SELECT calibration_id FROM abc_calibrations WHERE calibration_id = ? OR name = ? "
                + "ORDER BY created_at DESC LIMIT 1) "
                + "AND w.generation = (SELECT max(generation) FROM abc_particles x WHERE x.calibration_id = w.calibration_id) "
                + "ORDER BY w.proposal, p.parameter";
        Map<Integer, Map<String, Double>> byProposal = new LinkedHashMap<>();
        Map<Integer, Double> weights = new LinkedHashMap<>();
        synchronized (store) {
            try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
                ps.setString(1, idOrName);
                ps.setString(2, idOrName);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byProposal.computeIfAbsent(rs.getInt(1), k -> new LinkedHashMap<>()).put(rs.getString(3), rs.getDouble(4));
                        weights.put(rs.getInt(1), rs.getDouble(2));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the posterior of " + idOrName + ": " + e.getMessage(), e);
            }
        }
        if (byProposal.isEmpty()) {
            throw new IllegalArgumentException("no finished ABC calibration '" + idOrName + "' in " + store.file()
                    + ", no built-in posterior of that name and no such .csv file");
        }
        List<String> params = new ArrayList<>(byProposal.values().iterator().next().keySet());
        double[][] v = new double[byProposal.size()][];
        double[] w = new double[byProposal.size()];
        int i = 0;
        for (Map.Entry<Integer, Map<String, Double>> e : byProposal.entrySet()) {
            Map<String, Double> particle = e.getValue();
            v[i] = params.stream().mapToDouble(particle::get).toArray();
            w[i] = weights.get(e.getKey());
            i++;
        }
        return new PosteriorSample(params, v, w, "calibration " + idOrName + " in " + store.file(), List.of());
    }

    /** Reads the CSV form; {@code file} names it in messages. */
    public static PosteriorSample read(String text, String file) {
        List<String> comments = text.lines().filter(l -> l.startsWith("#")).map(l -> l.substring(1).strip()).toList();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        List<String> header;
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader r = new StringReader(text);
             MappingIterator<Map<String, String>> it = CsvMapper.builder().build().readerForMapOf(String.class).with(schema).readValues(r)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
            header = new ArrayList<>();
            CsvSchema read = (CsvSchema) it.parser().getSchema();
            read.forEach(c -> header.add(c.getName()));
        } catch (IOException | tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + ": expected a CSV file with a header 'weight,<parameter>,...' ("
                    + e.getMessage() + ")");
        }
        if (header.isEmpty() || !header.get(0).equals("weight") || header.size() < 2) {
            throw new IllegalArgumentException(file + ": expected a header 'weight,<parameter path>,...', found '"
                    + String.join(",", header) + "'");
        }
        List<String> params = header.subList(1, header.size());
        double[][] v = new double[rows.size()][params.size()];
        double[] w = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            w[i] = number(rows.get(i).get("weight"), file, i, "weight");
            for (int j = 0; j < params.size(); j++) {
                v[i][j] = number(rows.get(i).get(params.get(j)), file, i, params.get(j));
            }
        }
        return new PosteriorSample(List.copyOf(params), v, w, file, comments);
    }

    private static double number(String s, String file, int row, String column) {
        try {
            double x = Double.parseDouble(s == null ? "" : s.strip());
            if (Double.isFinite(x)) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(file + ": particle " + (row + 1) + ", column " + column + ": expected a number, found '" + s + "'");
    }

    /** The CSV form, with {@code comments} as its first lines. */
    public String toCsv(List<String> comments) {
        StringBuilder sb = new StringBuilder();
        comments.forEach(c -> sb.append("# ").append(c).append('\n'));
        sb.append("weight");
        parameters.forEach(p -> sb.append(',').append(p));
        sb.append('\n');
        for (int i = 0; i < values.length; i++) {
            sb.append(Double.toString(weights[i]));
            for (double x : values[i]) {
                sb.append(',').append(Double.toString(x));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** {@code n} particles drawn by weight (systematic resampling under {@code seed}), as path → value. */
    public List<Map<String, Double>> draws(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("expected at least one draw, found " + n);
        }
        double[] cum = new double[weights.length];
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i];
            cum[i] = acc;
        }
        double u = new RandomStreams(seed).stream("posterior-draws").uniform(0, 0, 0) / n;
        List<Map<String, Double>> out = new ArrayList<>();
        int j = 0;
        for (int k = 0; k < n; k++) {
            double x = (u + (double) k / n) * acc;
            while (j < cum.length - 1 && cum[j] < x) {
                j++;
            }
            Map<String, Double> d = new LinkedHashMap<>();
            for (int p = 0; p < parameters.size(); p++) {
                d.put(parameters.get(p), values[j][p]);
            }
            out.add(d);
        }
        return out;
    }

    /**
     * {@link #draws} as parameter overrides for runs of {@code sc}: one map per draw, an integer
     * parameter rounded (the kernel moves it as a real number); a parameter the model does not have
     * is an error naming it.
     */
    public List<Map<String, JsonNode>> overrides(Scenario sc, int n, long seed) {
        JsonNode schema = ParameterSchema.of(sc.kind().parameterType());
        List<Map<String, JsonNode>> out = new ArrayList<>();
        for (Map<String, Double> d : draws(n, seed)) {
            Map<String, JsonNode> o = new LinkedHashMap<>();
            d.forEach((path, v) -> {
                JsonNode ps = org.officialdom.lab.experiment.ExperimentLoader.parameterSchema(schema, path);
                if (ps == null) {
                    throw new IllegalArgumentException(source + " has parameter " + path + ", which model "
                            + sc.kind().name() + " does not have");
                }
                o.put(path, "integer".equals(ps.path("type").asString())
                        ? JsonNodeFactory.instance.numberNode(Math.round(v))
                        : JsonNodeFactory.instance.numberNode(v));
            });
            out.add(o);
        }
        return out;
    }

    /** The weighted quantile {@code q} of parameter {@code path} (the smallest value whose cumulative weight reaches q). */
    public double quantile(String path, double q) {
        int j = parameters.indexOf(path);
        if (j < 0) {
            throw new IllegalArgumentException(source + " has no parameter " + path);
        }
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(values[a][j], values[b][j]));
        double total = Arrays.stream(weights).sum();
        double acc = 0;
        for (int i : order) {
            acc += weights[i];
            if (acc >= q * total) {
                return values[i][j];
            }
        }
        return values[order[order.length - 1]][j];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d particles of %s from %s", values.length, String.join(", ", parameters), source);
    }
}
