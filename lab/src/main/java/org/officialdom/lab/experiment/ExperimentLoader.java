package org.officialdom.lab.experiment;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.officialdom.model.parameter.ParameterSchema;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioException;
import org.officialdom.model.scenario.ScenarioLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads experiment files: YAML checked against {@code schemas/experiment.schema.json}, then each
 * factor against the base scenario's parameter schema. Every problem is one
 * {@link ScenarioException} naming the file, the line, the field, what was expected and what was
 * found.
 */
public final class ExperimentLoader {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private ExperimentLoader() {
    }

    /** The experiment file schema (also printed by {@code officialdom schema --experiment}). */
    public static ObjectNode schema() {
        return readSchema("/schemas/experiment.schema.json");
    }

    static ObjectNode readSchema(String resource) {
        try (InputStream in = ExperimentLoader.class.getResourceAsStream(resource)) {
            return (ObjectNode) ParameterSchema.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    public static Experiment load(Path file) {
        return parse(ScenarioLoader.readText(file), file.toString(), file.toAbsolutePath().getParent());
    }

    /** Parses experiment text; {@code dir} is where relative scenario files are looked for. */
    public static Experiment parse(String text, String file, Path dir) {
        JsonNode root = ScenarioLoader.readChecked(text, file, schema());
        Scenario base = scenario(root.get("scenario").asString(), dir);
        int steps = root.has("steps") ? root.get("steps").asInt() : base.steps();
        JsonNode d = root.has("design") ? root.get("design") : ParameterSchema.MAPPER.createObjectNode();
        String type = d.has("type") ? d.get("type").asString() : "grid";
        int samples = d.has("samples") ? d.get("samples").asInt() : switch (type) {
            case "lhs" -> 20;
            case "morris" -> 10;
            case "sobol" -> 64;
            default -> 1;
        };
        int levels = d.has("levels") ? d.get("levels").asInt() : (type.equals("morris") ? 4 : 3);
        if (type.equals("morris") && levels % 2 != 0) {
            throw new ScenarioException(file, ScenarioLoader.lineOf(text, "design.levels"), "design.levels",
                    "an even number of levels for a Morris design", String.valueOf(levels));
        }
        if ((type.equals("morris") || type.equals("sobol")) && samples < 2) {
            throw new ScenarioException(file, ScenarioLoader.lineOf(text, "design.samples"), "design.samples",
                    "at least 2 " + (type.equals("morris") ? "trajectories" : "base samples") + " for a " + type + " design",
                    String.valueOf(samples));
        }
        Experiment.Design design = new Experiment.Design(type, samples, levels,
                d.has("seed") ? d.get("seed").asLong() : 1, d.has("bootstrap") ? d.get("bootstrap").asInt() : 500,
                d.has("confidence") ? d.get("confidence").asDouble() : 0.95);
        List<Factor> factors = new ArrayList<>();
        ObjectNode paramSchema = ParameterSchema.of(base.kind().parameterType());
        Set<String> seen = new HashSet<>();
        JsonNode fs = root.get("factors");
        for (int i = 0; i < fs.size(); i++) {
            Factor f = factor(fs.get(i), "factors[" + i + "]", type, paramSchema, base, text, file);
            if (!seen.add(f.path())) {
                throw new ScenarioException(file, ScenarioLoader.lineOf(text, "factors[" + i + "].path"),
                        "factors[" + i + "].path", "each parameter varied once", "'" + f.path() + "' again");
            }
            factors.add(f);
        }
        SeedPolicy seeds = SeedPolicy.DEFAULT;
        if (root.has("seeds")) {
            JsonNode s = root.get("seeds");
            seeds = new SeedPolicy(!s.has("policy") || s.get("policy").asString().equals("common"),
                    s.has("base") ? s.get("base").asLong() : 1);
        }
        List<String> metrics = new ArrayList<>();
        if (root.has("metrics")) {
            root.get("metrics").forEach(m -> metrics.add(m.asString()));
        }
        List<String> statistics = new ArrayList<>();
        if (root.has("statistics")) {
            root.get("statistics").forEach(m -> statistics.add(m.asString()));
        } else {
            statistics.addAll(List.of("final", "mean"));
        }
        return new Experiment(root.get("name").asString(),
                root.has("title") ? root.get("title").asString() : root.get("name").asString(),
                file, text, base, steps, root.has("replicates") ? root.get("replicates").asInt() : 1, seeds,
                List.copyOf(metrics), List.copyOf(statistics), design, List.copyOf(factors));
    }

    /** A scenario named in an experiment: a file beside it, a file, or a built-in name. */
    public static Scenario scenario(String ref, Path dir) {
        if (dir != null && !Path.of(ref).isAbsolute() && Files.isRegularFile(dir.resolve(ref))) {
            return ScenarioLoader.load(dir.resolve(ref));
        }
        return ScenarioLoader.resolve(ref);
    }

    private static Factor factor(JsonNode f, String at, String type, ObjectNode paramSchema, Scenario base,
                                 String text, String file) {
        String path = f.get("path").asString();
        JsonNode ps = parameterSchema(paramSchema, path);
        if (ps == null || "object".equals(ps.path("type").asString())) {
            throw new ScenarioException(file, ScenarioLoader.lineOf(text, at + ".path"), at + ".path",
                    "a parameter of model " + base.kind().name() + " (see 'officialdom schema')", "'" + path + "'");
        }
        if (f.has("levels") == f.has("range")) {
            throw new ScenarioException(file, ScenarioLoader.lineOf(text, at), at, "exactly one of 'levels' or 'range'",
                    f.has("levels") ? "both" : "neither");
        }
        String ptype = ps.path("type").asString();
        boolean numeric = ptype.equals("number") || ptype.equals("integer");
        if (f.has("levels")) {
            if (!type.equals("grid")) {
                throw new ScenarioException(file, ScenarioLoader.lineOf(text, at + ".levels"), at + ".levels",
                        "a 'range' (a " + type + " design samples a range)", "levels");
            }
            List<JsonNode> levels = new ArrayList<>();
            JsonNode ls = f.get("levels");
            for (int j = 0; j < ls.size(); j++) {
                JsonNode v = normalise(ls.get(j), ptype);
                check(ps, v, file, ScenarioLoader.lineOf(text, at + ".levels[" + j + "]"), at + ".levels[" + j + "]");
                levels.add(v);
            }
            return new Factor(path, List.copyOf(levels), Double.NaN, Double.NaN, ptype.equals("integer"));
        }
        if (!numeric) {
            throw new ScenarioException(file, ScenarioLoader.lineOf(text, at + ".range"), at + ".range",
                    "'levels' (parameter " + path + " is not a number)", "a range");
        }
        double lo = f.get("range").get(0).asDouble();
        double hi = f.get("range").get(1).asDouble();
        if (!(lo < hi)) {
            throw new ScenarioException(file, ScenarioLoader.lineOf(text, at + ".range"), at + ".range",
                    "a lowest value below the highest", "[" + lo + ", " + hi + "]");
        }
        for (int j = 0; j < 2; j++) {
            check(ps, normalise(f.get("range").get(j), ptype), file, ScenarioLoader.lineOf(text, at + ".range"), at + ".range");
        }
        return new Factor(path, List.of(), lo, hi, ptype.equals("integer"));
    }

    /** Numbers as the parameter's type: whole numbers as longs, others as doubles (stable run ids). */
    public static JsonNode normalise(JsonNode v, String type) {
        if (v.isNumber() && type.equals("number")) {
            return ParameterSchema.MAPPER.getNodeFactory().numberNode(v.asDouble());
        }
        if (v.isNumber() && type.equals("integer") && v.asDouble() == Math.rint(v.asDouble())) {
            return ParameterSchema.MAPPER.getNodeFactory().numberNode(v.asLong());
        }
        return v;
    }

    static void check(JsonNode ps, JsonNode value, String file, int line, String field) {
        Schema s = REGISTRY.getSchema(ps);
        if (!s.validate(value).isEmpty()) {
            throw new ScenarioException(file, line, field, expectation(ps), ScenarioLoader.describeValue(value));
        }
    }

    private static String expectation(JsonNode s) {
        return ScenarioLoader.expected(s);
    }

    /** The schema of the parameter at a dotted path, or null. */
    public static JsonNode parameterSchema(JsonNode paramSchema, String dotted) {
        JsonNode at = paramSchema;
        for (String part : dotted.split("\\.")) {
            if (at != null && at.has("properties") && at.get("properties").has(part)) {
                at = at.get("properties").get(part);
            } else if (at != null && at.has("additionalProperties") && at.get("additionalProperties").isObject()) {
                at = at.get("additionalProperties");
            } else {
                return null;
            }
        }
        return at;
    }
}
