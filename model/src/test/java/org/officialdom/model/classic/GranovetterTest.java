package org.officialdom.model.classic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.MetricTable;
import org.officialdom.engine.Simulation;

/** Granovetter's riot example (1978): thresholds 0..99, and the same crowd with one threshold moved. */
class GranovetterTest {

    static double equilibrium(List<Double> thresholds) {
        GranovetterParameters p = new GranovetterParameters(thresholds.size(), GranovetterParameters.Distribution.LIST,
                GranovetterParameters.Unit.COUNT, 25, 10, 0, 100, thresholds);
        try (Simulation sim = new Simulation(new Granovetter(p), 1, 1)) {
            sim.runTo(150);
            MetricTable t = sim.metrics();
            return t.last("acting");
        }
    }

    @Test
    void riotOfOneHundredAndItsFragility() {
        List<Double> crowd = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            crowd.add((double) i);
        }
        assertThat(equilibrium(crowd)).isEqualTo(100);
        crowd.set(1, 2.0); // the threshold-1 person replaced by a threshold-2 one
        assertThat(equilibrium(crowd)).isEqualTo(1);
    }

    @Test
    void builtInRiotScenarioEndsWithEveryone() {
        assertThat(ScenarioRuns.run("granovetter", 1, 1).last("acting")).isEqualTo(100);
    }
}
