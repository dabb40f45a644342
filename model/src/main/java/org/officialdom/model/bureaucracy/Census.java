package org.officialdom.model.bureaucracy;

import java.util.Arrays;
import org.officialdom.engine.GroupTally;
import org.officialdom.engine.Parallel;

/**
 * Mechanism 15 and the step's measurements in one pass over the officials: each official's
 * public-service output ({@link ServiceOutput#output}), and the histograms of morale and stress, the
 * EVLN stances, competence by rank and the privately opposed who have not quit, from which
 * {@link Counts} gets the step's distributions. One loop because every official is read once for
 * all of them; the factors of output that depend only on membership, stance or unit are prepared
 * once a step ({@link ServiceOutput#timeLeft}, {@link ServiceOutput#efforts},
 * {@link ServiceOutput#bonuses}, {@link ServiceOutput#kept}).
 */
final class Census {

    /** Histogram groups: morale bins 0-99, stress bins 100-199, stances 200-203, then ranks. */
    private static final int MORALE = 0;
    private static final int STRESS = 100;
    private static final int STANCES = 200;
    private static final int SUPPORT = 204;
    private static final int RANKS = 205;
    /** One official's output in fixed point: output × 2^32, truncated (at most about 1.2 × 2^32 each). */
    private static final double FIXED = 0x1p32;

    private GroupTally histogram;
    /** Per unit: the share of output its gift circle leaves. */
    private double[] kept = new double[0];

    /** Counts the officials in post into {@code counts}: output, headcount, distributions, the circle. */
    void take(BureaucracyParameters p, Officials o, Organisation org, UnitClimate climate, Parallel parallel, Counts counts) {
        PartyExit.Parameters party = p.partyExit();
        float[] seen = climate.seen();
        if (histogram == null) {
            histogram = new GroupTally(RANKS + org.ranks(), 1, parallel.threads());
        }
        GroupTally h = histogram;
        h.reset();
        double[] timeLeft = ServiceOutput.timeLeft(p.study(), p.quotas());
        double[] effort = ServiceOutput.efforts(p.output());
        double[] bonus = ServiceOutput.bonuses(p.output());
        if (kept.length != org.units()) {
            kept = new double[org.units()];
        }
        double[] kept = this.kept;
        float[] circleShare = climate.circleShares();
        parallel.forEach(org.units(), c -> {
            for (int u = c.from(); u < c.to(); u++) {
                kept[u] = ServiceOutput.kept(p.output(), circleShare[u]);
            }
        });
        // output summed in fixed point (integers add in any order): the same sum whatever the rows' order
        long[] sums = parallel.counts(o.size(), 4, (c, acc) -> {
            long sum = 0;
            int[] unit = o.unit.values();
            byte[] stance = o.stance.values();
            byte[] rank = o.rank.values();
            float[] comp = o.competence.values();
            float[] mor = o.morale.values();
            float[] str = o.stress.values();
            boolean[] member = o.member.values();
            boolean[] quit = o.publicExit.values();
            byte[] sup = o.support.values();
            GroupTally.Local hl = h.local();
            long falsifying = 0;
            long members = 0;
            long quitters = 0;
            for (int i = c.from(); i < c.to(); i++) {
                int k = stance[i];
                sum += (long) (ServiceOutput.output(comp[i], effort[k], timeLeft[member[i] ? 1 : 0], kept[unit[i]], bonus[k]) * FIXED);
                hl.count(MORALE + Math.min(99, (int) (mor[i] * 100)), mor[i]);
                hl.count(STRESS + Math.min(99, (int) (str[i] * 100)), str[i]);
                hl.count(STANCES + stance[i]);
                hl.count(RANKS + rank[i], comp[i]);
                double support = PartyExit.support(party, Officials.trait(sup[i]), mor[i], seen[unit[i]]);
                falsifying += support < 0.5 & !quit[i] ? 1 : 0; // branch-free: support is a coin toss
                hl.count(SUPPORT, support);
                members += member[i] ? 1 : 0;
                quitters += member[i] & quit[i] ? 1 : 0;
            }
            h.merge(c.worker(), hl);
            acc[0] = sum;
            acc[1] = falsifying;
            acc[2] = members;
            acc[3] = quitters;
        });
        int n = o.size();
        counts.output = sums[0] / FIXED;
        counts.headcount = n;
        counts.falsifiers = sums[1];
        counts.members = sums[2];
        counts.publicQuitters = sums[3];
        counts.supportMean = n == 0 ? 0 : h.sumOf(SUPPORT, 0) / n;
        counts.stances = new double[4];
        for (int k = 0; k < 4; k++) {
            counts.stances[k] = n == 0 ? 0 : (double) h.countOf(STANCES + k) / n;
        }
        counts.morale = distribution(h, MORALE, n);
        counts.stress = distribution(h, STRESS, n);
        counts.meanMorale = counts.morale[0];
        int R = org.ranks();
        counts.competenceByRank = new double[R];
        counts.headByRank = new long[R];
        counts.postsByRank = new long[R];
        for (int r = 0; r < R; r++) {
            counts.competenceByRank[r] = h.sumOf(RANKS + r, 0);
            counts.headByRank[r] = h.countOf(RANKS + r);
            counts.postsByRank[r] = org.postsAtRank(r);
        }
        int levels = org.levels();
        // headcount by level, then the circle's members
        long[] byLevelAndCircle = parallel.counts(org.units(), levels + 1, (c, acc) -> {
            for (int u = c.from(); u < c.to(); u++) {
                int head = org.headcount(u);
                acc[org.levelOf(u)] += head;
                acc[levels] += Math.round(circleShare[u] * head);
            }
        });
        counts.headByLevel = Arrays.copyOf(byLevelAndCircle, levels);
        long inCircle = byLevelAndCircle[levels];
        counts.circleShare = n == 0 ? 0 : Math.min(1.0, (double) inCircle / n);
    }

    /** Mean (index 0) and deciles 10..90 (indices 1..9) from a 100-bin histogram. */
    private static double[] distribution(GroupTally h, int base, int n) {
        double[] d = new double[10];
        if (n == 0) {
            return d;
        }
        double sum = 0;
        for (int b = 0; b < 100; b++) {
            sum += h.sumOf(base + b, 0);
        }
        d[0] = sum / n;
        long cum = 0;
        int k = 1;
        for (int b = 0; b < 100 && k < 10; b++) {
            cum += h.countOf(base + b);
            while (k < 10 && cum * 10 >= (long) k * n) {
                d[k++] = (b + 0.5) / 100.0;
            }
        }
        return d;
    }
}
