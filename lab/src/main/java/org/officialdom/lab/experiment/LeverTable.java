package org.officialdom.lab.experiment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.officialdom.lab.RunSpec;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A validated lever table: a baseline scenario and the same scenario with one lever changed at a
 * time (an arm each), run under common random numbers, and the outcomes every arm is measured on.
 *
 * <p>A lever's value, and every value of {@code set}, holds for the whole run: calendar entries of
 * the scenario that set the same parameter are left out of that arm (they would undo the lever at
 * their date). {@link Arm#heldOver} lists them, so a reader sees what the lever displaced.
 *
 * @param baseline     the scenario as named, before its calendar is dropped or held over
 * @param dropCalendar every arm runs without the scenario's calendar
 * @param set          values for the baseline and every arm, in file order
 * @param from         first step of the window the outcomes summarise
 * @param to           last step of the window
 * @param arms         the baseline (index 0), then one arm per lever
 */
public record LeverTable(
        String name,
        String title,
        String file,
        String text,
        Scenario baseline,
        boolean dropCalendar,
        Map<String, JsonNode> set,
        int steps,
        int replicates,
        long seed,
        int from,
        int to,
        double confidence,
        List<Outcome> outcomes,
        List<Arm> arms) {

    /** Summaries of an outcome over the window. */
    public static final List<String> SUMMARIES = List.of("mean", "sum", "per_year", "final");

    /**
     * What an arm is measured on: a metric summarised over the window.
     *
     * @param summary mean, sum, per_year (sum × 12 / (steps in the window × months per step)) or final
     * @param label   heading, or null for the metric and its summary
     * @param group   heading of the table the outcome is printed in, or null
     */
    public record Outcome(String metric, String summary, String label, String group) {

        /** The column heading: the label, or the metric with its summary. */
        public String heading() {
            if (label != null) {
                return label;
            }
            return switch (summary) {
                case "mean" -> metric;
                case "per_year" -> metric + " per year";
                default -> metric + " (" + summary + ")";
            };
        }

        /** The outcome of a run from the metric's values over the window, in step order. */
        public double of(double[] window, int monthsPerStep) {
            double sum = 0;
            for (double v : window) {
                sum += v;
            }
            return switch (summary) {
                case "mean" -> sum / window.length;
                case "sum" -> sum;
                case "per_year" -> sum * 12.0 / ((double) window.length * monthsPerStep);
                case "final" -> window[window.length - 1];
                default -> throw new IllegalStateException("no summary " + summary);
            };
        }
    }

    /**
     * One arm: the baseline (index 0) or a lever.
     *
     * @param changes       what the lever sets (empty for the baseline), in file order
     * @param scenario      the scenario the arm runs: the baseline's, its calendar dropped or held over
     * @param overrides     {@code set} and the lever's changes together, as run
     * @param heldOver      calendar entries left out because they set a parameter this arm holds
     * @param monthsPerStep the model's months per step ({@code months_per_step}), or 1 for a model without it
     */
    public record Arm(int index, String label, Map<String, JsonNode> changes, Scenario scenario,
                      Map<String, JsonNode> overrides, List<String> heldOver, int monthsPerStep) {

        /** Replicate {@code k}'s run: seed {@code seed + k}, as in every other arm. */
        public RunSpec spec(long seed, int k, int steps) {
            return RunSpec.of(scenario, overrides, seed + k, steps);
        }

        /** "mean = 35, sd = 5". */
        public String describeChanges() {
            return describe(changes);
        }
    }

    /** The baseline arm. */
    public Arm baselineArm() {
        return arms.get(0);
    }

    /** The lever arms, in file order. */
    public List<Arm> levers() {
        return arms.subList(1, arms.size());
    }

    /** "a.b = 1, c = x" for a map of dotted paths to values. */
    public static String describe(Map<String, JsonNode> values) {
        return values.entrySet().stream().map(e -> e.getKey() + " = " + show(e.getValue())).collect(Collectors.joining(", "));
    }

    static String show(JsonNode v) {
        if (v.isString()) {
            return v.asString();
        }
        if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 1e15) {
            return Long.toString((long) v.asDouble());
        }
        return v.toString();
    }

    /**
     * A scenario with its calendar dropped, or with the calendar's settings of the {@code held}
     * parameters left out, and what was left out ("study.study_hours at 2017-10, 2019-01").
     */
    public record Held(Scenario scenario, List<String> leftOut) {
    }

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /**
     * The scenario an arm runs. Its text is rewritten only when something is left out, so a
     * baseline that changes nothing has the runs of {@code compare} and {@code run} (same text,
     * same run ids); the rewriting is deterministic, so a resumed lever table finds its runs.
     */
    public static Held hold(Scenario sc, boolean dropCalendar, Collection<String> held) {
        if (sc.calendar().isEmpty()) {
            return new Held(sc, List.of());
        }
        ObjectNode root = (ObjectNode) YAML.readTree(sc.text());
        if (dropCalendar) {
            root.remove("calendar");
            return new Held(ScenarioLoader.parse(YAML.writeValueAsString(root), sc.source() + " without its calendar"),
                    List.of("the whole calendar (" + sc.calendar().size() + " entries)"));
        }
        Map<String, List<String>> leftOut = new LinkedHashMap<>();
        ArrayNode kept = YAML.createArrayNode();
        for (JsonNode entry : root.get("calendar")) {
            ObjectNode set = (ObjectNode) entry.get("set");
            String when = entry.has("date") ? entry.get("date").asString() : "step " + entry.get("step").asString();
            for (String path : held) {
                for (String key : new ArrayList<>(set.propertyNames())) {
                    if (key.equals(path) || key.startsWith(path + ".")) {
                        set.remove(key);
                        leftOut.computeIfAbsent(key, k -> new ArrayList<>()).add(when);
                    } else if (path.startsWith(key + ".") && set.get(key) instanceof ObjectNode group
                            && removeDotted(group, path.substring(key.length() + 1))) {
                        leftOut.computeIfAbsent(path, k -> new ArrayList<>()).add(when);
                        if (group.isEmpty()) {
                            set.remove(key);
                        }
                    }
                }
            }
            if (!set.isEmpty()) {
                kept.add(entry);
            }
        }
        if (leftOut.isEmpty()) {
            return new Held(sc, List.of());
        }
        root.set("calendar", kept);
        List<String> described = leftOut.entrySet().stream().map(e -> e.getKey() + " at " + String.join(", ", e.getValue())).toList();
        return new Held(ScenarioLoader.parse(YAML.writeValueAsString(root),
                sc.source() + " with calendar entries for " + String.join(", ", held) + " left out"), described);
    }

    private static boolean removeDotted(ObjectNode tree, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return tree.remove(path) != null;
        }
        if (tree.get(path.substring(0, dot)) instanceof ObjectNode child && removeDotted(child, path.substring(dot + 1))) {
            if (child.isEmpty()) {
                tree.remove(path.substring(0, dot));
            }
            return true;
        }
        return false;
    }
}
