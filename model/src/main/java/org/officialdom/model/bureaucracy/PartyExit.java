package org.officialdom.model.bureaucracy;

import org.officialdom.engine.Metric.ChartStyle;
import org.officialdom.engine.MetricSet;
import org.officialdom.engine.Parallel;
import org.officialdom.model.mechanism.ThresholdCascade;
import org.officialdom.model.parameter.Param;

/**
 * Mechanism 14, preference falsification and public party exit. Seed (001): "over 147 million people
 * have now quit the CCP and its affiliated organizations"; "if someone wants to give you a hard time,
 * they can accuse you of bribery"; (000) officials "eager to leave", "witnessed numerous colleagues
 * leaving".
 *
 * <p><b>Private support moves.</b> An official's private regime support is its support at entry
 * (a fixed trait, the anchor), moved by its morale and by what the officials of its unit have seen:
 * <pre>
 *   support_i = clip(anchor_i + moraleWeight · (morale_i − 1/2) + seen_u, 0, 1)
 *   seen_u   ← seen_u + (1 − (1 − beliefRate)^months) · (−peerWeight · q_u − punishmentWeight · d_u − seen_u)
 * </pre>
 * with q_u the share of the unit's members who have quit in public and d_u the share of its
 * officials dismissed after an investigation, per year. Study, surveillance, pay and quotas reach
 * support through morale (mechanism 9).
 *
 * <p><b>Public exit.</b> Each party member has a base threshold, drawn once,
 * {@code θ_i = clip(mean + sd · z_i, 0, 1)} with z_i the standard normal of stream "thresholds" for
 * its id (the same draw as Granovetter's model), and quits in public when what it sees reaches
 * {@code θ_i + supportWeight · (support_i − 1/2)}. It sees the share x of members who have quit, in its
 * unit (network {@code unit}) or in the whole organisation (network {@code organisation}), plus
 * {@code outsideShare}, the quits it sees outside the organisation (an assumption of the scenario, 0
 * by default; the seed's "147 million" is the reporting outlet's claim). Being inside and being
 * watched raise every threshold by {@code watched = insidePremium + surveillanceWeight · surveillance}:
 * <pre>
 *   a_i(t+1) = [θ_i + supportWeight · (support_i − 1/2) ≤ x(t) − watched]
 * </pre>
 * Non-members never act. A public exit is final (the threshold is pinned to −∞), and it has
 * consequences: the investigation hazard rises and an investigated quitter may be dismissed
 * (mechanism 7), displayed loyalty falls to 0 in the tournament (mechanism 6), and colleagues who
 * see it lean toward exit (mechanism 10) and lose support (above). With {@code supportWeight = 0},
 * network {@code organisation}, {@code watched = 0} and no one entering or leaving, the run is
 * Granovetter's model ({@link ThresholdCascade}) number for number (a test checks it).
 *
 * <p>The preference-falsification gap (Kuran) is the share of officials privately opposed (support
 * below one half) who have not quit publicly.
 */
public final class PartyExit {

    /** Whose quits a member sees. */
    public enum Network { ORGANISATION, UNIT }

    public record Parameters(
            @Param(value = "Mean base threshold (share of members seen quitting).", unit = "share", min = 0, max = 1)
            double mean,
            @Param(value = "Standard deviation of base thresholds.", unit = "share", min = 0, max = 1)
            double sd,
            @Param(value = "Threshold rise per unit of private regime support above one half.", unit = "share", min = 0, max = 1)
            double supportWeight,
            @Param(value = "Threshold rise for being inside the system.", unit = "share", min = 0, max = 1)
            double insidePremium,
            @Param(value = "Threshold rise per unit of surveillance intensity.", unit = "share", min = 0, max = 1)
            double surveillanceWeight,
            @Param(value = "Share of exits seen outside the organisation, added to what members observe (0: none).", unit = "share", min = 0, max = 1)
            double outsideShare,
            @Param("Whose quits a member sees: its unit's members (unit) or all members (organisation, Granovetter's complete network).")
            Network network,
            @Param(value = "Private support gained per unit of morale above one half.", unit = "support per morale", min = 0, max = 2)
            double moraleWeight,
            @Param(value = "Private support lost per unit share of the unit's members who have quit in public.", unit = "support", min = 0, max = 10)
            double peerWeight,
            @Param(value = "Private support lost per unit of the unit's annual rate of dismissals after investigation.", unit = "support per (share per year)", min = 0, max = 100)
            double punishmentWeight,
            @Param(value = "Share per month of the gap by which what a unit has seen moves its officials' support.", unit = "share per month", min = 0, max = 1)
            double beliefRate) {

        public static final Parameters DEFAULTS = new Parameters(0.25, 0.12, 0.3, 0.05, 0.1, 0.0, Network.UNIT, 0.3, 0.3, 2, 0.05);
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
        s.add("public_quit_share", "share", "Share of the party members in post who have quit the party in public",
                () -> c.members == 0 ? 0 : (double) c.publicQuitters / c.members);
        s.add("support_mean", "support (0-1)", "Mean private regime support of the officials in post", () -> c.supportMean);
    }

    /** A member's base threshold from its standard normal draw: {@code clip(mean + sd · z, 0, 1)}. */
    public static double threshold(Parameters p, double z) {
        double t = p.mean() + p.sd() * z;
        return Math.max(0.0, Math.min(1.0, t));
    }

    /** A member's threshold now: the base, raised by its private support above one half. */
    public static double threshold(Parameters p, double base, double support) {
        return base + p.supportWeight() * (support - 0.5);
    }

    /** Private support now: {@code clip(anchor + moraleWeight · (morale − 1/2) + seen, 0, 1)}. */
    public static double support(Parameters p, double anchor, double morale, double seen) {
        double s = anchor + p.moraleWeight() * (morale - 0.5) + seen;
        return s < 0 ? 0 : (s > 1 ? 1 : s);
    }

    /**
     * What a unit has seen, one step on: toward {@code −peerWeight · quitShare − punishmentWeight ·
     * punishedPerYear} by {@code 1 − (1 − beliefRate)^months} of the gap.
     */
    public static double seen(Parameters p, double seen, double quitShare, double punishedPerYear, double months) {
        double target = -p.peerWeight() * quitShare - p.punishmentWeight() * punishedPerYear;
        return seen + (1 - Math.pow(1 - p.beliefRate(), months)) * (target - seen);
    }

    /** How much being inside and being watched raise every threshold. */
    public static double watched(Parameters p, double surveillance) {
        return p.insidePremium() + p.surveillanceWeight() * surveillance;
    }

    /**
     * The pass: what each unit has seen moves on; then members see the share of members who have
     * quit in public (in their unit or the organisation, plus {@code outsideShare}), less what being
     * watched costs, and those whose threshold it reaches quit; returns how many quit.
     */
    static long cascade(Parameters p, double surveillance, double months, Officials o, Organisation org, UnitClimate climate,
                        Parallel parallel, Chronicle chronicle) {
        float[] seen = climate.seen();
        float[] quitShare = climate.quitShares();
        float[] punished = climate.punishedRates();
        double perYear = 12 / months;
        parallel.forEach(org.units(), c -> {
            for (int u = c.from(); u < c.to(); u++) {
                seen[u] = (float) seen(p, seen[u], quitShare[u], punished[u] * perYear, months);
            }
        });
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
        double organisationShare = membersActing[0] == 0 ? 0 : (double) membersActing[1] / membersActing[0];
        double watched = watched(p, surveillance);
        boolean local = p.network() == Network.UNIT;
        double[] th = o.threshold.values();
        int[] joined = parallel.select(o.size(), (c, out) -> {
            int[] unit = o.unit.values();
            byte[] anchor = o.support.values();
            float[] morale = o.morale.values();
            int k = 0;
            for (int i = c.from(); i < c.to(); i++) {
                if (quit[i] || th[i] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                int u = unit[i];
                double level = (local ? quitShare[u] : organisationShare) + p.outsideShare() - watched;
                double support = support(p, Officials.trait(anchor[i]), morale[i], seen[u]);
                if (threshold(p, th[i], support) <= level) {
                    quit[i] = true;
                    th[i] = Double.NEGATIVE_INFINITY; // a public exit cannot be taken back
                    out[k++] = i;
                }
            }
            return k;
        });
        for (int i : joined) {
            int id = o.table.id(i);
            if (chronicle.tracked(id)) {
                double level = (local ? quitShare[o.unit.values()[i]] : organisationShare) + p.outsideShare();
                chronicle.add(id, new CareerEvent.QuitParty(level));
            }
        }
        return joined.length;
    }
}
