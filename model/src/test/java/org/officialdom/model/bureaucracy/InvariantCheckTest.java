package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.officialdom.engine.InvariantViolation;
import org.officialdom.engine.Simulation;

/** Checking mode: the model's own invariants hold on a real run and catch a corrupted one. */
class InvariantCheckTest {

    @Test
    void aCheckedRunKeepsItsInvariants() {
        Bureaucracy model = new Bureaucracy(Fixtures.small(3000));
        try (Simulation sim = new Simulation(model, 5, 2)) {
            sim.setChecking(true);
            sim.runTo(36); // throws InvariantViolation if any check fails
            assertThat(model.invariantViolations()).isEmpty();
        }
    }

    @Test
    void anOverfilledOrMiscountedPostIsCaught() {
        Bureaucracy model = new Bureaucracy(Fixtures.small(3000));
        try (Simulation sim = new Simulation(model, 5, 1)) {
            sim.setChecking(true);
            sim.runTo(3);
            int u = 0;
            int r = model.organisation().ranks() - 1;
            model.organisation().staff(u, r, model.organisation().posts(u, r) + 1); // one more than the posts
            assertThat(model.invariantViolations()).anySatisfy(s -> assertThat(s).contains("posts"))
                    .anySatisfy(s -> assertThat(s).contains("hold it"));
            assertThatThrownBy(() -> sim.runTo(4)).isInstanceOf(InvariantViolation.class).hasMessageContaining("step 4");
        }
    }
}
