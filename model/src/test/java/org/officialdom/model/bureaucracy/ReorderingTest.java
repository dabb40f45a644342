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
                UnitRankIndex full = new UnitRankIndex(m.organisation().units(), m.organisation().ranks);
                full.full(m.officials(), sim.parallel());
                assertListsEveryKey(m, full);
            }
            assertThat(sawMoved).as("rows moved between reorderings").isGreaterThan(100);
        }
    }

    /**
     * The order pass's permutation merged from the sorted base and the moved rows is the one a full
     * counting sort of every row gives, with the same first position for every key, at every step
     * between and across reorderings.
     */
    @Test
    void theMergedOrderIsTheCountingSortsOrder() {
        Bureaucracy m = new Bureaucracy(Fixtures.small(3000));
        try (Simulation sim = new Simulation(m, 11, 2)) {
            int n = 0;
            for (int step = 1; step <= 2 * Bureaucracy.ORDER_EVERY + 3; step++) {
                sim.step();
                Officials o = m.officials();
                UnitRankIndex full = new UnitRankIndex(m.organisation().units(), m.organisation().ranks);
                int[] expected = Arrays.copyOf(full.rowsInKeyOrder(o, sim.parallel()), o.size());
                UnitRankIndex index = m.index();
                assertThat(index.hasBase()).isTrue();
                int[] merged = Arrays.copyOf(index.rowsInKeyOrder(o, sim.parallel()), o.size());
                assertThat(merged).as("step %d", step).isEqualTo(expected);
                for (int k = 0; k <= m.organisation().units() * m.organisation().ranks; k++) {
                    assertThat(index.first(k)).as("first position of key %d at step %d", k, step).isEqualTo(full.first(k));
                }
                if (index.moved() > 0) {
                    n++;
                }
                // the index is read again only after the table follows the permutation
                o.table.permute(merged, sim.parallel());
                index.adoptPermuted(o, sim.parallel());
                assertListsEveryKey(m, index);
            }
            assertThat(n).as("steps where rows had moved").isGreaterThan(2 * Bureaucracy.ORDER_EVERY);
        }
    }

    /**
     * The moved rows' radix sort in blocks on the workers gives the (key, row) order a sequential
     * stable sort gives, however many blocks it is split into (including blocks smaller than a digit's
     * spread and a key space needing three passes).
     */
    @Test
    void theBlockedRadixSortIsAStableSortByKey() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        int n = 50_000;
        for (int bits : new int[] {5, 11, 26}) {
            int[] keys = new int[n];
            int[] rows = new int[n];
            for (int j = 0; j < n; j++) {
                keys[j] = random.nextInt(1 << bits);
                rows[j] = 3 * j; // ascending, as the moved rows arrive
            }
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            Arrays.sort(order, java.util.Comparator.comparingInt((Integer j) -> keys[j])); // stable
            try (org.officialdom.engine.Parallel p = new org.officialdom.engine.Parallel(2)) {
                for (int blockRows : new int[] {1 << 20, 4096, 333, 1}) {
                    int[][] got = UnitRankIndex.sortByKey(keys.clone(), rows.clone(), new int[n], new int[n], n, bits, blockRows, p);
                    for (int j = 0; j < n; j++) {
                        if (got[0][j] != keys[order[j]] || got[1][j] != rows[order[j]]) {
                            throw new AssertionError("bits " + bits + ", blocks of " + blockRows + ": place " + j
                                    + " holds (" + got[0][j] + ", " + got[1][j] + "), expected (" + keys[order[j]] + ", " + rows[order[j]] + ")");
                        }
                    }
                }
            }
        }
    }

    private static void assertListsEveryKey(Bureaucracy m, UnitRankIndex index) {
        Officials o = m.officials();
        int R = m.organisation().ranks;
        List<List<Integer>> expected = new ArrayList<>();
        for (int k = 0; k < m.organisation().units() * R; k++) {
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
