package org.officialdom.model.bureaucracy;

import org.officialdom.engine.Metric.ChartStyle;
import org.officialdom.engine.MetricSet;
import org.officialdom.model.parameter.Param;

/**
 * Mechanism 4, tasks and quotas. Seed (000): "tasked with meaningless assignments, particularly in
 * pandemic control efforts"; "compelled to arrange for vaccinations, even resorting to personal funds
 * to meet quotas"; "the mandatory completion of tasks or facing penalties".
 *
 * <p>A share {@code m} of working time goes to meaningless assignments. While a quota campaign runs
 * (intensity {@code q ∈ [0, 1]}), each month an official meets the quota by work with probability
 * {@code q_met = competence/10 · effort}; otherwise it faces the penalty (stress {@code + penaltyStress},
 * recognition halved this month), unless it pays to have the quota met out of its own pocket
 * ({@code savings −= outOfPocket}): the most risk-averse do, a share {@code payShare} of officials
 * (risk aversion ≥ 1 − payShare), when their savings cover it. A campaign also costs
 * {@code q · overtimeHours} of overtime a week, counted in the workload.
 */
public final class Quotas {

    public record Parameters(
            @Param(value = "Share of working time spent on meaningless assignments.", unit = "share", min = 0, max = 1, lever = true)
            double meaninglessShare,
            @Param(value = "Intensity of quota campaigns (0 none, 1 every official under quota every month).", unit = "share", min = 0, max = 1, lever = true)
            double campaign,
            @Param(value = "Overtime a full campaign adds.", unit = "hours per week", min = 0, max = 60)
            double overtimeHours,
            @Param(value = "Out-of-pocket cost of meeting a quota one cannot meet by work.", unit = "months of own pay", min = 0, max = 12)
            double outOfPocket,
            @Param(value = "Stress added by a penalty for a missed quota.", unit = "stress (0-1)", min = 0, max = 1)
            double penaltyStress,
            @Param(value = "Share of officials, the most risk-averse, who pay out of pocket for a quota they miss (if their savings allow).", unit = "share", min = 0, max = 1)
            double payShare) {

        public static final Parameters DEFAULTS = new Parameters(0.15, 0.0, 10, 0.2, 0.15, 0.3);
    }

    /** The figures of the quota campaign (counted by the pressures pass): met, paid out of pocket, penalised. */
    static final String FIGURES = "quotas";
    static final int MET = 0;
    static final int PAID = 1;
    static final int PENALISED = 2;
    static final int COUNTS = 3;

    /** The declared outputs of quotas. */
    static void metrics(MetricSet s, Counts c) {
        double[] f = c.figures(FIGURES, COUNTS);
        s.chart("Quotas: met, paid out of pocket, penalised", ChartStyle.LINES);
        s.add("quota_met", "officials per step", "Quotas met by work", () -> f[MET]);
        s.add("quota_out_of_pocket", "officials per step", "Quotas met by paying out of one's own pocket", () -> f[PAID]);
        s.add("quota_penalties", "officials per step", "Penalties for missed quotas", () -> f[PENALISED]);
    }

    /** What happened to one official's quota this month. */
    public enum Outcome { NONE, MET, PAID_OUT_OF_POCKET, PENALISED }

    private Quotas() {
    }

    /**
     * @param u a uniform draw in [0, 1): the campaign touches the official iff u < campaign, then the
     *          quota is met by work iff u < campaign · competence/10 · effort
     */
    public static Outcome outcome(Parameters p, double u, double competence, double effort, double savings, double riskAversion) {
        if (!touched(p, u)) {
            return Outcome.NONE;
        }
        if (metByWork(p, u, competence, effort)) {
            return Outcome.MET;
        }
        return pays(p, riskAversion) && canPay(p, savings) ? Outcome.PAID_OUT_OF_POCKET : Outcome.PENALISED;
    }

    /** An official who misses the quota would rather pay than face the penalty: risk aversion ≥ 1 − payShare. */
    public static boolean pays(Parameters p, double riskAversion) {
        return riskAversion >= 1 - p.payShare();
    }

    /** The campaign reaches the official this month (the first test of {@link #outcome}). */
    public static boolean touched(Parameters p, double u) {
        return u < p.campaign();
    }

    /** A reached official meets the quota by work (the second test of {@link #outcome}). */
    public static boolean metByWork(Parameters p, double u, double competence, double effort) {
        return u < p.campaign() * (competence / 10.0) * effort;
    }

    /**
     * {@code campaign · effort / 10}, once a step per stance: a reached official meets the quota by
     * work when {@code u < competence × workThreshold}, {@link #metByWork} without its division
     * (equal up to the last bits).
     */
    public static double workThreshold(Parameters p, double effort) {
        return p.campaign() * effort / 10.0;
    }

    /** An official who misses the quota can pay the shortfall (the fourth test of {@link #outcome}). */
    public static boolean canPay(Parameters p, double savings) {
        return savings >= p.outOfPocket();
    }

    /** {@link #workThreshold} for every stance, by its effort ({@link ServiceOutput#effort}), once a step. */
    static double[] workThresholds(Parameters p, ServiceOutput.Parameters output) {
        double[] t = new double[Stance.values().length];
        for (int k = 0; k < t.length; k++) {
            t[k] = workThreshold(p, ServiceOutput.effort(output, k));
        }
        return t;
    }

    /** Overtime as a share of the working week. */
    public static double overtime(Parameters p, double workWeekHours) {
        return Math.min(1.0, p.campaign() * p.overtimeHours() / workWeekHours);
    }
}
