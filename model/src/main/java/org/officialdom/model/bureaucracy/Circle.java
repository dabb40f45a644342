package org.officialdom.model.bureaucracy;

import org.officialdom.engine.Metric.ChartStyle;
import org.officialdom.engine.MetricSet;
import org.officialdom.engine.Chunk;
import org.officialdom.engine.EventBuffer;
import org.officialdom.engine.random.RandomStream;
import org.officialdom.model.parameter.Param;

/**
 * Mechanism 5, the gift circle. Seed (001): "without bribery and gifts, survival in the system is
 * virtually impossible"; "If you refuse to enter the circle by giving gifts, you are unlikely to get
 * a position, not to mention any promotion"; "if someone wants to give you a hard time, they can
 * accuse you of bribery"; "Wild extravagance, bribery, and corruption were quite common ... he tried
 * his best to avoid those situations and just 'become numb to it all.'"
 *
 * <p>Being in the circle is worth, to official i,
 * <pre>
 *   V_i = base + gainWeight · ambition_i · premium_ℓ − riskWeight · riskAversion_i · risk − integrityWeight · integrity_i
 * </pre>
 * where premium_ℓ is what a gift buys: the annual promotion probability of the circle's members at
 * the official's level minus that of the others, as officials saw it over the last year (measured
 * from the tournament, {@link UnitClimate#premium}); and risk is what it costs: a member's added
 * annual probability of being convicted ({@link Investigation#addedRisk}). A campaign raises the
 * risk; promotion on merit alone removes the premium. Each month an official outside the circle
 * (and not in Voice) is invited with probability c, the unit's circle share (the norm), and joins
 * with probability {@code joinRate · σ(V)} if savings cover the gift, paying {@code giftCost}
 * months of pay and {@code integrityCost} of integrity; otherwise the official refuses. A member
 * leaves with probability {@code min(1, leaveRate · σ(−V) + cleanup · v)}, v the unit's share of
 * reformers (mechanism 8); a member who turns to Voice leaves ("not taking bribes"). Integrity
 * erodes with exposure: {@code integrity −= erosion · c} a month ("become numb"). σ is the logistic
 * function. With levers held still, inflow and outflow balance at a share set by the value of the
 * circle, not by where the run started.
 */
public final class Circle {

    public record Parameters(
            @Param(value = "Largest probability of joining when invited (for an official whom the circle is well worth).", unit = "share per invitation", min = 0, max = 1)
            double joinRate,
            @Param(value = "Largest probability per month that a member leaves (for one whom the circle is worth nothing).", unit = "share per month", min = 0, max = 1)
            double leaveRate,
            @Param(value = "Value of the circle to an official of no ambition, integrity or risk aversion (perks, protection).", unit = "utility")
            double base,
            @Param(value = "Value per unit of ambition and of the circle's promotion premium (annual probability).", unit = "utility", min = 0, max = 10000)
            double gainWeight,
            @Param(value = "Value lost per unit of risk aversion and of a member's added annual probability of conviction.", unit = "utility", min = 0, max = 100000)
            double riskWeight,
            @Param(value = "Value lost per unit of integrity.", unit = "utility", min = 0, max = 100)
            double integrityWeight,
            @Param(value = "Cost of the gifts that open the circle.", unit = "months of own pay", min = 0, max = 60)
            double giftCost,
            @Param(value = "Integrity lost on joining.", unit = "integrity (0-1)", min = 0, max = 1)
            double integrityCost,
            @Param(value = "Integrity lost per month per unit of the unit's circle share.", unit = "integrity per month", min = 0, max = 1)
            double erosion,
            @Param(value = "Probability per month that a member leaves per unit share of reformers in the unit.", unit = "share per month", min = 0, max = 1)
            double cleanup,
            @Param(value = "Share of officials in the circle at the start, for integrity 0 (scaled by 1 − integrity).", unit = "share", min = 0, max = 1)
            double initialShare) {

        public static final Parameters DEFAULTS = new Parameters(0.15, 0.05, 0.2, 30, 200, 3, 2.0, 0.1, 0.002, 0.2, 0.5);
    }

    private Circle() {
    }

    /** The figures of the circle pass: {@link Kernel#JOINED}, {@link Kernel#REFUSED}, {@link Kernel#LEFT}. */
    static final String FIGURES = "circle";

    /** The declared outputs of the gift circle: its share, overall and by level, and who joined, refused and left. */
    static void metrics(MetricSet s, Counts c, Organisation org, UnitClimate climate) {
        double[] f = c.figures(FIGURES, Kernel.COUNTS);
        s.chart("Gift circle share, overall and by level", ChartStyle.LINES);
        s.add("circle_share", "share", "Share of officials in the gift circle", () -> c.circleShare);
        if (org.levels() == Level.values().length) {
            for (Level l : Level.values()) {
                s.add("circle_share_" + l.label(), "share", "Share in the gift circle, " + l.label() + " level",
                        () -> c.circleByLevel.length > l.ordinal() ? c.circleByLevel[l.ordinal()] : 0);
            }
        }
        s.chart("Gift circle: joined, refused, left", ChartStyle.LINES);
        s.add("circle_joined", "officials per step", "Officials who gave gifts and entered the circle", () -> f[Kernel.JOINED]);
        s.add("circle_refused", "officials per step", "Officials who refused an invitation into the circle", () -> f[Kernel.REFUSED]);
        s.add("circle_left", "officials per step", "Members who left the circle", () -> f[Kernel.LEFT]);
        s.alone();
        s.add("circle_premium", "share per year", "What a gift buys: members' annual probability of promotion minus others', over the last year",
                climate::meanPremium);
    }

    /** What being in the circle is worth to an official: V of the class comment. */
    public static double value(Parameters p, double ambition, double riskAversion, double integrity, double premium, double risk) {
        return p.base() + p.gainWeight() * ambition * premium - p.riskWeight() * riskAversion * risk - p.integrityWeight() * integrity;
    }

    /** The probability that an invited official joins, if savings cover the gift: {@code joinRate · σ(V)}. */
    public static double joinProbability(Parameters p, double value) {
        return p.joinRate() * logistic(value);
    }

    /** The probability that a member leaves this month: {@code min(1, leaveRate · σ(−V) + cleanup · reformerShare)}. */
    public static double leaveProbability(Parameters p, double value, double reformerShare) {
        return Math.min(1.0, p.leaveRate() * logistic(-value) + p.cleanup() * reformerShare);
    }

    /** The logistic function {@code 1 / (1 + e^(−x))}. */
    static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    public static double erode(Parameters p, double integrity, double circleShare, double months) {
        return Math.max(0, integrity - p.erosion() * circleShare * months);
    }

    /**
     * The pass: each official's integrity erodes with the unit's circle share; a member leaves
     * (always when it has turned to Voice), an outsider not in Voice is invited with probability
     * the unit's circle share and then joins (paying the gift) or refuses. Draws 0-2 of stream
     * "circle" for (id, step).
     */
    static final class Kernel implements RowKernel {

        static final int JOINED = 0;
        static final int REFUSED = 1;
        static final int LEFT = 2;
        static final int COUNTS = 3;

        private final Parameters p;
        private final double months;
        private final Officials o;
        private final Organisation org;
        private final UnitClimate climate;
        private final double risk;
        private final RandomStream s;
        private final long step;

        /** @param risk a member's added annual probability of conviction ({@link Investigation#addedRisk}) */
        Kernel(Parameters p, double months, Officials o, Organisation org, UnitClimate climate, double risk, RandomStream s, long step) {
            this.p = p;
            this.months = months;
            this.o = o;
            this.org = org;
            this.climate = climate;
            this.risk = risk;
            this.s = s;
            this.step = step;
        }

        @Override
        public void apply(Chunk c, long[] counts, EventBuffer notes) {
            int[] unit = o.unit.values();
            boolean[] in = o.circle.values();
            float[] integ = o.integrity.values();
            float[] sav = o.savings.values();
            byte[] stance = o.stance.values();
            byte[] ambition = o.ambition.values();
            byte[] riskAversion = o.riskAversion.values();
            float[] circleShare = climate.circleShares();
            float[] reformShare = climate.reformShares();
            double[] premium = climate.premium();
            long[] noted = notes.buffer(c.worker());
            int noteAt = 0;
            for (int i = c.from(); i < c.to(); i++) {
                int u = unit[i];
                long id = o.table.id(i);
                double cs = circleShare[u];
                integ[i] = (float) erode(p, integ[i], cs, months);
                if (in[i]) {
                    if (stance[i] == Stance.VOICE.ordinal() || s.uniform(id, step, 0) < leaveProbability(p,
                            value(p, Officials.trait(ambition[i]), Officials.trait(riskAversion[i]), integ[i], premium[org.levelOf(u)], risk),
                            reformShare[u])) {
                        in[i] = false;
                        counts[LEFT]++;
                        noteAt = notes.note(noted, noteAt, (int) id, i, LEFT);
                    }
                } else if (stance[i] != Stance.VOICE.ordinal() && s.uniform(id, step, 1) < cs) {
                    if (sav[i] >= p.giftCost() && s.uniform(id, step, 2) < joinProbability(p,
                            value(p, Officials.trait(ambition[i]), Officials.trait(riskAversion[i]), integ[i], premium[org.levelOf(u)], risk))) {
                        in[i] = true;
                        sav[i] -= (float) p.giftCost();
                        integ[i] = (float) Math.max(0, integ[i] - p.integrityCost());
                        counts[JOINED]++;
                        noteAt = notes.note(noted, noteAt, (int) id, i, JOINED);
                    } else {
                        counts[REFUSED]++;
                        noteAt = notes.note(noted, noteAt, (int) id, i, REFUSED);
                    }
                }
            }
            notes.keep(c, noted, noteAt);
        }

        @Override
        public CareerEvent event(int row, int code) {
            return switch (code) {
                case JOINED -> CareerEvent.Circle.JOINED;
                case REFUSED -> CareerEvent.Circle.REFUSED;
                default -> CareerEvent.Circle.LEFT;
            };
        }
    }
}
