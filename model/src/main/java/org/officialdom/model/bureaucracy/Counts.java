package org.officialdom.model.bureaucracy;

import java.io.Serializable;

/** What happened in the last step, kept for the metric probes (part of the checkpointed state). */
final class Counts implements Serializable {

    static final int QUOTA_MET = 0;
    static final int QUOTA_OUT_OF_POCKET = 1;
    static final int QUOTA_PENALTY = 2;
    static final int CIRCLE_JOINED = 3;
    static final int CIRCLE_REFUSED = 4;
    static final int CIRCLE_LEFT = 5;
    static final int VOICE_ACTION = 6;
    static final int ENEMY_MADE = 7;
    static final int RETALIATION = 8;
    static final int INVESTIGATED = 9;
    static final int FALSIFIER = 10;
    static final int KINDS = 11;

    final long[] kinds = new long[KINDS];
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
        java.util.Arrays.fill(kinds, 0);
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
