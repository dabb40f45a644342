package org.officialdom.model.scenario;

import org.officialdom.model.parameter.ParameterSchema;
import java.util.List;
import org.officialdom.engine.Footprint;
import org.officialdom.model.ModelKind;
import tools.jackson.databind.node.ObjectNode;

/**
 * A validated scenario: which model, its parameters (the file's overrides of the defaults), the
 * calendar of policy changes, the seed and the number of steps, and the text it was read from.
 *
 * @param start first month of the run as {@code YYYY-MM}, or null when steps are abstract
 */
public record Scenario(
        String name,
        String title,
        String description,
        ModelKind<?> kind,
        long seed,
        int steps,
        String start,
        ObjectNode parameters,
        List<CalendarEntry> calendar,
        String source,
        String text) {

    /** The parameter tree in force at {@code step}: defaults, file values, calendar entries up to it. */
    public ObjectNode parameterTreeAt(long step) {
        ObjectNode tree = ParameterSchema.mergedTree(kind.parameterType(), parameters);
        for (CalendarEntry e : calendar) {
            if (e.step() <= step) {
                ParameterSchema.merge(tree, e.set());
            }
        }
        return tree;
    }

    /** The bound parameter record in force at {@code step}. */
    /** What a run of this scenario builds (its agents, grid cells and bytes), counted before anything is allocated. */
    public Footprint footprint() {
        return kind.footprint(parametersAt(0));
    }

    /**
     * The footprint, or a {@link ScenarioException} when the run would not fit in {@code maxBytes}
     * ({@code where} says whose: "this Java heap") or in Java's arrays at all.
     */
    public Footprint footprintWithin(long maxBytes, String where) {
        Footprint f = footprint();
        if (!f.fitsArrays()) {
            throw new ScenarioException(source, 0, "parameters", String.format(java.util.Locale.ROOT,
                    "a run of at most %,d agents and %,d grid cells", Footprint.MAX_ARRAY, Footprint.MAX_ARRAY), f.describe());
        }
        if (f.bytes() > maxBytes) {
            throw new ScenarioException(source, 0, "parameters", "a run that fits " + where + " (at most "
                    + Footprint.bytes(maxBytes) + ")", f.describe());
        }
        return f;
    }

    public Record parametersAt(long step) {
        return ParameterSchema.MAPPER.treeToValue(parameterTreeAt(step), kind.parameterType());
    }

    /** The calendar entries that take effect at exactly {@code step}. */
    public List<CalendarEntry> changesAt(long step) {
        return calendar.stream().filter(e -> e.step() == step).toList();
    }

    /** The same scenario with another seed and/or number of steps. */
    public Scenario with(Long newSeed, Integer newSteps) {
        return new Scenario(name, title, description, kind, newSeed == null ? seed : newSeed,
                newSteps == null ? steps : newSteps, start, parameters, calendar, source, text);
    }

    /**
     * The scenario as YAML, with the seed, steps and parameters actually used (after --seed,
     * --steps and --set), so that a run folder's copy reruns the same run.
     */
    public String toYaml() {
        tools.jackson.dataformat.yaml.YAMLMapper yaml = tools.jackson.dataformat.yaml.YAMLMapper.builder().build();
        ObjectNode root = (ObjectNode) yaml.readTree(text);
        root.put("seed", seed);
        root.put("steps", steps);
        root.set("parameters", parameters);
        return yaml.writeValueAsString(root);
    }

    /** The label of a step: its month when the scenario has a start date, else the step number. */
    public String labelOf(long step) {
        if (start == null) {
            return "step " + step;
        }
        java.time.YearMonth ym = java.time.YearMonth.parse(start).plusMonths(step);
        return ym.toString();
    }
}
