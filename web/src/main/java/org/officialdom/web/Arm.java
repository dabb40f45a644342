package org.officialdom.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.officialdom.engine.Model;
import org.officialdom.engine.Simulation;
import org.officialdom.lab.RunTask;
import org.officialdom.lab.Runner;
import org.officialdom.model.scenario.CalendarEntry;
import org.officialdom.model.scenario.ParameterSchema;
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
    private final List<ObjectNode> moved = new ArrayList<>();

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

    /** The lever at {@code path} takes {@code value} from step {@code step} on. */
    void move(int step, String path, JsonNode value, String note) {
        ObjectNode set = RunTask.tree(Map.of(path, value));
        List<CalendarEntry> cal = new ArrayList<>(scenario.calendar());
        int at = 0;
        while (at < cal.size() && cal.get(at).step() <= step) {
            at++;
        }
        cal.add(at, new CalendarEntry(step, note, set));
        scenario = new Scenario(scenario.name(), scenario.title(), scenario.description(), scenario.kind(),
                scenario.seed(), scenario.steps(), scenario.start(), scenario.parameters(), List.copyOf(cal),
                scenario.source(), scenario.text());
        ObjectNode entry = ParameterSchema.MAPPER.createObjectNode();
        entry.put("step", step);
        entry.put("note", note);
        entry.putObject("set").set(path, value.deepCopy());
        moved.add(entry);
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
        if (!moved.isEmpty()) {
            JsonNode cal = root.get("calendar");
            ArrayNode arr = cal instanceof ArrayNode a ? a : root.putArray("calendar");
            moved.forEach(e -> arr.add(e.deepCopy()));
        }
        return "# Run watched in the Officialdom page; levers moved there are the calendar entries with a 'step'.\n"
                + YAML.writeValueAsString(root);
    }

    @Override
    public void close() {
        sim.close();
    }
}
