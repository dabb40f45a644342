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
 * a position, not to mention any promotion"; "Wild extravagance, bribery, and corruption were quite
 * common ... he tried his best to avoid those situations and just 'become numb to it all.'"
 *
 * <p>Each month an official outside the circle is asked in with probability {@code c} = the unit's
 * circle share (the norm) and joins with probability
 * {@code joinRate · ambition · (1 − integrity)} if savings cover the gift; joining costs
 * {@code giftCost} months of pay and {@code integrityCost} of integrity. Otherwise the official
 * refuses. Integrity erodes with exposure: {@code integrity −= erosion · c} a month ("become numb").
 * A member leaves with probability {@code leaveRate · integrity + cleanup · v}, v the unit's share
 * of reformers (mechanism 8). Reformers (Voice) never join, and a member who turns to Voice leaves
 * ("not taking bribes").
 */
public final class Circle {

    public record Parameters(
            @Param(value = "Probability of joining when asked, for an ambitious official of no integrity.", unit = "share per invitation", min = 0, max = 1)
            double joinRate,
            @Param(value = "Cost of the gifts that open the circle.", unit = "months of own pay", min = 0, max = 60)
            double giftCost,
            @Param(value = "Integrity lost on joining.", unit = "integrity (0-1)", min = 0, max = 1)
            double integrityCost,
            @Param(value = "Integrity lost per month per unit of the unit's circle share.", unit = "integrity per month", min = 0, max = 1)
            double erosion,
            @Param(value = "Probability per month that a member of full integrity leaves the circle.", unit = "share per month", min = 0, max = 1)
            double leaveRate,
            @Param(value = "Probability per month that a member leaves per unit share of reformers in the unit.", unit = "share per month", min = 0, max = 1)
            double cleanup,
            @Param(value = "Share of officials in the circle at the start, for integrity 0 (scaled by 1 − integrity).", unit = "share", min = 0, max = 1)
            double initialShare) implements java.io.Serializable {

        public static final Parameters DEFAULTS = new Parameters(0.04, 2.0, 0.1, 0.002, 0.02, 0.2, 0.5);
    }

    private Circle() {
    }

    /** The figures of the circle pass: {@link Kernel#JOINED}, {@link Kernel#REFUSED}, {@link Kernel#LEFT}. */
    static final String FIGURES = "circle";

    /** The declared outputs of the gift circle: its share, overall and by level, and who joined, refused and left. */
    static void metrics(MetricSet s, Counts c, Organisation org) {
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
    }

    public static double joinProbability(Parameters p, double circleShare, double ambition, double integrity) {
        return circleShare * p.joinRate() * ambition * (1 - integrity);
    }

    public static double leaveProbability(Parameters p, double integrity, double reformerShare) {
        return Math.min(1.0, p.leaveRate() * integrity + p.cleanup() * reformerShare);
    }

    public static double erode(Parameters p, double integrity, double circleShare, double months) {
        return Math.max(0, integrity - p.erosion() * circleShare * months);
    }

    /**
     * The pass: each official's integrity erodes with the unit's circle share; a member leaves
     * (always when it has turned to Voice), an outsider not in Voice is asked in with probability
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
        private final UnitClimate climate;
        private final RandomStream s;
        private final long step;

        Kernel(Parameters p, double months, Officials o, UnitClimate climate, RandomStream s, long step) {
            this.p = p;
            this.months = months;
            this.o = o;
            this.climate = climate;
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
            float[] circleShare = climate.circleShares();
            float[] reformShare = climate.reformShares();
            long[] noted = notes.buffer(c.worker());
            int noteAt = 0;
            for (int i = c.from(); i < c.to(); i++) {
                int u = unit[i];
                long id = o.table.id(i);
                double cs = circleShare[u];
                integ[i] = (float) erode(p, integ[i], cs, months);
                if (in[i]) {
                    if (stance[i] == Stance.VOICE.ordinal()
                            || s.uniform(id, step, 0) < leaveProbability(p, integ[i], reformShare[u])) {
                        in[i] = false;
                        counts[LEFT]++;
                        noteAt = notes.note(noted, noteAt, (int) id, i, LEFT);
                    }
                } else if (stance[i] != Stance.VOICE.ordinal() && s.uniform(id, step, 1) < cs) {
                    double ambition = Officials.trait(o.ambition.values()[i]);
                    if (sav[i] >= p.giftCost() && s.uniform(id, step, 2) < joinProbability(p, 1.0, ambition, integ[i])) {
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
