package org.officialdom.model.bureaucracy;

import org.officialdom.engine.Metric.ChartStyle;
import org.officialdom.engine.MetricSet;
import org.officialdom.engine.Chunk;
import org.officialdom.engine.Parallel;
import org.officialdom.model.mechanism.ThresholdCascade;
import org.officialdom.model.parameter.Param;

/**
 * Mechanism 14, preference falsification and public party exit. Seed (001): "over 147 million people
 * have now quit the CCP and its affiliated organizations"; (000) officials "eager to leave".
 *
 * <p>Each party member has a threshold θ_i: the share of members it must see having publicly quit
 * before it says publicly that it quits too. Drawn once,
 * {@code θ_i = clip(mean + sd · z_i + supportWeight · (support_i − 0.5), 0, 1)}, with z_i the standard
 * normal of stream "thresholds" for the official's id (the same draw as Granovetter's model).
 * Non-members never act (θ = +∞). Being inside and being watched raise every threshold by
 * {@code shift = insidePremium + surveillanceWeight · surveillance}, so each step
 * {@code a_i(t+1) = [θ_i ≤ x(t) − shift]}, x(t) the share of members publicly quit: exactly the
 * rule of {@link ThresholdCascade}, which is also Granovetter's model. The observed share may include
 * {@code outsideShare}, the exits members see outside the organisation (the seed's "147 million"
 * is a claim of the reporting outlet; scenarios set this as an assumption, 0 by default). With a complete network,
 * {@code shift = 0} and no one entering or leaving, the two runs are the same number for number
 * (a test checks it). A public exit is final: the official's threshold is then pinned to −∞ (this
 * changes nothing on Granovetter's map from 0, which never falls).
 *
 * <p>The preference-falsification gap (Kuran) is the share of officials privately opposed (support
 * below one half) who have not quit publicly.
 */
public final class PartyExit {

    public record Parameters(
            @Param(value = "Mean threshold (share of members seen quitting).", unit = "share", min = 0, max = 1)
            double mean,
            @Param(value = "Standard deviation of thresholds.", unit = "share", min = 0, max = 1)
            double sd,
            @Param(value = "Threshold rise per unit of private regime support above one half.", unit = "share", min = 0, max = 1)
            double supportWeight,
            @Param(value = "Threshold rise for being inside the system.", unit = "share", min = 0, max = 1)
            double insidePremium,
            @Param(value = "Threshold rise per unit of surveillance intensity.", unit = "share", min = 0, max = 1)
            double surveillanceWeight,
            @Param(value = "Share of exits seen outside the organisation, added to what members observe (0: none).", unit = "share", min = 0, max = 1)
            double outsideShare) implements java.io.Serializable {

        public static final Parameters DEFAULTS = new Parameters(0.25, 0.12, 0.3, 0.02, 0.1, 0.0);
    }

    private PartyExit() {
    }

    /** The figures of the party-exit pass: public exits this step and since the start. */
    static final String FIGURES = "party-exit";
    static final int QUITS = 0;
    static final int CUMULATIVE = 1;

    /** The declared outputs of public party exit and preference falsification. */
    static void metrics(MetricSet s, Counts c) {
        double[] f = c.figures(FIGURES, 2);
        s.chart("Public party exits per step", ChartStyle.LINES);
        s.add("party_exits", "officials per step", "Members who publicly renounced the party this step", () -> f[QUITS]);
        s.alone();
        s.add("party_exits_cumulative", "officials", "Public party exits since the start (including those who left since)", () -> f[CUMULATIVE]);
        s.add("falsification_gap", "share", "Share of officials privately opposed (support < 1/2) yet publicly compliant",
                () -> c.headcount == 0 ? 0 : (double) c.falsifiers / c.headcount);
    }

    /** The threshold of a member from its standard normal draw and its support. */
    public static double threshold(Parameters p, double z, double support) {
        double t = p.mean() + p.sd() * z + p.supportWeight() * (support - 0.5);
        return Math.max(0.0, Math.min(1.0, t));
    }

    public static double shift(Parameters p, double surveillance) {
        return p.insidePremium() + p.surveillanceWeight() * surveillance;
    }

    /**
     * The pass: members see the share of members who have quit in public (plus {@code outsideShare}),
     * less the step's shift, and those whose threshold it reaches quit; returns how many quit.
     */
    static long cascade(Parameters p, double surveillance, Officials o, Parallel parallel, Chronicle chronicle) {
        boolean[] quit = o.publicExit.values();
        boolean[] member = o.member.values();
        long[] membersActing = parallel.counts(o.size(), 2, (c, n) -> {
            long members = 0;
            long acting = 0;
            for (int i = c.from(); i < c.to(); i++) {
                members += member[i] ? 1 : 0;
                acting += member[i] & quit[i] ? 1 : 0;
            }
            n[0] = members;
            n[1] = acting;
        });
        long members = membersActing[0];
        long acting = membersActing[1];
        double observed = (members == 0 ? 0 : (double) acting / members) + p.outsideShare();
        double level = observed - shift(p, surveillance);
        double[] th = o.threshold.values();
        int[] joined = parallel.select(o.size(), (c, out) -> apply(c, th, quit, level, out));
        for (int i : joined) {
            int id = o.table.id(i);
            if (chronicle.tracked(id)) {
                chronicle.add(id, new CareerEvent.QuitParty(observed));
            }
        }
        return joined.length;
    }

    /**
     * Applies the cascade rule to a chunk and pins new quitters (a public exit cannot be taken back:
     * their threshold becomes −∞).
     *
     * @param joined receives the rows that quit publicly this step, in row order
     * @return how many rows were written to {@code joined}
     */
    static int apply(Chunk c, double[] threshold, boolean[] quit, double observed, int[] joined) {
        ThresholdCascade.apply(c, threshold, quit, observed);
        int k = 0;
        for (int i = c.from(); i < c.to(); i++) {
            if (quit[i] && threshold[i] != Double.NEGATIVE_INFINITY) {
                threshold[i] = Double.NEGATIVE_INFINITY;
                joined[k++] = i;
            }
        }
        return k;
    }
}
