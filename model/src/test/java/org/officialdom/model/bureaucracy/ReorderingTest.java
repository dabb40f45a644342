package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.GroupIndex;
import org.officialdom.engine.RowList;
import org.officialdom.engine.Simulation;

class ReorderingTest {

    /**
     * The bureaucracy's (unit, rank) index, kept as a sorted base plus the rows that moved, lists for every key
     * exactly the rows that hold it, in ascending order, step after step through two reorderings;
     * and so does the index built by a full counting sort.
     */
    @Test
    void theIndexListsEveryKeysRowsInAscendingOrder() {
        Bureaucracy m = new Bureaucracy(Fixtures.small(3000));
        try (Simulation sim = new Simulation(m, 5, 2)) {
            assertThat(m.index().hasBase()).as("initialisation lays the rows out in key order").isTrue();
            int sawMoved = 0;
            for (int step = 1; step <= 2 * Bureaucracy.COMPACT_EVERY + 3; step++) {
                sim.step();
                GroupIndex index = m.index();
                index.refresh(m.officials().table, m.officials().byUnitAndRank(m.organisation().ranks()), sim.parallel());
                assertThat(index.hasBase()).isTrue();
                sawMoved = Math.max(sawMoved, index.moved());
                assertListsEveryKey(m, index);
                GroupIndex full = new GroupIndex(m.organisation().units() * m.organisation().ranks());
                full.full(m.officials().table, m.officials().byUnitAndRank(m.organisation().ranks()), sim.parallel());
                assertListsEveryKey(m, full);
            }
            assertThat(sawMoved).as("rows moved between reorderings").isGreaterThan(100);
        }
    }

    /**
     * The compaction.s permutation merged from the sorted base and the moved rows is the one a full
     * counting sort of every row gives, with the same first position for every key, at every step
     * between and across reorderings.
     */
    @Test
    void theMergedOrderIsTheCountingSortsOrder() {
        Bureaucracy m = new Bureaucracy(Fixtures.small(3000));
        try (Simulation sim = new Simulation(m, 11, 2)) {
            int n = 0;
            for (int step = 1; step <= 2 * Bureaucracy.COMPACT_EVERY + 3; step++) {
                sim.step();
                Officials o = m.officials();
                int R = m.organisation().ranks();
                GroupIndex full = new GroupIndex(m.organisation().units() * R);
                int[] expected = Arrays.copyOf(full.rowsInKeyOrder(o.table, o.byUnitAndRank(R), sim.parallel()), o.size());
                GroupIndex index = m.index();
                assertThat(index.hasBase()).isTrue();
                int[] merged = Arrays.copyOf(index.rowsInKeyOrder(o.table, o.byUnitAndRank(R), sim.parallel()), o.size());
                assertThat(merged).as("step %d", step).isEqualTo(expected);
                for (int k = 0; k <= m.organisation().units() * m.organisation().ranks(); k++) {
                    assertThat(index.first(k)).as("first position of key %d at step %d", k, step).isEqualTo(full.first(k));
                }
                if (index.moved() > 0) {
                    n++;
                }
                // the index is read again only after the table follows the permutation
                o.table.permute(merged, sim.parallel());
                index.adoptPermuted(o.table, o.byUnitAndRank(R), sim.parallel());
                assertListsEveryKey(m, index);
            }
            assertThat(n).as("steps where rows had moved").isGreaterThan(2 * Bureaucracy.COMPACT_EVERY);
        }
    }

    private static void assertListsEveryKey(Bureaucracy m, GroupIndex index) {
        Officials o = m.officials();
        int R = m.organisation().ranks();
        List<List<Integer>> expected = new ArrayList<>();
        for (int k = 0; k < m.organisation().units() * R; k++) {
            expected.add(new ArrayList<>());
        }
        for (int i = 0; i < o.size(); i++) {
            expected.get(o.unit.values()[i] * R + o.rank.values()[i]).add(i);
        }
        RowList rows = new RowList();
        for (int k = 0; k < expected.size(); k++) {
            index.collect(k, rows);
            int[] got = new int[rows.size()];
            for (int q = 0; q < got.length; q++) {
                got[q] = rows.get(q);
            }
            assertThat(got).as("rows of key %d", k).containsExactly(expected.get(k).stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
