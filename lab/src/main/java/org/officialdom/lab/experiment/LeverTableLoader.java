package org.officialdom.lab.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.officialdom.lab.RunOutcome;
import org.officialdom.lab.RunSpec;
import org.officialdom.lab.RunTask;
import org.officialdom.model.parameter.ParameterSchema;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioException;
import org.officialdom.model.scenario.ScenarioLoader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads lever-table files: YAML checked against {@code schemas/levers.schema.json}, every path of
 * {@code set} and of the levers against the baseline model's parameter schema, every arm's
 * parameters bound once (so a value the model refuses stops the table before any run), and every
 * outcome against the metrics the model declares (from a run of 0 steps). Every problem is one
 * {@link ScenarioException}: file, line, field, expected, found.
 */
public final class LeverTableLoader {

    private LeverTableLoader() {
    }

    /** The lever-table file schema. */
    public static ObjectNode schema() {
        return ExperimentLoader.readSchema("/schemas/levers.schema.json");
    }

    public static LeverTable load(Path file) {
        return parse(ScenarioLoader.readText(file), file.toString(), file.toAbsolutePath().getParent());
    }

    /** Parses lever-table text; {@code dir} is where a relative baseline file is looked for. */
    public static LeverTable parse(String text, String file, Path dir) {
        JsonNode root = ScenarioLoader.readChecked(text, file, schema());
        Scenario base = baseline(root.get("baseline").asString(), dir, text, file);
        ObjectNode paramSchema = ParameterSchema.of(base.kind().parameterType());

        int steps = root.has("steps") ? root.get("steps").asInt() : base.steps();
        if (steps < 1) {
            throw new ScenarioException(file, ScenarioLoader.lineOf(text, "baseline"), "steps",
                    "a number of steps of at least 1 (the baseline scenario has none)", String.valueOf(steps));
        }
        int to = steps;
        int from = to / 2 + 1;
        if (root.has("window")) {
            JsonNode w = root.get("window");
            to = w.has("to") ? w.get("to").asInt() : steps;
            from = w.has("from") ? w.get("from").asInt() : Math.min(to / 2 + 1, to);
            if (to > steps) {
                throw new ScenarioException(file, ScenarioLoader.lineOf(text, "window.to"), "window.to",
                        "a step from 0 to the run's last, " + steps, String.valueOf(to));
            }
            if (from > to) {
                throw new ScenarioException(file, ScenarioLoader.lineOf(text, "window.from"), "window.from",
                        "a step from 0 to the window's last, " + to, String.valueOf(from));
            }
        }

        Map<String, JsonNode> set = root.has("set")
                ? values(root.get("set"), "set", paramSchema, base, text, file) : Map.of();
        boolean dropCalendar = root.has("drop_calendar") && root.get("drop_calendar").asBoolean();
        long seed = root.has("seed") ? root.get("seed").asLong() : 1;

        List<LeverTable.Arm> arms = new ArrayList<>();
        arms.add(arm(0, "baseline", Map.of(), base, dropCalendar, set, text, file, "set"));
        Set<String> labels = new HashSet<>();
        labels.add("baseline");
        JsonNode ls = root.get("levers");
        for (int i = 0; i < ls.size(); i++) {
            String at = "levers[" + i + "]";
            JsonNode l = ls.get(i);
            Map<String, JsonNode> changes;
            if (l.has("set") == l.has("path")) {
                throw new ScenarioException(file, ScenarioLoader.lineOf(text, at), at, "exactly one of 'path' (with 'value') or 'set'",
                        l.has("set") ? "both" : "neither");
            }
            if (l.has("path")) {
                if (!l.has("value")) {
                    throw new ScenarioException(file, ScenarioLoader.lineOf(text, at + ".path"), at + ".value",
                            "the value lever " + l.get("path").asString() + " takes", "nothing");
                }
                changes = values(l.get("path").asString(), l.get("value"), at + ".path", at + ".value", paramSchema, base, text, file);
            } else {
                if (l.has("value")) {
                    throw new ScenarioException(file, ScenarioLoader.lineOf(text, at + ".value"), at + ".value",
                            "the values inside 'set' (a lever gives either path and value, or set)", "a value beside 'set'");
                }
                changes = values(l.get("set"), at + ".set", paramSchema, base, text, file);
            }
            String label = l.has("label") ? l.get("label").asString() : LeverTable.describe(changes);
            if (!labels.add(label)) {
                throw new ScenarioException(file, ScenarioLoader.lineOf(text, at), at + (l.has("label") ? ".label" : ""),
                        "each lever once, under a label of its own", "'" + label + "' again");
            }
            arms.add(arm(i + 1, label, changes, base, dropCalendar, set, text, file, at));
        }

        List<LeverTable.Outcome> outcomes = outcomes(root.get("outcomes"), arms.get(0), seed, text, file);
        String name = root.has("name") ? root.get("name").asString() : nameOf(file);
        return new LeverTable(name, root.has("title") ? root.get("title").asString() : name, file, text, base,
                dropCalendar, set, steps, root.has("replicates") ? root.get("replicates").asInt() : 10, seed, from, to,
                root.has("confidence") ? root.get("confidence").asDouble() : 0.95, List.copyOf(outcomes), List.copyOf(arms));
    }

    /** The baseline scenario; a name that is neither a file nor a built-in scenario is reported at the field. */
    private static Scenario baseline(String ref, Path dir, String text, String file) {
        try {
            return ExperimentLoader.scenario(ref, dir);
        } catch (ScenarioException e) {
            if (e.line() == 0 && (e.file().equals(ref) || e.file().endsWith(ref)) && e.field().isEmpty()) {
                throw new ScenarioException(file, ScenarioLoader.lineOf(text, "baseline"), "baseline",
                        "a built-in scenario name or a scenario file (relative to this file)", "'" + ref + "': " + e.found());
            }
            throw e;
        }
    }

    /** A lever-table name from a file name: {@code examples/Granovetter_Levers.yaml} gives granovetter-levers. */
    static String nameOf(String file) {
        String base = Path.of(file).getFileName().toString().replaceFirst("\\.ya?ml$", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        return base.isEmpty() ? "levers" : base;
    }

    /** A mapping of dotted parameter paths to values ({@code set: {...}}), each checked against the model's parameter schema. */
    public static Map<String, JsonNode> values(JsonNode mapping, String at, ObjectNode paramSchema, Scenario base,
                                                String text, String file) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> kv : mapping.properties()) {
            out.putAll(values(kv.getKey(), kv.getValue(), at + "." + kv.getKey(), at + "." + kv.getKey(), paramSchema, base, text, file));
        }
        return out;
    }

    /** One parameter path and value, checked against the parameter schema and normalised (stable run ids). */
    private static Map<String, JsonNode> values(String path, JsonNode value, String pathField, String valueField,
                                                ObjectNode paramSchema, Scenario base, String text, String file) {
        JsonNode ps = path.matches("[a-z0-9_]+(\\.[a-z0-9_]+)*") ? ExperimentLoader.parameterSchema(paramSchema, path) : null;
        if (ps == null || "object".equals(ps.path("type").asString())) {
            throw new ScenarioException(file, ScenarioLoader.lineOf(text, pathField), pathField,
                    "a parameter of model " + base.kind().name() + " (see 'officialdom schema " + base.kind().name() + "')",
                    "'" + path + "'");
        }
        JsonNode v = ExperimentLoader.normalise(value, ps.path("type").asString());
        ExperimentLoader.check(ps, v, file, ScenarioLoader.lineOf(text, valueField), valueField);
        return Map.of(path, v);
    }

    private static LeverTable.Arm arm(int index, String label, Map<String, JsonNode> changes, Scenario base, boolean dropCalendar,
                                      Map<String, JsonNode> set, String text, String file, String at) {
        Map<String, JsonNode> overrides = new TreeMap<>(set);
        overrides.putAll(changes);
        Set<String> held = new LinkedHashSet<>(set.keySet());
        held.addAll(changes.keySet());
        LeverTable.Held h = LeverTable.hold(base, dropCalendar, held);
        // What this lever itself displaces; the baseline's line says what 'set' and drop_calendar do.
        List<String> heldOver = index == 0 ? h.leftOut()
                : dropCalendar ? List.of() : LeverTable.hold(base, false, changes.keySet()).leftOut();
        ObjectNode tree;
        try {
            Scenario sc = RunTask.withOverrides(h.scenario(), overrides);
            sc.parametersAt(0);
            tree = sc.parameterTreeAt(0);
        } catch (JacksonException e) {
            // A record's own check (high below low, say) reaches us wrapped by the binder.
            boolean together = e.getCause() instanceof IllegalArgumentException;
            throw new ScenarioException(file, ScenarioLoader.lineOf(text, at), at,
                    together ? "values the model accepts together" : "values the model accepts",
                    LeverTable.describe(overrides) + ": " + (together ? e.getCause().getMessage() : e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(file, ScenarioLoader.lineOf(text, at), at, "values the model accepts together",
                    LeverTable.describe(overrides) + ": " + e.getMessage());
        }
        int monthsPerStep = tree.path("months_per_step").isNumber() ? tree.get("months_per_step").asInt() : 1;
        return new LeverTable.Arm(index, label, Collections.unmodifiableMap(new LinkedHashMap<>(changes)), h.scenario(),
                Collections.unmodifiableMap(overrides), heldOver, monthsPerStep);
    }

    private static List<LeverTable.Outcome> outcomes(JsonNode os, LeverTable.Arm baseline, long seed, String text, String file) {
        List<String> declared = declared(baseline, seed, text, file);
        List<LeverTable.Outcome> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < os.size(); i++) {
            JsonNode o = os.get(i);
            String at = "outcomes[" + i + "]";
            LeverTable.Outcome outcome = o.isString()
                    ? new LeverTable.Outcome(o.asString(), "mean", null, null)
                    : new LeverTable.Outcome(o.get("metric").asString(), o.has("summary") ? o.get("summary").asString() : "mean",
                            o.has("label") ? o.get("label").asString() : null, o.has("group") ? o.get("group").asString() : null);
            String field = o.isString() ? at : at + ".metric";
            if (!declared.contains(outcome.metric())) {
                throw new ScenarioException(file, ScenarioLoader.lineOf(text, field), field,
                        "a metric of model " + baseline.scenario().kind().name() + ": " + String.join(", ", declared),
                        "'" + outcome.metric() + "'");
            }
            if (!seen.add(outcome.metric() + " " + outcome.summary())) {
                throw new ScenarioException(file, ScenarioLoader.lineOf(text, at), at, "each metric and summary once",
                        "'" + outcome.metric() + "' (" + outcome.summary() + ") again");
            }
            out.add(outcome);
        }
        return out;
    }

    /** The metrics the baseline's model declares, from a run of 0 steps. */
    private static List<String> declared(LeverTable.Arm baseline, long seed, String text, String file) {
        RunOutcome probe = RunTask.execute(RunSpec.of(baseline.scenario(), baseline.overrides(), seed, 0), 1);
        if (!probe.ok()) {
            throw new ScenarioException(file, ScenarioLoader.lineOf(text, "baseline"), "baseline", "a scenario that runs", probe.error());
        }
        return probe.metrics().names();
    }
}
