package org.officialdom.lab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.officialdom.lab.analysis.LatinHypercube;
import org.officialdom.lab.analysis.Morris;
import org.officialdom.lab.analysis.Sobol;
import org.officialdom.model.parameter.ParameterSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The design points of an experiment: for each point, the parameter overrides (dotted path to
 * value) and, for sampled designs, its position in the unit cube.
 *
 * @param morris the Morris trajectories (morris designs only)
 */
public record Plan(List<Map<String, JsonNode>> points, double[][] unit, Morris.Plan morris) {

    /** Largest number of design points of a grid. */
    public static final int MAX_POINTS = 1_000_000;

    public int size() {
        return points.size();
    }

    public static Plan of(Experiment e) {
        List<Factor> fs = e.factors();
        int k = fs.size();
        Experiment.Design d = e.design();
        return switch (d.type()) {
            case "grid" -> grid(e);
            case "lhs" -> sampled(fs, LatinHypercube.design(d.samples(), k, d.seed()), null);
            case "morris" -> {
                Morris.Plan m = Morris.design(d.samples(), k, d.levels(), d.seed());
                yield sampled(fs, m.points(), m);
            }
            case "sobol" -> sampled(fs, Sobol.design(d.samples(), k), null);
            default -> throw new IllegalArgumentException("unknown design " + d.type());
        };
    }

    private static Plan grid(Experiment e) {
        List<List<JsonNode>> axes = new ArrayList<>();
        for (Factor f : e.factors()) {
            if (f.hasRange()) {
                List<JsonNode> axis = new ArrayList<>();
                int n = e.design().levels();
                for (int i = 0; i < n; i++) {
                    axis.add(value(f, (double) i / (n - 1)));
                }
                axes.add(axis);
            } else {
                axes.add(f.levels());
            }
        }
        List<Map<String, JsonNode>> points = new ArrayList<>();
        long total = 1;
        for (List<JsonNode> a : axes) {
            total *= a.size();
            if (total > MAX_POINTS) {
                throw new org.officialdom.model.scenario.ScenarioException(e.file(),
                        org.officialdom.model.scenario.ScenarioLoader.lineOf(e.text(), "factors"), "factors",
                        "a grid of at most " + MAX_POINTS + " design points", "more");
            }
        }
        for (int p = 0; p < (int) total; p++) {
            Map<String, JsonNode> point = new LinkedHashMap<>();
            int rest = p;
            for (int i = axes.size() - 1; i >= 0; i--) {
                List<JsonNode> a = axes.get(i);
                point.put(e.factors().get(i).path(), a.get(rest % a.size()));
                rest /= a.size();
            }
            Map<String, JsonNode> ordered = new LinkedHashMap<>();
            e.factors().forEach(f -> ordered.put(f.path(), point.get(f.path())));
            points.add(ordered);
        }
        return new Plan(points, null, null);
    }

    private static Plan sampled(List<Factor> fs, double[][] unit, Morris.Plan morris) {
        List<Map<String, JsonNode>> points = new ArrayList<>();
        for (double[] u : unit) {
            Map<String, JsonNode> point = new LinkedHashMap<>();
            for (int i = 0; i < fs.size(); i++) {
                point.put(fs.get(i).path(), value(fs.get(i), u[i]));
            }
            points.add(point);
        }
        return new Plan(points, unit, morris);
    }

    private static JsonNode value(Factor f, double u) {
        double v = f.at(u);
        return f.integer() ? JsonNodeFactory.instance.numberNode((long) v) : JsonNodeFactory.instance.numberNode(v);
    }

    /** A point's value of a factor as a number (NaN for a non-numeric level). */
    public static double number(JsonNode v) {
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    static String text(JsonNode v) {
        return v.isString() ? v.asString() : ParameterSchema.MAPPER.writeValueAsString(v);
    }
}
