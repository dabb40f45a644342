package org.officialdom.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.officialdom.engine.Model;
import org.officialdom.engine.Simulation;
import org.officialdom.lab.RunTask;
import org.officialdom.lab.Runner;
import org.officialdom.model.scenario.CalendarEntry;
import org.officialdom.model.parameter.ParameterSchema;
import org.officialdom.model.scenario.Scenario;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One run in a session: its scenario and its simulation. A lever moved in the page becomes a
 * calendar entry at the next step, so the run steps exactly as {@code officialdom run} steps the
 * saved scenario (through {@link Runner#stepOnce}, hence {@code ModelKind.update}).
 */
final class Arm implements AutoCloseable {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    final String name;
    private Scenario scenario;
    private final Simulation sim;

    Arm(String name, Scenario scenario) {
        this.name = name;
        this.scenario = scenario;
        Model model = scenario.kind().create(scenario.parametersAt(0));
        this.sim = new Simulation(model, scenario.seed(), 1);
    }

    Scenario scenario() {
        return scenario;
    }

    Simulation sim() {
        return sim;
    }

    void step() {
        Runner.stepOnce(scenario, sim);
    }

    /**
     * The lever at {@code path} takes {@code value} from step {@code step} on, and keeps it: the page
     * holds the lever from then, so later calendar entries no longer move it (a person who moved a
     * slider expects it to stay where they put it).
     */
    void move(int step, String path, JsonNode value, String note) {
        ObjectNode set = RunTask.tree(Map.of(path, value));
        List<CalendarEntry> cal = new ArrayList<>();
        for (CalendarEntry e : scenario.calendar()) {
            if (e.step() > step && !Levers.valueAt(e.set(), path).isMissingNode()) {
                ObjectNode rest = e.set().deepCopy();
                remove(rest, path.split("\\."), 0);
                if (!rest.isEmpty()) {
                    cal.add(new CalendarEntry(e.step(), e.note() + " (" + path + " held by the page)", rest));
                }
            } else {
                cal.add(e);
            }
        }
        int at = 0;
        while (at < cal.size() && cal.get(at).step() <= step) {
            at++;
        }
        cal.add(at, new CalendarEntry(step, note, set));
        scenario = new Scenario(scenario.name(), scenario.title(), scenario.description(), scenario.kind(),
                scenario.seed(), scenario.steps(), scenario.start(), scenario.parameters(), List.copyOf(cal),
                scenario.source(), scenario.text());
    }

    private static void remove(ObjectNode node, String[] parts, int i) {
        if (i == parts.length - 1) {
            node.remove(parts[i]);
            return;
        }
        if (node.get(parts[i]) instanceof ObjectNode child) {
            remove(child, parts, i + 1);
            if (child.isEmpty()) {
                node.remove(parts[i]);
            }
        }
    }

    /** The parameter value in force for the coming step. */
    JsonNode valueAt(String path) {
        return Levers.valueAt(scenario.parameterTreeAt(sim.stepNumber() + 1), path);
    }

    /**
     * The run as watched so far as scenario text: the scenario's file with the seed, the steps
     * reached, the parameters used and the levers moved in the page as calendar entries.
     */
    String asScenarioText() {
        ObjectNode root = (ObjectNode) YAML.readTree(scenario.text());
        root.put("seed", scenario.seed());
        root.put("steps", (int) sim.stepNumber());
        root.set("parameters", scenario.parameters().deepCopy());
        // the calendar as run: the scenario's entries (as steps) and the levers moved in the page
        ArrayNode arr = root.putArray("calendar");
        for (CalendarEntry e : scenario.calendar()) {
            ObjectNode entry = arr.addObject();
            entry.put("step", e.step());
            if (e.note() != null) {
                entry.put("note", e.note());
            }
            flatten(e.set(), "", entry.putObject("set"));
        }
        if (arr.isEmpty()) {
            root.remove("calendar");
        }
        return "# Run watched in the Officialdom page; its calendar holds the levers moved there.\n"
                + YAML.writeValueAsString(root);
    }

    private static void flatten(JsonNode node, String path, ObjectNode out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else {
            out.set(path, node.deepCopy());
        }
    }

    @Override
    public void close() {
        sim.close();
    }
}
