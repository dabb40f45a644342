package org.officialdom.model.bureaucracy;

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

    public static double joinProbability(Parameters p, double circleShare, double ambition, double integrity) {
        return circleShare * p.joinRate() * ambition * (1 - integrity);
    }

    public static double leaveProbability(Parameters p, double integrity, double reformerShare) {
        return Math.min(1.0, p.leaveRate() * integrity + p.cleanup() * reformerShare);
    }

    public static double erode(Parameters p, double integrity, double circleShare, double months) {
        return Math.max(0, integrity - p.erosion() * circleShare * months);
    }
}
