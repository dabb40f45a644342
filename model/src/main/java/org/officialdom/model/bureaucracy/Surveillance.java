package org.officialdom.model.bureaucracy;

import org.officialdom.model.parameter.Param;

/**
 * Mechanism 2, surveillance and the security regime. Seed (000): "new laws and regulations were
 * implemented under the banner of national security, creating an environment of fear and
 * suspicion"; "frequent checks"; "restrictions on celebrating Western festivals".
 *
 * <p>Intensity {@code s ∈ [0, 1]} is a lever on the calendar. An official's fear is
 * {@code F = s · (1 − a + a · risk aversion)} with {@code a = fearFromRiskAversion}: everyone feels
 * some of it, the risk-averse more. Fear lowers Voice and raises Neglect (mechanism 10), raises the
 * threshold for public party exit (mechanism 14) and adds stress; freedom
 * {@code = 1 − freedomLoss · s} enters the morale target (mechanism 9).
 */
public final class Surveillance {

    public record Parameters(
            @Param(value = "Intensity of surveillance and security checks (0 none, 1 total).", unit = "share", min = 0, max = 1, lever = true)
            double intensity,
            @Param(value = "How much of fear depends on one's risk aversion (0: everyone equally).", unit = "share", min = 0, max = 1)
            double fearFromRiskAversion,
            @Param(value = "Loss of felt freedom at full intensity.", unit = "share", min = 0, max = 1)
            double freedomLoss) {

        public static final Parameters DEFAULTS = new Parameters(0.2, 0.5, 0.8);
    }

    private Surveillance() {
    }

    public static double fear(Parameters p, double riskAversion) {
        return p.intensity() * (1 - p.fearFromRiskAversion() + p.fearFromRiskAversion() * riskAversion);
    }

    public static double freedom(Parameters p) {
        return 1 - p.freedomLoss() * p.intensity();
    }

    /**
     * The fear an official feels, the fear of investigation (mechanism 7) added, at most 1: what
     * adds stress (mechanism 9) and breeds Neglect (mechanism 10).
     */
    public static double fear(Parameters p, double riskAversion, double investigationFear) {
        return Math.min(1, fear(p, riskAversion) + investigationFear);
    }

    /** {@link #fear(Parameters, double, double)} for every risk-aversion byte, once a step. */
    static double[] fearByTrait(Parameters p, double investigationFear) {
        double[] f = new double[256];
        for (int b = 0; b < 256; b++) {
            f[b] = fear(p, Officials.trait((byte) b), investigationFear);
        }
        return f;
    }
}
