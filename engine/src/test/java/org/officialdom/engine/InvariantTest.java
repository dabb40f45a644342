package org.officialdom.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvariantTest {

    /** A model whose metric goes bad at a chosen step. */
    static final class Broken implements Model {
        private final int badStep;
        private final double badValue;
        private final String unit;
        private long step;

        Broken(int badStep, double badValue, String unit) {
            this.badStep = badStep;
            this.badValue = badValue;
            this.unit = unit;
        }

        @Override
        public void init(Simulation sim) {
        }

        @Override
        public void save(CheckpointWriter out) throws java.io.IOException {
            out.putLong("step", step);
        }

        @Override
        public void load(CheckpointReader in, Simulation sim) throws java.io.IOException {
            step = in.getLong("step");
        }

        @Override
        public List<Pass> passes() {
            return List.of(Pass.of("tick", sim -> step = sim.stepNumber()));
        }

        @Override
        public MetricSet metrics() {
            return new MetricSet().add("value", unit, "a value", () -> step == badStep ? badValue : 0.5);
        }

        @Override
        public long agents() {
            return 0;
        }

        @Override
        public long bytesPerAgent() {
            return 0;
        }

        @Override
        public List<String> summary(MetricTable t) {
            return List.of();
        }
    }

    @Test
    void checkingModeStopsAtTheFirstBadStep() {
        try (Simulation sim = new Simulation(new Broken(3, Double.NaN, "units"), 1, 1)) {
            sim.setChecking(true);
            assertThatThrownBy(() -> sim.runTo(10)).isInstanceOf(InvariantViolation.class)
                    .hasMessageContaining("step 3").hasMessageContaining("value is NaN");
        }
        try (Simulation sim = new Simulation(new Broken(2, 1.5, "share"), 1, 1)) {
            sim.setChecking(true);
            assertThatThrownBy(() -> sim.runTo(10)).hasMessageContaining("outside [0, 1]");
        }
    }

    @Test
    void everyRangeAUnitDeclaresIsChecked() {
        try (Simulation sim = new Simulation(new Broken(2, 101, "percent"), 1, 1)) {
            sim.setChecking(true);
            assertThatThrownBy(() -> sim.runTo(10)).hasMessageContaining("step 2").hasMessageContaining("outside [0, 100]");
        }
        try (Simulation sim = new Simulation(new Broken(4, -0.01, "morale (0-1)"), 1, 1)) {
            sim.setChecking(true);
            assertThatThrownBy(() -> sim.runTo(10)).hasMessageContaining("step 4").hasMessageContaining("outside [0, 1]");
            assertThat(sim.checks()).containsExactly("every one of the 1 metrics finite (no NaN, no infinity)",
                    "in [0, 1]: value", "the model's own invariants (Broken.invariantViolations)");
        }
        try (Simulation sim = new Simulation(new Broken(2, 0.5, "competence (1-10)"), 1, 1)) {
            sim.setChecking(true);
            assertThatThrownBy(() -> sim.runTo(10)).hasMessageContaining("outside [1, 10]");
        }
        // a unit without a range is only checked to be finite
        try (Simulation sim = new Simulation(new Broken(2, -7, "percentage points"), 1, 1)) {
            sim.setChecking(true);
            sim.runTo(10);
        }
    }

    @Test
    void withoutCheckingTheRunGoesOn() {
        try (Simulation sim = new Simulation(new Broken(3, Double.NaN, "units"), 1, 1)) {
            sim.runTo(10);
        }
    }
}
