package org.officialdom.engine;

/**
 * Per-group counts and sums (per unit, per rank, per level) gathered by a parallel pass.
 *
 * <p>Each worker adds into its own row of accumulators; the rows are merged afterwards. Sums are
 * kept in fixed point (value × 2^{@value #FRACTION_BITS}, rounded to the nearest integer) so that
 * addition is exact integer addition: associative, hence the same bits whatever the thread count
 * and whichever worker took which chunk. The resolution is 2^-{@value #FRACTION_BITS} (about
 * 1e-6) per added value, and a group's sum must stay below 2^43 in magnitude.
 */
public final class GroupTally {

    public static final int FRACTION_BITS = 20;
    private static final double SCALE = 1L << FRACTION_BITS;
    private static final long ONE = 1L << FRACTION_BITS;
    /**
     * Unused longs before and after each worker's row (two cache lines each way), so that two
     * workers counting into small tallies never write to the same cache line (false sharing).
     */
    private static final int PAD = 16;

    private final int groups;
    private final int measures;
    private final long[][] acc; // [worker][group * measures + measure]

    /**
     * @param groups   number of groups (ids 0..groups-1)
     * @param measures number of sums kept per group (a count is kept separately)
     * @param workers  number of worker threads of the {@link Parallel} that fills it
     */
    public GroupTally(int groups, int measures, int workers) {
        this.groups = groups;
        this.measures = measures;
        this.acc = new long[workers][(long) groups * (measures + 1) + 2 * PAD > Integer.MAX_VALUE
                ? failSize(groups, measures) : groups * (measures + 1) + 2 * PAD];
    }

    /** A value in fixed point: {@code Math.round(v * 2^FRACTION_BITS)}, bit for bit. */
    static long fixed(double v) {
        return roundHalfUp(v * SCALE);
    }

    /**
     * {@link Math#round(double)}, the same long for every double, faster on the usual path. For
     * 0.5 ≤ x < 2^52, adding 0.5 is exact or, where the sum crosses a power of two, rounds within
     * the same whole number, so the truncated sum is the rounded value; values in (-0.5, 0.5) round
     * to 0; everything else (negative values, huge ones, NaN) goes to Math.round, which is plain Java
     * code in Java 17 and cost a quarter of the metrics pass.
     */
    static long roundHalfUp(double x) {
        if (x >= 0.5 && x < 0x1p52) {
            return (long) (x + 0.5);
        }
        if (x > -0.5 && x < 0.5) {
            return 0;
        }
        return Math.round(x);
    }

    private static int failSize(int groups, int measures) {
        throw new IllegalArgumentException("too many groups for one tally: " + groups + " x " + (measures + 1));
    }

    public int groups() {
        return groups;
    }

    /**
     * Accumulators of one chunk, for hot loops over few groups (histograms): the loop adds into a
     * private array without touching the shared rows, then {@link #merge} adds it to the worker's
     * row. The result is identical to calling the tally's own methods, because the sums are integers.
     */
    public final class Local {
        private final long[] a = new long[groups * (measures + 1)];

        public void count(int group) {
            a[group * (measures + 1)]++;
        }

        public void count(int group, double v0) {
            int base = group * (measures + 1);
            a[base]++;
            a[base + 1] += fixed(v0);
        }

        public void addCount(int group, long n) {
            a[group * (measures + 1)] += n;
        }
    }

    /** Fresh chunk-local accumulators for this tally's groups. */
    public Local local() {
        return new Local();
    }

    /** Adds a chunk's local accumulators to the worker's row. */
    public void merge(int worker, Local local) {
        long[] row = acc[worker];
        long[] a = local.a;
        for (int k = 0; k < a.length; k++) {
            row[PAD + k] += a[k];
        }
    }

    /** Counts one member of {@code group}. */
    public void count(int worker, int group) {
        acc[worker][PAD + group * (measures + 1)]++;
    }

    /** Counts {@code n} members of {@code group} at once (a chunk's tally of a rare event). */
    public void addCount(int worker, int group, long n) {
        acc[worker][PAD + group * (measures + 1)] += n;
    }

    /** Adds {@code value} to measure {@code measure} of {@code group}. */
    public void add(int worker, int group, int measure, double value) {
        acc[worker][PAD + group * (measures + 1) + 1 + measure] += fixed(value);
    }

    /** Adds exactly 1 to measure {@code measure} of {@code group} (a count kept as a measure). */
    public void increment(int worker, int group, int measure) {
        acc[worker][PAD + group * (measures + 1) + 1 + measure] += ONE;
    }

    /** Counts a member and adds its values in one call. */
    public void count(int worker, int group, double v0) {
        long[] a = acc[worker];
        int base = PAD + group * (measures + 1);
        a[base]++;
        a[base + 1] += fixed(v0);
    }

    /** Merged count of a group. */
    public long countOf(int group) {
        long s = 0;
        int at = PAD + group * (measures + 1);
        for (long[] a : acc) {
            s += a[at];
        }
        return s;
    }

    /** Merged sum of a measure of a group. */
    public double sumOf(int group, int measure) {
        long s = 0;
        int at = PAD + group * (measures + 1) + 1 + measure;
        for (long[] a : acc) {
            s += a[at];
        }
        return s / SCALE;
    }

    /** Merged mean of a measure of a group (0 for an empty group). */
    public double meanOf(int group, int measure) {
        long n = countOf(group);
        return n == 0 ? 0.0 : sumOf(group, measure) / n;
    }

    /** Sets every accumulator to zero for reuse in the next step. */
    public void reset() {
        for (long[] a : acc) {
            java.util.Arrays.fill(a, 0L);
        }
    }
}
