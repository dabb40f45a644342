package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.Pass;
import org.officialdom.engine.Simulation;

class ReorderingTest {

    /**
     * The {@code order} pass leaves the (unit, rank) index describing the new layout, and the
     * tournament uses it without building it again: it must be the index a build would give.
     */
    @Test
    void theIndexLeftByTheReorderingIsTheOneABuildGives() {
        Bureaucracy m = new Bureaucracy(Fixtures.small(3000));
        try (Simulation sim = new Simulation(m, 5, 2)) {
            sim.runTo(Bureaucracy.ORDER_EVERY);
            // the passes of a reordering step once more, up to the reordering, on the state after it
            int[] idsBefore = Arrays.copyOf(m.officials().table.ids(), m.officials().size());
            for (Pass p : m.passes()) {
                p.run(sim);
                if (p.name().equals("order")) {
                    break;
                }
            }
            int n = m.officials().size();
            assertThat(Arrays.copyOf(m.officials().table.ids(), n)).as("the rows moved").isNotEqualTo(idsBefore);
            int[] start = m.indexStart.clone();
            int[] rows = Arrays.copyOf(m.indexRows, n);
            m.buildIndex(sim);
            assertThat(m.indexStart).isEqualTo(start);
            assertThat(Arrays.copyOf(m.indexRows, n)).isEqualTo(rows);
        }
    }
}
