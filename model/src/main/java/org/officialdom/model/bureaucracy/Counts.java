package org.officialdom.model.bureaucracy;

import java.io.Serializable;

/**
 * What happened in the last step, kept for the metric probes (part of the checkpointed state). The
 * counts of a parallel pass are kept as the pass returns them, indexed by the pass's own constants
 * ({@code circle[Circle.Kernel.JOINED]}).
 */
final class Counts implements Serializable {

    /** {@link Pressures}: quotas met, paid out of pocket, penalised. */
    long[] quotas = new long[Pressures.COUNTS];
    /** {@link Circle.Kernel}: joined, refused, left. */
    long[] circle = new long[Circle.Kernel.COUNTS];
    /** {@link Voice.Kernel}: actions, enemies made, retaliations. */
    long[] voice = new long[Voice.Kernel.COUNTS];
    /** {@link Investigation.Kernel}: officials investigated. */
    long[] investigations = new long[Investigation.Kernel.COUNTS];
    final long[] exits = new long[ExitRoute.values().length];
    long meritPromotions;
    long giftPromotions;
    long rotations;
    long punitiveTransfers;
    long hires;
    long vacancies;
    double applicantsPerPost;
    long partyExits;
    long partyExitsCumulative;
    double output;
    long headcount;
    /** Officials privately opposed (support below one half) who have not quit in public. */
    long falsifiers;
    double circleShare;
    double meanMorale;
    double[] circleByLevel = new double[0];
    double[] stances = new double[4];
    double[] morale = new double[10];
    double[] stress = new double[10];
    double[] competenceByRank = new double[0];
    long[] headByRank = new long[0];
    long[] postsByRank = new long[0];
    long[] headByLevel = new long[0];

    /** Resets the per-step counters (not the cumulative ones, not the state measures). */
    void clear() {
        quotas = new long[Pressures.COUNTS];
        circle = new long[Circle.Kernel.COUNTS];
        voice = new long[Voice.Kernel.COUNTS];
        investigations = new long[Investigation.Kernel.COUNTS];
        java.util.Arrays.fill(exits, 0);
        meritPromotions = 0;
        giftPromotions = 0;
        rotations = 0;
        punitiveTransfers = 0;
        hires = 0;
        partyExits = 0;
    }

    long exitsTotal() {
        long s = 0;
        for (long e : exits) {
            s += e;
        }
        return s;
    }
}
