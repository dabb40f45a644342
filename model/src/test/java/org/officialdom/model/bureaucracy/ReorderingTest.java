package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.Simulation;

class ReorderingTest {

    /**
     * The (unit, rank) index, kept as a sorted base plus the rows that moved, lists for every key
     * exactly the rows that hold it, in ascending order, step after step through two reorderings;
     * and so does the index built by a full counting sort.
     */
    @Test
    void theIndexListsEveryKeysRowsInAscendingOrder() {
        Bureaucracy m = new Bureaucracy(Fixtures.small(3000));
        try (Simulation sim = new Simulation(m, 5, 2)) {
            assertThat(m.index().hasBase()).as("initialisation lays the rows out in key order").isTrue();
            int sawMoved = 0;
            for (int step = 1; step <= 2 * Bureaucracy.ORDER_EVERY + 3; step++) {
                sim.step();
                UnitRankIndex index = m.index();
                index.refresh(m.officials(), sim.parallel());
                assertThat(index.hasBase()).isTrue();
                sawMoved = Math.max(sawMoved, index.moved());
                assertListsEveryKey(m, index);
                UnitRankIndex full = new UnitRankIndex(m.org.units(), m.org.ranks);
                full.full(m.officials(), sim.parallel());
                assertListsEveryKey(m, full);
            }
            assertThat(sawMoved).as("rows moved between reorderings").isGreaterThan(100);
        }
    }

    private static void assertListsEveryKey(Bureaucracy m, UnitRankIndex index) {
        Officials o = m.officials();
        int R = m.org.ranks;
        List<List<Integer>> expected = new ArrayList<>();
        for (int k = 0; k < m.org.units() * R; k++) {
            expected.add(new ArrayList<>());
        }
        for (int i = 0; i < o.size(); i++) {
            expected.get(o.unit.values()[i] * R + o.rank.values()[i]).add(i);
        }
        UnitRankIndex.Rows rows = new UnitRankIndex.Rows();
        for (int k = 0; k < expected.size(); k++) {
            index.collect(k, rows);
            int[] got = Arrays.copyOf(rows.rows, rows.count);
            assertThat(got).as("rows of key %d", k).containsExactly(expected.get(k).stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
