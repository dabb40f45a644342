package org.officialdom.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;

class BenchmarkTest {

    private static final int POPULATION = 20_000;

    private static final Scenario SCENARIO = ScenarioLoader.parse("""
            name: bench-test
            model: granovetter
            seed: 3
            steps: 8
            parameters:
              population: %d
              distribution: normal
              unit: share
              mean: 0.3
              sd: 0.12
            """.formatted(POPULATION), "bench-test.yaml");

    private static final Progress QUIET = Progress.NONE;

    @Test
    void aWholeRunCountsEveryStep() {
        Benchmark.Result r = Benchmark.run(SCENARIO, 2, QUIET);
        assertThat(r.steps()).isEqualTo(8);
        assertThat(r.warmupSteps()).isZero();
        assertThat(r.warmupSeconds()).isZero();
        assertThat(r.agentSteps()).isEqualTo(8L * POPULATION);
        assertThat(r.agentStepsPerSecond()).isEqualTo(r.agentSteps() / r.stepSeconds());
    }

    @Test
    void theWarmUpStepsRunButAreNotCounted() {
        Benchmark.Result r = Benchmark.run(SCENARIO, 2, 5, QUIET);
        assertThat(r.steps()).isEqualTo(8);
        assertThat(r.warmupSteps()).isEqualTo(5);
        assertThat(r.agentSteps()).isEqualTo(3L * POPULATION); // steps 6, 7 and 8
        assertThat(r.warmupSeconds()).isPositive();
        double passes = r.passSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(passes).isPositive().isLessThanOrEqualTo(r.stepSeconds()); // the passes of the counted steps only
        assertThatThrownBy(() -> Benchmark.run(SCENARIO, 1, 8, QUIET)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Benchmark.run(SCENARIO, 1, -1, QUIET)).isInstanceOf(IllegalArgumentException.class);
    }
}
