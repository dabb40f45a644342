package org.officialdom.engine;

/**
 * Per-group counters (per unit: staff, members of the circle, leavers...) gathered by a parallel
 * pass: {@code width} int counters per group, one row of them per worker, summed when read.
 *
 * <p>For counts only; sums of values go to {@link GroupTally}. Integer addition is associative, so
 * the totals are the same whatever the thread count and whichever worker took which chunk. Ints
 * take half the memory of {@link GroupTally}'s fixed-point longs, which matters when there are
 * millions of groups, cleared, filled and read every step. A counter must stay below 2^31 per worker.
 */
public final class GroupCounts {

    /** Unused ints before and after each worker's row, so that two workers never share a cache line. */
    private static final int PAD = 32;

    private final int groups;
    private final int width;
    private final int[][] rows; // [worker][PAD + group * width + k]

    /**
     * @param groups  number of groups (ids 0..groups-1)
     * @param width   counters per group
     * @param workers number of worker threads of the {@link Parallel} that fills it
     */
    public GroupCounts(int groups, int width, int workers) {
        if ((long) groups * width + 2L * PAD > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many groups for one set of counters: " + groups + " x " + width);
        }
        this.groups = groups;
        this.width = width;
        this.rows = new int[workers][groups * width + 2 * PAD];
    }

    public int groups() {
        return groups;
    }

    /** Adds one to counter {@code k} of {@code group} in {@code worker}'s row. */
    public void increment(int worker, int group, int k) {
        rows[worker][PAD + group * width + k]++;
    }

    /**
     * Adds {@code n} to counter {@code k} of {@code group} in {@code worker}'s row: for a pass over rows
     * grouped by unit, which counts a run of one group's rows in local variables and adds them once.
     */
    public void add(int worker, int group, int k, int n) {
        rows[worker][PAD + group * width + k] += n;
    }

    /** Counter {@code k} of {@code group}, summed over the workers. */
    public long count(int group, int k) {
        long s = 0;
        int at = PAD + group * width + k;
        for (int[] row : rows) {
            s += row[at];
        }
        return s;
    }

    /**
     * Sets every counter to zero, each worker's row cleared on a worker (with millions of groups the
     * rows are large; one thread clearing them all would leave the others idle).
     */
    public void reset(Parallel parallel) {
        parallel.run(rows.length, w -> java.util.Arrays.fill(rows[w], 0));
    }
}
