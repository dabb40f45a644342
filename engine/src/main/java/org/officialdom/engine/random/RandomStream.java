package org.officialdom.engine.random;

import java.util.SplittableRandom;

/**
 * A named, counter-based random stream: every value is a pure function of
 * (run seed, stream name, agent id, step, draw index).
 *
 * <p>Because nothing is carried from one draw to the next, a value does not depend on which thread
 * asks for it, in what order, or how the agents are split into chunks. That is what makes runs
 * bit-identical whatever the thread count. The mixing function is the SplitMix64 finaliser applied
 * in two rounds over the key and the counters (the same construction as counter-based generators
 * such as Random123's, with a cheaper bijection); it passes the usual uniformity checks for
 * simulation use, which the tests sample.
 */
public final class RandomStream {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long STEP_MULT = 0xC2B2AE3D27D4EB4FL;
    private static final long DRAW_MULT = 0x165667B19E3779F9L;
    private static final double TO_UNIT = 0x1.0p-53;

    private final String name;
    private final long key;

    RandomStream(String name, long key) {
        this.name = name;
        this.key = key;
    }

    public String name() {
        return name;
    }

    /** 64 random bits for (agent, step, draw). */
    public long bits(long agent, long step, long draw) {
        long x = mix(key ^ (agent * GOLDEN));
        x ^= step * STEP_MULT + draw * DRAW_MULT;
        return mix(x + GOLDEN);
    }

    /**
     * The first half of {@link #bits}, which depends on the agent only: {@code keys[k] = mix(key ^
     * agents[from + k]·golden)} for {@code k < to - from}. With {@link #bits(long[], int, long,
     * long, long[])} it gives the same 64 bits as {@code bits(agents[from + k], step, draw)}.
     *
     * <p>Why a pass over a block of agents: inside a long loop body the two dependent rounds of a
     * draw cannot overlap with other work; in a loop of its own the JIT turns each round into vector
     * instructions (timings in {@code docs/performance.md}). A pass then draws a block at once and
     * reads the block's bits in its own loop; a short loop that skips most agents right after the
     * draw is better off drawing inside it. The loops are kept this simple on purpose: HotSpot 17
     * vectorises neither the int-to-long widening nor both rounds in one loop.
     */
    public void keys(int[] agents, int from, int to, long[] keys) {
        int n = to - from;
        for (int k = 0; k < n; k++) {
            keys[k] = agents[from + k];
        }
        long seed = key;
        for (int k = 0; k < n; k++) {
            keys[k] = mix(seed ^ (keys[k] * GOLDEN));
        }
    }

    /**
     * The second half of {@link #bits} for a block of agents whose {@link #keys} are given:
     * {@code out[k]} for {@code k < n} is {@code bits(agent k, step, draw)}. {@code out} may be
     * {@code keys} itself when the keys are not needed again.
     */
    public static void bits(long[] keys, int n, long step, long draw, long[] out) {
        long counters = step * STEP_MULT + draw * DRAW_MULT;
        for (int k = 0; k < n; k++) {
            out[k] = mix((keys[k] ^ counters) + GOLDEN);
        }
    }

    /**
     * {@code out[k] = bits(agents[from + k], step, draw)} for {@code k < to - from}: {@link #keys}
     * then {@link #bits(long[], int, long, long, long[])} in place.
     */
    public void bits(int[] agents, int from, int to, long step, long draw, long[] out) {
        keys(agents, from, to, out);
        bits(out, to - from, step, draw, out);
    }

    /** The uniform in [0, 1) that {@link #uniform(long, long, long)} makes of 64 bits. */
    public static double unit(long bits) {
        return (bits >>> 11) * TO_UNIT;
    }

    /** Uniform in [0, 1). */
    public double uniform(long agent, long step) {
        return (bits(agent, step, 0) >>> 11) * TO_UNIT;
    }

    /** Uniform in [0, 1) for the {@code draw}-th value this agent needs this step. */
    public double uniform(long agent, long step, long draw) {
        return (bits(agent, step, draw) >>> 11) * TO_UNIT;
    }

    /** True with probability {@code p}. */
    public boolean bernoulli(double p, long agent, long step, long draw) {
        return uniform(agent, step, draw) < p;
    }

    /** Uniform integer in [0, bound), by multiply-shift (bias below 2^-32 for bound < 2^31). */
    public int nextInt(int bound, long agent, long step, long draw) {
        return (int) (((bits(agent, step, draw) >>> 32) * bound) >>> 32);
    }

    /** Standard normal by Box-Muller, using draws {@code 2·draw} and {@code 2·draw+1}. */
    public double normal(long agent, long step, long draw) {
        double u1 = 1.0 - uniform(agent, step, 2 * draw);      // (0, 1]
        double u2 = uniform(agent, step, 2 * draw + 1);
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /**
     * A sequential generator for code that draws an unknown number of values in a fixed order
     * (shuffling a list of vacancies, say). It is seeded from (agent, step), so it is as
     * reproducible as the stream itself; use it only in sequential passes.
     */
    public SplittableRandom sequential(long agent, long step) {
        return new SplittableRandom(bits(agent, step, -1L));
    }

    /** The SplitMix64 finaliser (Stafford's variant 13): a bijection on 64-bit words. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
