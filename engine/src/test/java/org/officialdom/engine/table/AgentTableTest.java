package org.officialdom.engine.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentTableTest {

    @Test
    void bytesPerAgentIsTheSumOfColumnWidthsPlusIdAndIndex() {
        AgentTable t = new AgentTable(4);
        t.addBool("b");
        t.addByte("y");
        t.addShort("s");
        t.addInt("i");
        t.addFloat("f");
        t.addDouble("d");
        assertThat(t.bytesPerAgent()).isEqualTo(1 + 1 + 2 + 4 + 4 + 8 + 8);
    }

    @Test
    void idsAreStableWhenAgentsLeaveAndJoin() {
        AgentTable t = new AgentTable(2);
        IntColumn tag = t.addInt("tag");
        BoolColumn out = t.addBool("out");
        for (int k = 0; k < 10; k++) {
            int row = t.add();
            tag.set(row, 100 + t.id(row));
        }
        // remove ids 2, 5 and 9
        out.set(t.rowOf(2), true);
        out.set(t.rowOf(5), true);
        out.set(t.rowOf(9), true);
        assertThat(t.removeFlagged(out)).isEqualTo(3);
        assertThat(t.size()).isEqualTo(7);
        assertThat(t.rowOf(2)).isEqualTo(-1);
        assertThat(t.isLive(5)).isFalse();
        for (int id : new int[] {0, 1, 3, 4, 6, 7, 8}) {
            int row = t.rowOf(id);
            assertThat(t.id(row)).isEqualTo(id);
            assertThat(tag.get(row)).isEqualTo(100 + id);
            assertThat(out.get(row)).isFalse();
        }
        int row = t.add();
        assertThat(t.id(row)).isEqualTo(10);
        assertThat(tag.get(row)).isZero();
        assertThat(t.idsIssued()).isEqualTo(11);
    }

    @Test
    void removingEveryAgentLeavesAnEmptyTable() {
        AgentTable t = new AgentTable(1);
        BoolColumn out = t.addBool("out");
        t.addMany(50);
        for (int r = 0; r < 50; r++) {
            out.set(r, true);
        }
        assertThat(t.removeFlagged(out)).isEqualTo(50);
        assertThat(t.size()).isZero();
        assertThat(t.rowOf(49)).isEqualTo(-1);
    }

    @Test
    void columnsAddedLaterGrowWithTheTable() {
        AgentTable t = new AgentTable(2);
        t.addMany(40);
        DoubleColumn late = t.addDouble("late");
        assertThat(late.values().length).isGreaterThanOrEqualTo(40);
        assertThat(t.column("late")).isSameAs(late);
    }

    @Test
    void removalFillsEachHoleWithTheCurrentLastRow() {
        AgentTable t = new AgentTable(4);
        IntColumn tag = t.addInt("tag");
        t.addMany(10);
        for (int r = 0; r < 10; r++) {
            tag.set(r, 100 + r);
        }
        // from the last: row 9 is the last (no move); row 5 gets row 8; row 2 gets row 7
        assertThat(t.removeRows(new int[] {2, 5, 9}, null)).isEqualTo(3);
        int[] ids = new int[t.size()];
        for (int r = 0; r < t.size(); r++) {
            ids[r] = t.id(r);
            assertThat(tag.get(r)).isEqualTo(100 + t.id(r));
        }
        assertThat(ids).containsExactly(0, 1, 7, 3, 4, 8, 6);
        assertThat(t.rowOf(8)).isEqualTo(5);
        assertThat(t.rowOf(9)).isEqualTo(-1);
        int row = t.add();
        assertThat(tag.get(row)).isZero();
    }

    @Test
    void removalOnTheWorkersGivesTheSameLayout() {
        try (org.officialdom.engine.Parallel p = new org.officialdom.engine.Parallel(3)) {
            AgentTable a = new AgentTable(8);
            AgentTable b = new AgentTable(8);
            FloatColumn fa = a.addFloat("f");
            FloatColumn fb = b.addFloat("f");
            a.addByte("y");
            b.addByte("y");
            a.addMany(5000);
            b.addMany(5000);
            for (int r = 0; r < 5000; r++) {
                fa.set(r, r * 0.5f);
                fb.set(r, r * 0.5f);
            }
            int[] rows = java.util.stream.IntStream.range(0, 5000).filter(r -> r % 7 == 1 || r > 4990).toArray();
            a.removeRows(rows);
            b.removeRows(rows, p);
            assertThat(b.size()).isEqualTo(a.size());
            for (int r = 0; r < a.size(); r++) {
                assertThat(b.id(r)).isEqualTo(a.id(r));
                assertThat(fb.get(r)).isEqualTo(fa.get(r)).isEqualTo(a.id(r) * 0.5f);
            }
        }
    }

    @Test
    void removingRowsOutOfOrderIsRefused() {
        AgentTable t = new AgentTable(4);
        t.addMany(4);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.removeRows(new int[] {2, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.removeRows(new int[] {4}))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void addingManyAtOnceGivesFreshZeroRowsAndConsecutiveIds() {
        AgentTable t = new AgentTable(2);
        FloatColumn f = t.addFloat("f");
        BoolColumn gone = t.addBool("gone");
        t.addMany(10);
        for (int r = 0; r < 10; r++) {
            f.set(r, 1.5f);
        }
        gone.set(9, true);
        t.removeFlagged(gone);
        int first = t.addMany(5000);
        assertThat(first).isEqualTo(9);
        assertThat(t.size()).isEqualTo(5009);
        for (int r = first; r < t.size(); r++) {
            assertThat(f.get(r)).isZero();
            assertThat(t.id(r)).isEqualTo(10 + r - first);
            assertThat(t.rowOf(t.id(r))).isEqualTo(r);
        }
    }

    @Test
    void permutingMovesEveryColumnWithItsIdAndSharesNothingBetweenColumns() {
        for (boolean onWorkers : new boolean[] {false, true}) {
            AgentTable t = new AgentTable(8);
            FloatColumn f1 = t.addFloat("f1");
            FloatColumn f2 = t.addFloat("f2");
            IntColumn n = t.addInt("n");
            BoolColumn b = t.addBool("b");
            DoubleColumn d = t.addDouble("d");
            t.addMany(6);
            t.removeRows(new int[] {1}); // ids no longer follow rows
            for (int r = 0; r < t.size(); r++) {
                int id = t.id(r);
                f1.set(r, id + 0.5f);
                f2.set(r, -id);
                n.set(r, 10 * id);
                b.set(r, id % 2 == 0);
                d.set(r, id / 3.0);
            }
            int[] order = {4, 2, 0, 3, 1, 99}; // entries past size() are ignored
            int[] idsBefore = new int[t.size()];
            for (int r = 0; r < t.size(); r++) {
                idsBefore[r] = t.id(r);
            }
            try (org.officialdom.engine.Parallel p = new org.officialdom.engine.Parallel(2)) {
                t.permute(order, onWorkers ? p : null);
            }
            assertMoved(t, idsBefore, order, f1, f2, n);
            for (int r = 0; r < t.size(); r++) {
                assertThat(b.get(r)).isEqualTo(t.id(r) % 2 == 0);
                assertThat(d.get(r)).isEqualTo(t.id(r) / 3.0);
            }
            assertThat(t.rowOf(1)).isEqualTo(-1);
            assertThat(f1.values()).isNotSameAs(f2.values());
        }
    }

    /** Row r holds the agent that was at row order[r], with the column values set from its id. */
    private static void assertMoved(AgentTable t, int[] idsBefore, int[] order, FloatColumn f1, FloatColumn f2, IntColumn n) {
        for (int r = 0; r < t.size(); r++) {
            int id = t.id(r);
            assertThat(id).isEqualTo(idsBefore[order[r]]);
            assertThat(t.rowOf(id)).isEqualTo(r);
            assertThat(f1.get(r)).isEqualTo(id + 0.5f);
            assertThat(f2.get(r)).isEqualTo(-id);
            assertThat(n.get(r)).isEqualTo(10 * id);
        }
    }

    @Test
    void repeatedPermutationsOnWorkersKeepEveryRowWithItsIdAndClearTheRest() {
        int rows = 2 * org.officialdom.engine.Parallel.CHUNK + 7;
        AgentTable t = new AgentTable(rows);
        FloatColumn f1 = t.addFloat("f1");
        FloatColumn f2 = t.addFloat("f2");
        IntColumn n = t.addInt("n");
        t.addMany(rows);
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        try (org.officialdom.engine.Parallel p = new org.officialdom.engine.Parallel(2)) {
            for (int round = 0; round < 3; round++) {
                for (int r = 0; r < t.size(); r++) {
                    f1.set(r, t.id(r) + 0.5f);
                    f2.set(r, -t.id(r));
                    n.set(r, 10 * t.id(r));
                }
                int[] order = java.util.stream.IntStream.range(0, t.size()).toArray();
                for (int k = order.length - 1; k > 0; k--) {
                    int j = random.nextInt(k + 1);
                    int x = order[k];
                    order[k] = order[j];
                    order[j] = x;
                }
                int[] idsBefore = java.util.Arrays.copyOf(t.ids(), t.size());
                t.permute(order, p);
                assertMoved(t, idsBefore, order, f1, f2, n);
                for (int r = t.size(); r < rows; r++) {
                    assertThat(f1.values()[r]).isZero();
                    assertThat(n.values()[r]).isZero();
                    assertThat(t.ids()[r]).isZero();
                }
                // fewer rows for the next round: the spare arrays hold values past the new size
                t.removeRows(new int[] {0, 5, t.size() - 1}, p);
            }
        }
    }

    @Test
    void anOrderThatIsNotAPermutationIsRefused() {
        AgentTable t = new AgentTable(4);
        t.addInt("n");
        t.addMany(3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.permute(new int[] {0, 0, 1}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a permutation");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.permute(new int[] {0, 1}, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reservingOnTheWorkersKeepsEveryRowAndLaterAgentsStartFromZero() {
        AgentTable t = new AgentTable(4);
        FloatColumn f = t.addFloat("f");
        IntColumn n = t.addInt("n");
        t.addMany(10);
        for (int r = 0; r < 10; r++) {
            f.set(r, r + 0.5f);
            n.set(r, 7 * r);
        }
        try (org.officialdom.engine.Parallel p = new org.officialdom.engine.Parallel(2)) {
            t.reserve(100_000, p);
        }
        assertThat(f.capacity()).isEqualTo(100_000);
        assertThat(n.capacity()).isEqualTo(100_000);
        assertThat(t.ids()).hasSize(100_000);
        for (int r = 0; r < 10; r++) {
            assertThat(f.get(r)).isEqualTo(r + 0.5f);
            assertThat(n.get(r)).isEqualTo(7 * r);
            assertThat(t.rowOf(r)).isEqualTo(r);
        }
        // a row that held an agent is cleared when an agent comes to it again, even if something
        // wrote past the live rows; rows that never held one are zero as allocated
        t.removeRows(new int[] {8, 9});
        f.values()[9] = 3f;
        int first = t.addMany(5);
        assertThat(first).isEqualTo(8);
        for (int r = first; r < t.size(); r++) {
            assertThat(f.get(r)).isZero();
            assertThat(n.get(r)).isZero();
            assertThat(t.id(r)).isEqualTo(10 + r - first);
        }
        int row = t.add();
        assertThat(row).isEqualTo(13);
        assertThat(f.get(row)).isZero();
    }
}
