package org.officialdom.engine;

import java.util.Arrays;

/**
 * The events of tracked agents in a parallel pass: noted inside the pass's loop as (row, code),
 * told (written to the event log) after the loop, from the columns the pass has finished changing.
 *
 * <p>Why not log inside the loop: an event of a tracked agent is rare, so rare that the JIT
 * compiles the branch that logs it as a trap; when it is taken, the compiled pass is thrown away
 * and compiled again, over and over in a run. {@link #note} has no branch: it always writes the
 * row and advances by one only for a tracked agent; {@link #keep} copies what a chunk noted, also
 * without a branch.
 *
 * <p>A tracked agent is one whose id is a multiple of {@code every}. The test multiplies instead of
 * dividing (Lemire, Kaser and Kurz 2019, "Faster remainder by direct computation", Software:
 * Practice and Experience 49(6)): for {@code 0 <= id < 2^32} and {@code d >= 1}, with
 * {@code M = floor((2^64 - 1) / d) + 1}, {@code id} is a multiple of {@code d} exactly when
 * {@code id · M mod 2^64 <= M - 1}, compared as unsigned numbers (for {@code d = 1}, M wraps to 0
 * and {@code M - 1} to the largest number: every id passes).
 */
public final class EventBuffer {

    /** What a pass does with each noted event, after its loop. */
    public interface Action {
        void accept(int row, int code);
    }

    private final int on;
    private final long multiplier;
    private final long[][] buffers;
    private long[][] byChunk = new long[0][];

    /** Notes for agents tracked every {@code every} ids (0: none), on {@code workers} workers. */
    public EventBuffer(int every, int workers) {
        on = every > 0 ? 1 : 0;
        multiplier = every > 0 ? multiplier(every) : 0;
        buffers = new long[workers][Parallel.CHUNK + 1];
    }

    /** Starts a pass over {@code n} rows in chunks of {@link Parallel#CHUNK}, forgetting the last pass's notes. */
    public void begin(int n) {
        byChunk = new long[Parallel.chunks(n)][];
        Arrays.fill(byChunk, new long[0]);
    }

    /** The buffer of {@code worker}: a chunk notes into it from position 0 and {@link #keep}s it. */
    public long[] buffer(int worker) {
        return buffers[worker];
    }

    /**
     * Notes the event {@code code} (0-255) of agent {@code id} in {@code row} at position
     * {@code k} of {@code buffer}; returns the next position: {@code k + 1} if the agent is
     * tracked, else {@code k}. Each row may be noted at most once per chunk.
     */
    public int note(long[] buffer, int k, int id, int row, int code) {
        buffer[k] = (long) row << 8 | code;
        return k + (on & tracked(id, multiplier));
    }

    /** Keeps the first {@code k} notes of {@code buffer} as chunk {@code c}'s. */
    public void keep(Chunk c, long[] buffer, int k) {
        byChunk[c.index()] = Arrays.copyOf(buffer, k);
    }

    /** Every note of the pass, chunk by chunk, in the order noted. */
    public void forEach(Action action) {
        for (long[] notes : byChunk) {
            for (long x : notes) {
                action.accept((int) (x >>> 8), (int) (x & 0xFF));
            }
        }
    }

    /** 1 when {@code id · m mod 2^64 <= m - 1} as unsigned numbers, else 0, without a branch. */
    static int tracked(int id, long m) {
        long x = (id & 0xFFFFFFFFL) * m;
        long y = m - 1;
        // y < x as unsigned numbers, in the sign bit (Warren, Hacker's Delight, section 2-12)
        long below = (~y & x) | ((~y | x) & (y - x));
        return 1 - (int) (below >>> 63);
    }

    /** The multiplier of {@link #tracked} for tracking every {@code every} ids. */
    static long multiplier(int every) {
        return Long.divideUnsigned(-1L, every) + 1;
    }
}
