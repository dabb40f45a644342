package org.officialdom.model.mechanism;

import org.officialdom.engine.Chunk;

/**
 * The threshold rule of Granovetter (1978): an actor acts when what it sees of others acting
 * reaches its threshold.
 *
 * <p>Equation: {@code a_i(t+1) = [θ_i ≤ x(t)]}, where {@code x(t)} is the level the actor observes
 * (the number or the share of others acting at t). Iterated from {@code x(0) = 0} on a complete
 * network this is Granovetter's map {@code r(t+1) = F(r(t))}, F the threshold distribution; the
 * first fixed point reached is the equilibrium.
 *
 * <p>This one rule serves the classic model and the party-exit cascade of the bureaucracy model
 * (mechanism 14), so that the second reduces to the first by construction, not by a copy.
 *
 * <p>Seed passage (001): "over 147 million people have now quit the CCP" — public exit that
 * spreads as others are seen to exit.
 */
public final class ThresholdCascade {

    private ThresholdCascade() {
    }

    /**
     * Applies the rule to the rows of a chunk against one observed level.
     *
     * @return the number of actors that were not acting and now act
     */
    public static long apply(Chunk c, double[] threshold, boolean[] active, double observed) {
        long joined = 0;
        for (int i = c.from(); i < c.to(); i++) {
            boolean now = threshold[i] <= observed;
            if (now && !active[i]) {
                joined++;
            }
            active[i] = now;
        }
        return joined;
    }

    /** Counts the actors acting in a chunk. */
    public static long countActive(Chunk c, boolean[] active) {
        long n = 0;
        for (int i = c.from(); i < c.to(); i++) {
            if (active[i]) {
                n++;
            }
        }
        return n;
    }
}
