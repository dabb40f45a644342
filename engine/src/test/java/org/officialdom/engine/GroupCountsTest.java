package org.officialdom.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GroupCountsTest {

    /** Rows 0..n-1, row i in group i % 7; counter 0 counts every row, counter 1 the even ones. */
    private static GroupCounts countRows(int n, int threads) {
        try (Parallel parallel = new Parallel(threads)) {
            GroupCounts counts = new GroupCounts(7, 2, threads);
            parallel.forEach(n, c -> {
                for (int i = c.from(); i < c.to(); i++) {
                    counts.increment(c.worker(), i % 7, 0);
                    if (i % 2 == 0) {
                        counts.increment(c.worker(), i % 7, 1);
                    }
                }
            });
            return counts;
        }
    }

    @Test
    void countsSumOverTheWorkersWhateverTheThreads() {
        int n = 5 * Parallel.CHUNK + 3;
        for (int threads : new int[] {1, 2, 3}) {
            GroupCounts counts = countRows(n, threads);
            long all = 0;
            for (int g = 0; g < 7; g++) {
                int group = g;
                long expected = java.util.stream.IntStream.range(0, n).filter(i -> i % 7 == group).count();
                long even = java.util.stream.IntStream.range(0, n).filter(i -> i % 7 == group && i % 2 == 0).count();
                assertThat(counts.count(g, 0)).as("group %d on %d threads", g, threads).isEqualTo(expected);
                assertThat(counts.count(g, 1)).isEqualTo(even);
                all += counts.count(g, 0);
            }
            assertThat(all).isEqualTo(n);
        }
    }

    @Test
    void resetClearsEveryCounter() {
        GroupCounts counts = countRows(1000, 2);
        assertThat(counts.count(0, 0)).isPositive();
        try (Parallel parallel = new Parallel(2)) {
            counts.reset(parallel);
        }
        for (int g = 0; g < 7; g++) {
            assertThat(counts.count(g, 0)).isZero();
            assertThat(counts.count(g, 1)).isZero();
        }
    }

    @Test
    void runsAddedAtOnceCountAsTheirRows() {
        int n = 3 * Parallel.CHUNK + 11;
        try (Parallel parallel = new Parallel(2)) {
            GroupCounts counts = new GroupCounts(7, 1, 2);
            // rows in runs of one group (i / 100 % 7), each run added when the group changes
            parallel.forEach(n, c -> {
                int group = -1;
                int run = 0;
                for (int i = c.from(); i < c.to(); i++) {
                    int g = i / 100 % 7;
                    if (g != group) {
                        if (run > 0) {
                            counts.add(c.worker(), group, 0, run);
                        }
                        group = g;
                        run = 0;
                    }
                    run++;
                }
                if (run > 0) {
                    counts.add(c.worker(), group, 0, run);
                }
            });
            for (int g = 0; g < 7; g++) {
                int group = g;
                assertThat(counts.count(g, 0)).isEqualTo(java.util.stream.IntStream.range(0, n).filter(i -> i / 100 % 7 == group).count());
            }
        }
    }

    @Test
    void refusesMoreCountersThanAnArrayHolds() {
        assertThatThrownBy(() -> new GroupCounts(Integer.MAX_VALUE / 2, 4, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too many groups");
    }
}
