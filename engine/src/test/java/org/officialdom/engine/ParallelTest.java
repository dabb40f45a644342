package org.officialdom.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void chunksCoverEveryRowExactlyOnce() {
        int n = 3 * Parallel.CHUNK + 17;
        int[] hits = new int[n];
        try (Parallel p = new Parallel(4)) {
            p.forEach(n, c -> {
                for (int i = c.from(); i < c.to(); i++) {
                    hits[i]++;
                }
            });
        }
        for (int h : hits) {
            assertThat(h).isEqualTo(1);
        }
        assertThat(Parallel.chunks(n)).isEqualTo(4);
        assertThat(Parallel.chunks(0)).isZero();
    }

    @Test
    void floatingPointSumIsIdenticalForAnyThreadCount() {
        int n = 7 * Parallel.CHUNK + 5;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.sin(i) * 1e6 + 1e-7 * i; // values whose sum depends on the order of adding
        }
        double reference;
        try (Parallel one = new Parallel(1)) {
            reference = one.sum(n, c -> partial(v, c));
        }
        for (int t : new int[] {2, 3, 8}) {
            try (Parallel p = new Parallel(t)) {
                assertThat(Double.doubleToRawLongBits(p.sum(n, c -> partial(v, c))))
                        .isEqualTo(Double.doubleToRawLongBits(reference));
            }
        }
    }

    private static double partial(double[] v, Chunk c) {
        double s = 0;
        for (int i = c.from(); i < c.to(); i++) {
            s += v[i];
        }
        return s;
    }

    @Test
    void groupTallyIsExactAndThreadIndependent() {
        int n = 5 * Parallel.CHUNK;
        double[] results = new double[3];
        int k = 0;
        for (int t : new int[] {1, 2, 5}) {
            try (Parallel p = new Parallel(t)) {
                GroupTally tally = new GroupTally(10, 1, t);
                p.forEach(n, c -> {
                    for (int i = c.from(); i < c.to(); i++) {
                        tally.count(c.worker(), i % 10, 0.25);
                    }
                });
                assertThat(tally.countOf(3)).isEqualTo(n / 10);
                assertThat(tally.sumOf(3, 0)).isEqualTo(0.25 * (n / 10));
                results[k++] = tally.meanOf(7, 0);
            }
        }
        assertThat(results).containsOnly(0.25);
    }

    @Test
    void aFailureInsideAPassReachesTheCaller() {
        try (Parallel p = new Parallel(2)) {
            assertThatThrownBy(() -> p.forEach(4 * Parallel.CHUNK, c -> {
                if (c.index() == 2) {
                    throw new IllegalStateException("boom");
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
            // every chunk fails, on the calling thread and on the pool's; the pass still ends, once
            assertThatThrownBy(() -> p.forEach(64 * Parallel.CHUNK, c -> {
                throw new IllegalArgumentException("chunk " + c.index());
            })).isInstanceOf(IllegalArgumentException.class);
            // and the next pass runs on all workers as usual
            assertThat(p.count(64 * Parallel.CHUNK, c -> c.to() - c.from())).isEqualTo(64L * Parallel.CHUNK);
        }
    }

    @Test
    void selectionIsInRowOrderForAnyThreadCount() {
        int n = 5 * Parallel.CHUNK + 123;
        int[] expected = java.util.stream.IntStream.range(0, n).filter(i -> i % 7 == 3 || i == n - 1).toArray();
        for (int threads : new int[] {1, 2, 3}) {
            try (Parallel p = new Parallel(threads)) {
                int[] rows = p.select(n, (c, out) -> {
                    int k = 0;
                    for (int i = c.from(); i < c.to(); i++) {
                        if (i % 7 == 3 || i == n - 1) {
                            out[k++] = i;
                        }
                    }
                    return k;
                });
                assertThat(rows).containsExactly(expected);
            }
        }
    }

    @Test
    void chunkLocalTalliesAndIncrementsEqualTheSharedOnes() {
        int n = 3 * Parallel.CHUNK + 77;
        for (int t : new int[] {1, 2, 3}) {
            try (Parallel p = new Parallel(t)) {
                GroupTally shared = new GroupTally(5, 1, t);
                GroupTally local = new GroupTally(5, 1, t);
                p.forEach(n, c -> {
                    GroupTally.Local l = local.local();
                    for (int i = c.from(); i < c.to(); i++) {
                        shared.count(c.worker(), i % 5, i * 1e-3);
                        l.count(i % 5, i * 1e-3);
                        shared.increment(c.worker(), i % 5, 0);
                    }
                    l.addCount(4, 1);
                    local.merge(c.worker(), l);
                });
                for (int g = 0; g < 5; g++) {
                    assertThat(local.sumOf(g, 0)).isEqualTo(shared.sumOf(g, 0) - shared.countOf(g));
                    assertThat(local.countOf(g)).isEqualTo(shared.countOf(g) + (g == 4 ? Parallel.chunks(n) : 0));
                }
            }
        }
    }

    @Test
    void smallChunksAndNumberedTasksCoverEverythingOnce() {
        int n = 1000;
        for (int t : new int[] {1, 2, 4}) {
            try (Parallel p = new Parallel(t)) {
                int[] seen = new int[n];
                p.forEach(n, 64, c -> {
                    assertThat(c.to() - c.from()).isLessThanOrEqualTo(64);
                    assertThat(c.from()).isEqualTo(64 * c.index());
                    for (int i = c.from(); i < c.to(); i++) {
                        seen[i]++;
                    }
                });
                assertThat(seen).containsOnly(1);
                int[] ran = new int[7];
                p.run(7, task -> ran[task]++);
                assertThat(ran).containsOnly(1);
            }
        }
    }

    @Test
    void severalCountsAtOnceAreExactForAnyThreadCountAndChunkSize() {
        int n = 2 * Parallel.CHUNK + 999;
        for (int t : new int[] {1, 2, 3}) {
            try (Parallel p = new Parallel(t)) {
                for (int size : new int[] {100, Parallel.CHUNK}) {
                    long[] c = p.counts(n, size, 3, (chunk, acc) -> {
                        for (int i = chunk.from(); i < chunk.to(); i++) {
                            acc[i % 3]++;
                            acc[2] += i;
                        }
                    });
                    long sum = (long) n * (n - 1) / 2;
                    assertThat(c).containsExactly((n + 2) / 3, (n + 1) / 3, n / 3 + sum);
                }
            }
        }
    }

    @Test
    void fixedPointRoundingIsMathRoundBitForBit() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        double[] edges = {0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
                0.5000000000000001, -0.5000000000000001, 4503599627370495.5, -4503599627370495.5, 0x1p52, 0x1p53 + 2,
                0x1p62, -0x1p62, 0x1p62 - 1024, 0x1p63, -0x1p63, 1e300, -1e300, Double.MAX_VALUE, Double.MIN_VALUE,
                -Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int k = -2; k <= 63; k++) { // around ±2^k and ±(2^k ± 0.5), where adding 0.5 may round
            for (double c : new double[] {Math.scalb(1.0, k), Math.scalb(1.0, k) - 0.5, Math.scalb(1.0, k) + 0.5}) {
                double x = c;
                for (int j = 0; j < 4; j++) {
                    x = Math.nextDown(x);
                }
                for (int j = 0; j < 9; j++, x = Math.nextUp(x)) {
                    assertThat(GroupTally.roundHalfUp(x)).as("rounding %s", x).isEqualTo(Math.round(x));
                    assertThat(GroupTally.roundHalfUp(-x)).as("rounding %s", -x).isEqualTo(Math.round(-x));
                }
            }
        }
        for (double x : edges) {
            assertThat(GroupTally.roundHalfUp(x)).as("rounding %s", x).isEqualTo(Math.round(x));
        }
        for (int k = 0; k < 1_000_000; k++) {
            double x = switch (k % 4) {
                case 0 -> r.nextDouble(-1e6, 1e6);
                case 1 -> Math.floor(r.nextDouble(-1e6, 1e6)) + 0.5; // ties
                case 2 -> Double.longBitsToDouble(r.nextLong()); // any bit pattern
                default -> (float) r.nextDouble() * (double) (1L << GroupTally.FRACTION_BITS); // a float column's value
            };
            assertThat(GroupTally.roundHalfUp(x)).as("rounding %s", x).isEqualTo(Math.round(x));
        }
    }
}
