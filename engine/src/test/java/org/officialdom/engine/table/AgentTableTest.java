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
        t.addLong("l");
        t.addFloat("f");
        t.addDouble("d");
        assertThat(t.bytesPerAgent()).isEqualTo(1 + 1 + 2 + 4 + 8 + 4 + 8 + 8);
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
}
