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
 * within which ranges, to which target series, with how many replicates per evaluation and how
 * many optimiser restarts.
 */
public record Calibration(
        String name,
        String file,
        String text,
        Scenario base,
        int steps,
        int replicates,
        long seedBase,
        List<Factor> parameters,
        List<Target> targets,
        int restarts,
        int evaluations,
        int population,
        double sigma,
        long seed) {

    /** An observed series: {@code values[i]} is the metric at step {@code fromStep + i}. */
    public record Target(String metric, int fromStep, double[] values, double weight) {
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
        }
        List<Target> targets = new ArrayList<>();
        JsonNode ts = root.get("targets");
        for (int i = 0; i < ts.size(); i++) {
            JsonNode t = ts.get(i);
            int from = t.has("from_step") ? t.get("from_step").asInt() : 1;
            double[] values = new double[t.get("values").size()];
            for (int j = 0; j < values.length; j++) {
                values[j] = t.get("values").get(j).asDouble();
            }
            if (from + values.length - 1 > steps) {
                throw new ScenarioException(file, ScenarioLoader.lineOf(text, "targets[" + i + "].values"), "targets[" + i + "].values",
                        "values for steps up to " + steps + " (the run's last step)",
                        values.length + " values from step " + from);
            }
            targets.add(new Target(t.get("metric").asString(), from, values, t.has("weight") ? t.get("weight").asDouble() : 1));
        }
        JsonNode o = root.has("optimiser") ? root.get("optimiser") : ParameterSchema.MAPPER.createObjectNode();
        int k = params.size();
        return new Calibration(root.get("name").asString(), file, text, base, steps,
                root.has("replicates") ? root.get("replicates").asInt() : 1,
                root.has("seeds") && root.get("seeds").has("base") ? root.get("seeds").get("base").asLong() : 1,
                List.copyOf(params), List.copyOf(targets),
                o.has("restarts") ? o.get("restarts").asInt() : 3,
                o.has("evaluations") ? o.get("evaluations").asInt() : 300,
                o.has("population") ? o.get("population").asInt() : 4 + (int) Math.floor(3 * Math.log(k)),
                o.has("sigma") ? o.get("sigma").asDouble() : 0.3,
                o.has("seed") ? o.get("seed").asLong() : 1);
    }

    public static tools.jackson.databind.node.ObjectNode schema() {
        try (var in = Calibration.class.getResourceAsStream("/schemas/calibration.schema.json")) {
            return (tools.jackson.databind.node.ObjectNode) ParameterSchema.MAPPER.readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
