package org.officialdom.model.classic;

/**
 * A citizen's decision in Epstein's civil violence model (Epstein 2002, PNAS 99 suppl. 3, Model I).
 *
 * <pre>
 *   grievance        G = H (1 - L)
 *   arrest estimate  P = 1 - exp(-k · r),   r = C / A (or floor / round of it, per the switch)
 *   net risk         N = R · P
 *   active           iff G - N > T
 * </pre>
 *
 * H is hardship, R risk aversion, L legitimacy, C the cops and A the actives in vision with the
 * citizen itself counted (so A ≥ 1), k = 2.3 in the paper and T = 0.1.
 */
public final class ArrestRisk {

    private ArrestRisk() {
    }

    /** The cop-to-active ratio as it enters P; {@code actives} is at least 1. */
    public static double ratio(int cops, int actives, EpsteinParameters.Ratio rule) {
        double r = (double) cops / actives;
        return switch (rule) {
            case LITERAL -> r;
            case FLOOR -> Math.floor(r);
            case ROUND_HALF_EVEN -> Math.rint(r); // Java's rint rounds halves to even, like Python's round
        };
    }

    /** Estimated arrest probability P = 1 - exp(-k r). */
    public static double probability(double k, double ratio) {
        return 1.0 - Math.exp(-k * ratio);
    }

    /** Grievance G = H (1 - L). */
    public static double grievance(double hardship, double legitimacy) {
        return hardship * (1.0 - legitimacy);
    }

    /** Whether the citizen turns (or stays) active: G - R·P > T. */
    public static boolean active(double grievance, double riskAversion, double probability, double threshold) {
        return grievance - riskAversion * probability > threshold;
    }
}
