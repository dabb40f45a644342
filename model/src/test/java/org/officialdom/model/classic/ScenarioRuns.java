package org.officialdom.model.classic;

import java.util.List;
import java.util.function.UnaryOperator;
import org.officialdom.engine.MetricTable;
import org.officialdom.engine.Model;
import org.officialdom.engine.Simulation;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;

/**
 * Runs built-in scenarios in tests the way the lab's Runner does (calendar changes applied at the
 * start of the step they name), without depending on the lab module.
 */
final class ScenarioRuns {

    private ScenarioRuns() {
    }

    /** Runs a built-in scenario with a seed, for its own number of steps. */
    static MetricTable run(String name, long seed, int threads) {
        return run(ScenarioLoader.builtIn(name), seed, threads);
    }

    static MetricTable run(Scenario scenario, long seed, int threads) {
        return simulate(scenario.with(seed, null), threads).metrics();
    }

    /** Runs a scenario and returns the finished simulation (closed; its model and metrics stay readable). */
    static Simulation simulate(Scenario sc, int threads) {
        Model model = sc.kind().create(sc.parametersAt(0));
        try (Simulation sim = new Simulation(model, sc.seed(), threads)) {
            while (sim.stepNumber() < sc.steps()) {
                long next = sim.stepNumber() + 1;
                if (!sc.changesAt(next).isEmpty()) {
                    sc.kind().update(model, sc.parametersAt(next));
                }
                sim.step();
            }
            return sim;
        }
    }

    /** A built-in scenario with its YAML text edited (to vary one parameter in a test). */
    static Scenario edited(String name, UnaryOperator<String> edit) {
        Scenario base = ScenarioLoader.builtIn(name);
        return ScenarioLoader.parse(edit.apply(base.text()), "edited " + name);
    }

    /** Mean of a list of numbers. */
    static double mean(List<? extends Number> xs) {
        return xs.stream().mapToDouble(Number::doubleValue).average().orElse(Double.NaN);
    }
}
