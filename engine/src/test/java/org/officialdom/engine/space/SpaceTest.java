package org.officialdom.engine.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpaceTest {

    @Test
    void regularHierarchyHasTheRightShape() {
        Hierarchy h = Hierarchy.regular(3, 2);
        assertThat(h.size()).isEqualTo(1 + 3 + 6);
        assertThat(h.countByDepth()).containsExactly(1, 3, 6);
        assertThat(h.childCount(0)).isEqualTo(3);
        int leaf = h.child(h.child(0, 1), 1);
        assertThat(h.depth(leaf)).isEqualTo(2);
        assertThat(h.isAncestor(0, leaf)).isTrue();
        assertThat(h.isAncestor(h.child(0, 0), leaf)).isFalse();
        assertThat(h.parent(0)).isEqualTo(-1);
    }

    @Test
    void parentsMustComeFirst() {
        assertThatThrownBy(() -> Hierarchy.fromParents(new int[] {-1, 2, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void torusNeighbourhoodsMatchTheirShapes() {
        TorusGrid g = new TorusGrid(40, 40);
        int centre = g.cell(0, 0);
        assertThat(g.neighbourhood(centre, 1.7, TorusGrid.Neighbourhood.EUCLIDEAN)).hasSize(8);
        assertThat(g.neighbourhood(centre, 1, TorusGrid.Neighbourhood.VON_NEUMANN)).hasSize(4);
        assertThat(g.neighbourhood(centre, 2, TorusGrid.Neighbourhood.MOORE)).hasSize(24);
        // radius 7 disc: lattice points with dx^2+dy^2 <= 49, minus the centre
        int expected = 0;
        for (int dx = -7; dx <= 7; dx++) {
            for (int dy = -7; dy <= 7; dy++) {
                if (dx * dx + dy * dy <= 49) {
                    expected++;
                }
            }
        }
        assertThat(g.neighbourhood(centre, 7, TorusGrid.Neighbourhood.EUCLIDEAN)).hasSize(expected - 1);
        // any part of the cell within the radius (MASON's rule): 20 cells at 1.7, 184 at 7 (185 with the centre)
        assertThat(g.neighbourhood(centre, 1.7, TorusGrid.Neighbourhood.EUCLIDEAN_ANY_PART)).hasSize(20);
        assertThat(g.neighbourhood(centre, 7, TorusGrid.Neighbourhood.EUCLIDEAN_ANY_PART)).hasSize(184);
        assertThat(g.neighbourhood(centre, 1, TorusGrid.Neighbourhood.EUCLIDEAN_ANY_PART)).hasSize(8);
        assertThat(TorusGrid.reach(7, TorusGrid.Neighbourhood.EUCLIDEAN_ANY_PART)).isEqualTo(7);
        assertThat(TorusGrid.reach(1.7, TorusGrid.Neighbourhood.EUCLIDEAN_ANY_PART)).isEqualTo(2);
        assertThat(g.cell(-1, -1)).isEqualTo(g.cell(39, 39)); // wraps
        g.put(centre, 12);
        assertThat(g.get(centre)).isEqualTo(12);
        assertThat(g.isEmpty(g.cell(1, 0))).isTrue();
    }
}
