package org.officialdom.lab.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.officialdom.lab.experiment.ExperimentLoader;
import org.officialdom.lab.experiment.Factor;
import org.officialdom.model.parameter.ParameterSchema;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioException;
import org.officialdom.model.scenario.ScenarioLoader;
import tools.jackson.databind.JsonNode;

/**
 * A calibration, read from YAML ({@code schemas/calibration.schema.json}): which parameters to fit
 * within which ranges and under which priors, to which targets (series given in the file or read
 * from a published data file), by which method ({@code cma-es}: a point estimate with restarts;
 * {@code abc-smc}: a posterior sample), with how many replicates per evaluation.
 *
 * @param set         parameters held at a value in every run (the population's size, say)
 * @param holdoutFrom the first data year left out of the fit (shown against the fitted model's
 *                    prediction), or null
 */
public record Calibration(
        String name,
        String file,
        String text,
        Scenario base,
        int steps,
        int replicates,
        long seedBase,
        java.util.Map<String, JsonNode> set,
        List<Factor> parameters,
        List<Prior> priors,
        List<Target> targets,
        String method,
        Integer holdoutFrom,
        int restarts,
        int evaluations,
        int population,
        double sigma,
        long seed,
        AbcSmc.Settings abc) {

    /** The overrides of one run: the held values, then the calibrated parameters at {@code values}. */
    public java.util.Map<String, JsonNode> overrides(double[] values) {
        java.util.Map<String, JsonNode> out = new java.util.LinkedHashMap<>(set);
        for (int i = 0; i < values.length; i++) {
            Factor p = parameters.get(i);
            out.put(p.path(), p.integer() ? tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(Math.round(values[i]))
                    : tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(values[i]));
        }
        return out;
    }

    public boolean bayesian() {
        return method.equals("abc-smc");
    }

    public static Calibration load(Path file) {
        return parse(ScenarioLoader.readText(file), file.toString(), file.toAbsolutePath().getParent());
    }

    public static Calibration parse(String text, String file, Path dir) {
        JsonNode root = ScenarioLoader.readChecked(text, file, schema());
        Scenario base = ExperimentLoader.scenario(root.get("scenario").asString(), dir);
        int steps = root.has("steps") ? root.get("steps").asInt() : base.steps();
        JsonNode paramSchema = ParameterSchema.of(base.kind().parameterType());
        List<Factor> params = new ArrayList<>();
        List<Prior> priors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode ps = root.get("parameters");
        for (int i = 0; i < ps.size(); i++) {
            String at = "parameters[" + i + "]";
            String path = ps.get(i).get("path").asString();
            JsonNode s = ExperimentLoader.parameterSchema(paramSchema, path);
            String type = s == null ? "" : s.path("type").asString();
            if (!type.equals("number") && !type.equals("integer")) {
                throw new ScenarioException(file, ScenarioLoader.lineOf(text, at + ".path"), at + ".path",
                        "a numeric parameter of model " + base.kind().name() + " (see 'officialdom schema')", "'" + path + "'");
            }
            if (!seen.add(path)) {
                throw new ScenarioException(file, ScenarioLoader.lineOf(text, at + ".path"), at + ".path",
                        "each parameter fitted once", "'" + path + "' again");
            }
            double lo = ps.get(i).get("range").get(0).asDouble();
            double hi = ps.get(i).get("range").get(1).asDouble();
            double min = s.has("minimum") ? s.get("minimum").asDouble() : Double.NEGATIVE_INFINITY;
            double max = s.has("maximum") ? s.get("maximum").asDouble() : Double.POSITIVE_INFINITY;
            if (!(lo < hi) || lo < min || hi > max) {
                throw new ScenarioException(file, ScenarioLoader.lineOf(text, at + ".range"), at + ".range",
                        "a lowest value below the highest, within the parameter's bounds [" + min + ", " + max + "]",
                        "[" + lo + ", " + hi + "]");
            }
            params.add(new Factor(path, List.of(), lo, hi, type.equals("integer")));
            priors.add(prior(ps.get(i), path, lo, hi, text, file, at));
        }
        Integer holdout = root.has("holdout_from") ? root.get("holdout_from").asInt() : null;
        List<Target> targets = new ArrayList<>();
        JsonNode ts = root.get("targets");
        for (int i = 0; i < ts.size(); i++) {
            targets.add(TargetLoader.target(ts.get(i), "targets[" + i + "]", base, steps, holdout, text, file, dir));
        }
        JsonNode o = root.has("optimiser") ? root.get("optimiser") : ParameterSchema.MAPPER.createObjectNode();
        int k = params.size();
        JsonNode a = root.has("abc") ? root.get("abc") : ParameterSchema.MAPPER.createObjectNode();
        int particles = a.has("particles") ? a.get("particles").asInt() : 200;
        AbcSmc.Settings abc = new AbcSmc.Settings(particles,
                a.has("quantile") ? a.get("quantile").asDouble() : 0.5,
                a.has("generations") ? a.get("generations").asInt() : 10,
                a.has("min_acceptance") ? a.get("min_acceptance").asDouble() : 0.02,
                a.has("tolerance") ? a.get("tolerance").asDouble() : 0,
                a.has("simulations") ? a.get("simulations").asLong() : 100_000,
                a.has("batch") ? a.get("batch").asInt() : 64,
                a.has("seed") ? a.get("seed").asLong() : 1);
        return new Calibration(root.get("name").asString(), file, text, base, steps,
                root.has("replicates") ? root.get("replicates").asInt() : 1,
                root.has("seeds") && root.get("seeds").has("base") ? root.get("seeds").get("base").asLong() : 1,
                root.has("set") ? org.officialdom.lab.experiment.LeverTableLoader.values(root.get("set"), "set",
                        (tools.jackson.databind.node.ObjectNode) paramSchema, base, text, file) : java.util.Map.of(),
                List.copyOf(params), List.copyOf(priors), List.copyOf(targets),
                root.has("method") ? root.get("method").asString() : "cma-es", holdout,
                o.has("restarts") ? o.get("restarts").asInt() : 3,
                o.has("evaluations") ? o.get("evaluations").asInt() : 300,
                o.has("population") ? o.get("population").asInt() : 4 + (int) Math.floor(3 * Math.log(k)),
                o.has("sigma") ? o.get("sigma").asDouble() : 0.3,
                o.has("seed") ? o.get("seed").asLong() : 1, abc);
    }

    /** A parameter's prior: {@code prior: {kind: uniform | log-uniform | normal, mean, sd}} on its range (default uniform). */
    private static Prior prior(JsonNode p, String path, double lo, double hi, String text, String file, String at) {
        JsonNode pr = p.get("prior");
        String kind = pr == null || !pr.has("kind") ? "uniform" : pr.get("kind").asString();
        return switch (kind) {
            case "log-uniform" -> {
                if (!(lo > 0)) {
                    throw new ScenarioException(file, ScenarioLoader.lineOf(text, at + ".range"), at + ".range",
                            "a range above 0 for a log-uniform prior", "[" + lo + ", " + hi + "]");
                }
                yield Prior.logUniform(path, lo, hi);
            }
            case "normal" -> {
                if (!pr.has("mean") || !pr.has("sd")) {
                    throw new ScenarioException(file, ScenarioLoader.lineOf(text, at + ".prior"), at + ".prior",
                            "a mean and an sd for a normal prior, like {kind: normal, mean: 0.5, sd: 0.1}", pr.toString());
                }
                yield Prior.normal(path, lo, hi, pr.get("mean").asDouble(), pr.get("sd").asDouble());
            }
            default -> Prior.uniform(path, lo, hi);
        };
    }

    public static tools.jackson.databind.node.ObjectNode schema() {
        try (var in = Calibration.class.getResourceAsStream("/schemas/calibration.schema.json")) {
            return (tools.jackson.databind.node.ObjectNode) ParameterSchema.MAPPER.readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
