package org.officialdom.model.bureaucracy;

import org.officialdom.engine.Chunk;
import org.officialdom.engine.EventBuffer;
import org.officialdom.engine.random.RandomStream;

/**
 * Mechanisms 1-4 and 9 in one pass over the officials: political study, surveillance, pay and quotas
 * set each official's morale target and added stress, and morale and stress move. One loop, not
 * five, because the five together read and write the same columns of every official; each
 * mechanism prepares its own terms once a step ({@link PoliticalStudy#loads},
 * {@link Surveillance#fearByTrait}, {@link Pay.Schedule}, {@link Quotas#workThresholds},
 * {@link Morale.Terms}) and this loop only looks them up.
 *
 * <p>Per official: a quota campaign reaches it or not, it meets the quota by work, pays out of its
 * savings or is penalised ({@link Quotas#outcome}); savings grow by the saving rate; the morale
 * target is the weighted goods ({@link Morale#target}) and morale adapts toward it
 * ({@link Morale#adapt}); stress adds the load and any penalty ({@link Morale#stress}).
 */
final class Pressures implements RowKernel {

    /** The counts this pass adds to: {@link Quotas}'s figures. */
    static final int COUNTS = Quotas.COUNTS;

    private final Officials o;
    private final Quotas.Parameters quotas;
    private final boolean campaign;
    private final double saving;
    private final double[] workThreshold;
    /** By risk-aversion byte: whether an official who misses the quota pays out of pocket ({@link Quotas#pays}). */
    private final boolean[] payer;
    private final Pay.Schedule pay;
    private final Morale.Terms terms;
    private final RandomStream quota;
    private final long step;

    Pressures(BureaucracyParameters p, Officials o, Pay.Schedule pay, Morale.Terms terms, RandomStream quota, long step) {
        this.o = o;
        this.quotas = p.quotas();
        this.campaign = quotas.campaign() > 0;
        this.saving = p.pay().savingRate() * p.monthsPerStep();
        this.workThreshold = Quotas.workThresholds(quotas, p.output());
        this.payer = new boolean[256];
        for (int b = 0; b < 256; b++) {
            payer[b] = Quotas.pays(quotas, Officials.trait((byte) b));
        }
        this.pay = pay;
        this.terms = terms;
        this.quota = quota;
        this.step = step;
    }

    @Override
    public void apply(Chunk c, long[] counts, EventBuffer notes) {
        // the campaign's draws taken by the block, in a loop of their own (RandomStream.bits)
        long[] draws = c.scratch().longs(c.to() - c.from());
        if (campaign) {
            quota.bits(o.table.ids(), c.from(), c.to(), step, 0, draws);
        }
        Quotas.Parameters quotas = this.quotas;
        double saving = this.saving;
        double[] workThreshold = this.workThreshold;
        boolean[] payer = this.payer;
        double[] payTable = pay.table();
        int[] payRow = pay.rows();
        double[] outsidePerCompetence = pay.outsidePerCompetence();
        double[] meaningWeight = terms.meaning();
        double[] fixedTerms = terms.fixed();
        double[] stressAdded = terms.stressAdded();
        double[] recognitionTerm = terms.recognition();
        double[] colleaguesTerm = terms.colleagues();
        double fairnessWeight = terms.fairnessWeight();
        double adaptation = terms.adaptation();
        double retained = terms.retained();
        boolean campaign = this.campaign;
        int[] unit = o.unit.values();
        byte[] rank = o.rank.values();
        boolean[] member = o.member.values();
        byte[] support = o.support.values();
        byte[] riskAversion = o.riskAversion.values();
        byte[] motivation = o.motivation.values();
        float[] comp = o.competence.values();
        float[] sav = o.savings.values();
        float[] mor = o.morale.values();
        float[] str = o.stress.values();
        byte[] stance = o.stance.values();
        byte[] ret = o.retaliations.values();
        int metQuota = 0;
        int paidQuota = 0;
        int penalisedCount = 0;
        for (int i = c.from(); i < c.to(); i++) {
            int u = unit[i];
            int r = rank[i];
            int m = member[i] ? 1 : 0;
            double competence = comp[i];
            // Quotas.outcome's three tests, combined without branches (the outcome is a coin toss
            // the processor cannot predict); without a campaign no one is reached and no draw is taken
            double savings = sav[i] + saving;
            double draw = campaign ? RandomStream.unit(draws[i - c.from()]) : 1; // 1 reaches no one (campaign <= 1)
            boolean touched = Quotas.touched(quotas, draw);
            boolean met = touched & draw < competence * workThreshold[stance[i]];
            boolean canPay = payer[riskAversion[i] & 0xFF] & Quotas.canPay(quotas, sav[i]);
            boolean paid = touched & !met & canPay;
            boolean penalised = touched & !met & !canPay;
            metQuota += met ? 1 : 0;
            paidQuota += paid ? 1 : 0;
            penalisedCount += penalised ? 1 : 0;
            savings -= paid ? quotas.outOfPocket() : 0;
            double penalty = penalised ? quotas.penaltyStress() : 0;
            sav[i] = (float) Math.min(1000, savings);
            double fairness = Pay.fairness(payTable[payRow[u] + r], competence * outsidePerCompetence[r]);
            double target = fixedTerms[m * 256 + (support[i] & 0xFF)] + colleaguesTerm[u]
                    + meaningWeight[m] * Officials.trait(motivation[i])
                    + recognitionTerm[ret[i] & 0xFF] * (penalty > 0 ? 0.5 : 1)
                    + fairnessWeight * fairness;
            mor[i] = (float) Morale.adapt(mor[i], target, adaptation);
            str[i] = (float) Morale.clampStress(str[i] * retained + stressAdded[m * 256 + (riskAversion[i] & 0xFF)] + penalty);
        }
        counts[Quotas.MET] += metQuota;
        counts[Quotas.PAID] += paidQuota;
        counts[Quotas.PENALISED] += penalisedCount;
    }
}
