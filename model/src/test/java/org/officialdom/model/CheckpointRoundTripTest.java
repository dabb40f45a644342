package org.officialdom.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.officialdom.engine.Checkpoint;
import org.officialdom.engine.Matrix;
import org.officialdom.engine.Simulation;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;

/**
 * Every model kind keeps checkpoints: a built-in scenario of each, run with its calendar, stopped at
 * a step, written to a checkpoint, read back into a fresh model (built from the parameters in force
 * at that step) on another thread count and run to the end, gives the uninterrupted run's metrics,
 * events, summary and end-of-run views, bit for bit.
 */
class CheckpointRoundTripTest {

    @ParameterizedTest(name = "{0}, checkpoint at step {2} of {1}")
    @CsvSource({
        "china-2012-2025, 40, 17, organisation.officials=1500",
        "reform, 30, 13, organisation.officials=1500",
        "peter, 60, 25, ",
        "granovetter-uniform, 40, 3, ",
        "granovetter, 100, 50, ",
        "kuran-normal, 40, 21, population=2000",
        "epstein-run5, 120, 75, ",
    })
    void aResumedRunContinuesBitForBit(String name, int steps, int at, String set, @TempDir Path dir) throws IOException {
        Scenario sc = ScenarioLoader.override(ScenarioLoader.builtIn(name), set == null ? List.of() : List.of(set))
                .with(null, steps);
        List<String> straight;
        try (Simulation sim = new Simulation(sc.kind().create(sc.parametersAt(0)), sc.seed(), 2)) {
            runTo(sc, sim, steps);
            straight = outputs(sim);
        }
        Path file = dir.resolve("checkpoint.bin");
        Checkpoint.Identity run = new Checkpoint.Identity(sc.kind().name(), "scenario", sc.seed());
        try (Simulation sim = new Simulation(sc.kind().create(sc.parametersAt(0)), sc.seed(), 1)) {
            runTo(sc, sim, at);
            Checkpoint.write(sim, file, run);
        }
        try (Simulation resumed = Checkpoint.read(file, 3, run, step -> sc.kind().create(sc.parametersAt(step)))) {
            assertThat(resumed.stepNumber()).isEqualTo(at);
            runTo(sc, resumed, steps);
            List<String> after = outputs(resumed);
            assertThat(after.get(0).lines().count()).isEqualTo(steps + 2L);
            assertThat(after).containsExactlyElementsOf(straight);
        }
    }

    /** Steps to {@code last} with the calendar's changes at the start of the steps they name (as the lab's runner does). */
    private static void runTo(Scenario sc, Simulation sim, long last) {
        while (sim.stepNumber() < last) {
            long next = sim.stepNumber() + 1;
            if (!sc.changesAt(next).isEmpty()) {
                sc.kind().update(sim.model(), sc.parametersAt(next));
            }
            sim.step();
        }
    }

    private static List<String> outputs(Simulation sim) throws IOException {
        List<String> out = new ArrayList<>();
        StringWriter metrics = new StringWriter();
        sim.metrics().writeCsv(metrics);
        out.add(metrics.toString());
        StringWriter events = new StringWriter();
        if (sim.model().events() != null) {
            sim.model().events().writeCsv(events);
        }
        out.add(events.toString());
        out.add(String.join("\n", sim.model().summary(sim.metrics())));
        for (Matrix m : sim.model().matrices()) {
            out.add(m.name() + Arrays.deepToString(m.values()));
        }
        return out;
    }
}
