package org.officialdom.model.bureaucracy;

import org.officialdom.engine.MetricSet;
import org.officialdom.model.parameter.Param;

/**
 * Mechanism 15, public-service output. Seed (000): "political directives that did not benefit the
 * public welfare"; "the lack of meaningful engagement in serving the people".
 *
 * <p>An official's monthly output, in competence-10 full-time months:
 * {@code y = competence/10 · effort(stance) · timeLeft · (1 − corruptionLoss · circleShare_unit) · (1 + voiceBonus·[voice])},
 * where {@code timeLeft = max(0, 1 − study load − meaningless share)}. Neglect ("lying flat") cuts
 * effort most; an official looking for a way out works less too.
 */
public final class ServiceOutput {

    public record Parameters(
            @Param(value = "Effort of a loyal official.", unit = "share", min = 0, max = 1) double loyalEffort,
            @Param(value = "Effort of an official using voice.", unit = "share", min = 0, max = 1) double voiceEffort,
            @Param(value = "Effort of an official lying flat.", unit = "share", min = 0, max = 1) double neglectEffort,
            @Param(value = "Effort of an official looking for a way out.", unit = "share", min = 0, max = 1) double exitEffort,
            @Param(value = "Share of output lost when the whole unit is in the gift circle.", unit = "share", min = 0, max = 1)
            double corruptionLoss,
            @Param(value = "Extra output of a reformer (cleaner politics, the gambling dens closed).", unit = "share", min = 0, max = 2)
            double voiceBonus) {

        public static final Parameters DEFAULTS = new Parameters(1.0, 1.0, 0.4, 0.7, 0.4, 0.2);
    }

    private ServiceOutput() {
    }

    /** The declared outputs of public service (the census sums them). */
    static void metrics(MetricSet s, Counts c) {
        s.alone();
        s.add("output", "competence-10 full-time months", "Public-service output of all officials this step", () -> c.output);
        s.add("output_per_official", "share", "Output per official (1: a competence-10 official working fully)",
                () -> c.headcount == 0 ? 0 : c.output / c.headcount);
    }

    public static double effort(Parameters p, int stance) {
        return switch (stance) {
            case 0 -> p.loyalEffort();
            case 1 -> p.voiceEffort();
            case 2 -> p.neglectEffort();
            default -> p.exitEffort();
        };
    }

    public static double output(Parameters p, double competence, int stance, double timeLeft, double circleShare) {
        return output(competence, effort(p, stance), timeLeft, kept(p, circleShare), stance == 1 ? 1 + p.voiceBonus() : 1);
    }

    /** The share of output the unit's gift circle leaves: {@code 1 - corruptionLoss × circleShare}. */
    public static double kept(Parameters p, double circleShare) {
        return 1 - p.corruptionLoss() * circleShare;
    }

    /** The time left for real work of non-members (index 0) and members (index 1): {@code max(0, 1 − study load − meaningless share)}. */
    static double[] timeLeft(PoliticalStudy.Parameters study, Quotas.Parameters quotas) {
        double[] loads = PoliticalStudy.loads(study);
        return new double[] {Math.max(0, 1 - loads[0] - quotas.meaninglessShare()), Math.max(0, 1 - loads[1] - quotas.meaninglessShare())};
    }

    /** {@link #effort} by stance, once a step. */
    static double[] efforts(Parameters p) {
        double[] e = new double[Stance.values().length];
        for (int k = 0; k < e.length; k++) {
            e[k] = effort(p, k);
        }
        return e;
    }

    /** The reformer's bonus factor by stance: {@code 1 + voiceBonus} for Voice, 1 otherwise. */
    static double[] bonuses(Parameters p) {
        double[] b = new double[Stance.values().length];
        for (int k = 0; k < b.length; k++) {
            b[k] = k == Stance.VOICE.ordinal() ? 1 + p.voiceBonus() : 1;
        }
        return b;
    }

    /**
     * Output from its factors, for a pass that computes the effort by stance and the share kept by
     * unit once a step: {@code competence / 10 × effort × timeLeft × kept × bonus}, where
     * {@code bonus} is {@code 1 + voiceBonus} for a reformer and 1 otherwise (the same bits as the
     * other form).
     */
    public static double output(double competence, double effort, double timeLeft, double kept, double bonus) {
        double y = competence / 10.0 * effort * timeLeft * kept;
        return bonus == 1 ? y : y * bonus;
    }
}
