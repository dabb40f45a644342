package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.Simulation;

class CareersTest {

    @Test
    void headsDueForRotationSwapUnitsInPairsWithinTheirLevel() {
        BureaucracyParameters q = Fixtures.quiet(2000, 0.5, 0.1).with("careers.rotation_months", 0)
                .with("careers.rotation_rate", 1.0);
        Bureaucracy m = new Bureaucracy(q);
        try (Simulation sim = new Simulation(m, 9, 1)) {
            Officials o = m.officials();
            Organisation org = m.organisation();
            Map<Integer, Integer> unitBefore = new HashMap<>();
            int[] postsBefore = occupied(org);
            for (int i = 0; i < o.size(); i++) {
                unitBefore.put(o.table.id(i), o.unit.values()[i]);
            }
            sim.step();
            int moved = 0;
            int heads = 0;
            for (int i = 0; i < o.size(); i++) {
                int id = o.table.id(i);
                int u = o.unit.values()[i];
                int was = unitBefore.get(id);
                if (u != was) {
                    moved++;
                    // a rotated official is a head, at the same level, and starts afresh in post
                    assertThat(o.rank.values()[i]).isEqualTo((byte) org.topRank(u));
                    assertThat(org.levelOf(u)).isEqualTo(org.levelOf(was));
                    assertThat(o.inPost.values()[i]).isZero();
                }
                if (was != 0 && o.rank.values()[i] == org.topRank(was)) {
                    heads++;
                }
            }
            // every head below the centre is due (rate 1); all but at most one per level find a partner
            assertThat(moved).isGreaterThanOrEqualTo(heads - org.levels()).isEven();
            assertThat(Fixtures.last(sim.metrics(), "rotations")).isEqualTo(moved);
            // swaps never change how many hold each post
            assertThat(occupied(org)).containsExactly(postsBefore);
        }
    }

    private static int[] occupied(Organisation org) {
        int[] n = new int[org.units() * org.ranks()];
        for (int u = 0; u < org.units(); u++) {
            for (int r = 0; r < org.ranks(); r++) {
                n[u * org.ranks() + r] = org.occupied(u, r);
            }
        }
        return n;
    }
}
