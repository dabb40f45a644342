package org.officialdom.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.table.AgentTable;
import org.officialdom.engine.table.IntColumn;

class GroupIndexTest {

    /**
     * Agents laid out by group, then moved between groups, removed and added at random: after each
     * round the index brought up to date lists every group's rows in ascending order, as a brute-force
     * scan does, whether kept as a sorted base with moved rows or built by a full counting sort; and
     * after a reordering it is a sorted base again.
     */
    @Test
    void listsEveryGroupsRowsAsTheyMove() {
        int groups = 40;
        AgentTable t = new AgentTable(0);
        IntColumn group = t.addInt("group");
        t.addMany(2000);
        for (int i = 0; i < t.size(); i++) {
            group.values()[i] = i * groups / t.size();
        }
        SplittableRandom random = new SplittableRandom(7);
        GroupIndex index = new GroupIndex(groups);
        assertThat(index.adopt(t, keys(group))).as("rows in group order").isTrue();
        try (Parallel p = new Parallel(2)) {
            for (int round = 0; round < 12; round++) {
                for (int k = 0; k < 50; k++) {
                    group.values()[random.nextInt(t.size())] = random.nextInt(groups);
                }
                int[] gone = random.ints(30, 0, t.size()).distinct().sorted().toArray();
                t.removeRows(gone);
                int first = t.addMany(25);
                for (int i = first; i < t.size(); i++) {
                    group.values()[i] = random.nextInt(groups);
                }
                index.refresh(t, keys(group), p);
                assertThat(index.hasBase()).isTrue();
                assertListsEveryGroup(t, group, index, groups);
                GroupIndex full = new GroupIndex(groups);
                full.full(t, keys(group), p);
                assertListsEveryGroup(t, group, full, groups);
                if (round % 4 == 3) {
                    t.permute(index.rowsInKeyOrder(t, keys(group), p), p);
                    index.adoptPermuted(t, keys(group), p);
                    assertThat(index.moved()).isZero();
                    for (int i = 1; i < t.size(); i++) {
                        assertThat(group.values()[i]).as("row %d after the reordering", i).isGreaterThanOrEqualTo(group.values()[i - 1]);
                    }
                    assertListsEveryGroup(t, group, index, groups);
                }
            }
        }
    }

    /** A table not in group order is not adopted as a base. */
    @Test
    void refusesAnUnsortedLayoutAsItsBase() {
        AgentTable t = new AgentTable(0);
        IntColumn group = t.addInt("group");
        t.addMany(3);
        group.values()[0] = 2;
        assertThat(new GroupIndex(3).adopt(t, keys(group))).isFalse();
    }

    /**
     * The moved rows' radix sort in blocks on the workers gives the (key, row) order a sequential
     * stable sort gives, however many blocks it is split into (including blocks smaller than a digit's
     * spread and a key space needing three passes).
     */
    @Test
    void theBlockedRadixSortIsAStableSortByKey() {
        SplittableRandom random = new SplittableRandom(3);
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
            try (Parallel p = new Parallel(2)) {
                for (int blockRows : new int[] {1 << 20, 4096, 333, 1}) {
                    int[][] got = GroupIndex.sortByKey(keys.clone(), rows.clone(), new int[n], new int[n], n, bits, blockRows, p);
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

    private static GroupIndex.Keys keys(IntColumn group) {
        int[] g = group.values();
        return row -> g[row];
    }

    private static void assertListsEveryGroup(AgentTable t, IntColumn group, GroupIndex index, int groups) {
        List<List<Integer>> expected = new ArrayList<>();
        for (int k = 0; k < groups; k++) {
            expected.add(new ArrayList<>());
        }
        for (int i = 0; i < t.size(); i++) {
            expected.get(group.values()[i]).add(i);
        }
        RowList rows = new RowList();
        for (int k = 0; k < groups; k++) {
            index.collect(k, rows);
            int[] got = new int[rows.size()];
            for (int q = 0; q < got.length; q++) {
                got[q] = rows.get(q);
            }
            assertThat(got).as("rows of group %d", k).containsExactly(expected.get(k).stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
