package org.officialdom.model.bureaucracy;

import org.officialdom.engine.Metric.ChartStyle;
import org.officialdom.engine.MetricSet;
import org.officialdom.engine.Parallel;
import org.officialdom.model.parameter.Param;

/**
 * Mechanism 9, morale and stress. Seed (000): "challenging for individuals to find joy in their
 * work"; "further strained their mental and physical well-being"; "personal experiences of
 * mistreatment and lack of recognition"; "she witnessed numerous colleagues leaving".
 *
 * <p>The morale target is a weighted mean of six goods, each in [0, 1]:
 * <pre>
 *   meaning     = motivation · timeLeft          (timeLeft = 1 − study load − meaningless share)
 *   fairness    = min(1, pay / outside wage)
 *   freedom     = 1 − freedomLoss · surveillance
 *   recognition = 1 / (1 + retaliations), halved in a month with a quota penalty
 *   ease        = 1 − min(1, study load · (1 − support) · studyAversion + overtime)
 *   colleagues  = 1 − min(1, colleagueSensitivity · annual exit rate of the unit)
 *   target      = Σ w_k x_k / Σ w_k
 * </pre>
 * Morale adapts: {@code M' = M + adaptation · (target − M)}. Stress accumulates and recovers:
 * {@code S' = clamp(S · (1 − recovery) + stressGain · (study load + overtime + fear + meaningless share) + penalty)}:
 * at a steady load, stress settles at {@code stressGain · load / recovery}, so a heavy load (study,
 * campaign overtime, fear and meaningless work near 1) takes it past the burnout threshold;
 * an official with {@code S ≥ burnout} is burnt out (pushes toward Neglect and Exit, mechanism 10).
 */
public final class Morale {

    public record Parameters(
            @Param(value = "Share of the gap to the target closed each month.", unit = "share per month", min = 0, max = 1)
            double adaptation,
            @Param(value = "Weight of meaningful work.", min = 0) double meaningWeight,
            @Param(value = "Weight of pay fairness.", min = 0) double fairnessWeight,
            @Param(value = "Weight of freedom.", min = 0) double freedomWeight,
            @Param(value = "Weight of recognition.", min = 0) double recognitionWeight,
            @Param(value = "Weight of ease (no study burden, no overtime).", min = 0) double easeWeight,
            @Param(value = "Weight of colleagues staying.", min = 0) double colleaguesWeight,
            @Param(value = "How strongly the study load weighs on a disbelieving official.", unit = "multiplier", min = 0, max = 20)
            double studyAversion,
            @Param(value = "Colleague-exit pressure per unit of annual exit rate in the unit.", unit = "multiplier", min = 0, max = 100)
            double colleagueSensitivity,
            @Param(value = "Share of stress shed each month.", unit = "share per month", min = 0, max = 1)
            double recovery,
            @Param(value = "Stress added per month per unit of load (study, overtime, fear, meaningless work).", unit = "stress per month", min = 0, max = 1)
            double stressGain,
            @Param(value = "Stress at which an official is burnt out.", unit = "stress (0-1)", min = 0, max = 1)
            double burnout) {

        public static final Parameters DEFAULTS = new Parameters(0.1, 1, 1, 1, 1, 1, 1, 3, 5, 0.2, 0.12, 0.6);
    }

    private Morale() {
    }

    /** The declared outputs of morale and stress: mean and deciles of each (the census measures them). */
    static void metrics(MetricSet s, Counts c) {
        s.chart("Morale: mean and deciles", ChartStyle.BAND);
        s.add("morale_mean", "morale (0-1)", "Mean morale", () -> c.morale[0]);
        for (int d = 1; d <= 9; d++) {
            int dd = d;
            s.add("morale_p" + d * 10, "morale (0-1)", d * 10 + "th percentile of morale (0.01 bins)", () -> c.morale[dd]);
        }
        s.chart("Stress: mean and deciles", ChartStyle.BAND);
        s.add("stress_mean", "stress (0-1)", "Mean stress", () -> c.stress[0]);
        for (int d = 1; d <= 9; d++) {
            int dd = d;
            s.add("stress_p" + d * 10, "stress (0-1)", d * 10 + "th percentile of stress (0.01 bins)", () -> c.stress[dd]);
        }
    }

    /** The morale target from its six goods (see the class comment). */
    public static double target(Parameters p, double motivation, double studyLoad, double meaninglessShare,
                                double fairness, double freedom, double recognition, double support,
                                double overtime, double annualExitRate) {
        double timeLeft = Math.max(0, 1 - studyLoad - meaninglessShare);
        return target(p, motivation * timeLeft, fairness, freedom, recognition,
                ease(p, studyLoad, support, overtime), colleagues(p, annualExitRate));
    }

    /** Ease: {@code 1 - min(1, studyLoad (1 - support) studyAversion + overtime)}. */
    public static double ease(Parameters p, double studyLoad, double support, double overtime) {
        return 1 - Math.min(1, studyLoad * (1 - support) * p.studyAversion() + overtime);
    }

    /** Colleagues staying: {@code 1 - min(1, colleagueSensitivity × annualExitRate)}. */
    public static double colleagues(Parameters p, double annualExitRate) {
        return 1 - Math.min(1, p.colleagueSensitivity() * annualExitRate);
    }

    /**
     * The target as the weighted mean of the six goods, already computed (meaning is motivation
     * times the time left for real work). A pass can compute the goods that depend only on a unit
     * or on a trait once, and give the same result as the other form.
     */
    public static double target(Parameters p, double meaning, double fairness, double freedom, double recognition,
                                double ease, double colleagues) {
        double num = p.meaningWeight() * meaning + p.fairnessWeight() * fairness + p.freedomWeight() * freedom
                + p.recognitionWeight() * recognition + p.easeWeight() * ease + p.colleaguesWeight() * colleagues;
        double den = p.meaningWeight() + p.fairnessWeight() + p.freedomWeight() + p.recognitionWeight()
                + p.easeWeight() + p.colleaguesWeight();
        return den <= 0 ? 0.5 : num / den;
    }

    /**
     * The target's weights divided by their sum, {@code ŵ_k = w_k / Σ w}, so that a pass computes
     * {@code target = Σ ŵ_k x_k} once per official with multiplications only: the same value as
     * {@link #target(Parameters, double, double, double, double, double, double)} up to the last
     * bits (a division per official costs more than the rest of the sum). With no weight at all
     * the target is the neutral 0.5, carried in {@code neutral}; otherwise {@code neutral} is 0.
     */
    public record Weights(double meaning, double fairness, double freedom, double recognition, double ease,
                          double colleagues, double neutral) {

        /** {@code Σ ŵ_k x_k + neutral}, summed in the order of the class comment. */
        public double target(double meaning, double fairness, double freedom, double recognition, double ease,
                             double colleagues) {
            return this.meaning * meaning + this.fairness * fairness + this.freedom * freedom
                    + this.recognition * recognition + this.ease * ease + this.colleagues * colleagues + neutral;
        }
    }

    /** The normalised weights of the morale target, computed once a step. */
    public static Weights weights(Parameters p) {
        double den = p.meaningWeight() + p.fairnessWeight() + p.freedomWeight() + p.recognitionWeight()
                + p.easeWeight() + p.colleaguesWeight();
        if (den <= 0) {
            return new Weights(0, 0, 0, 0, 0, 0, 0.5);
        }
        return new Weights(p.meaningWeight() / den, p.fairnessWeight() / den, p.freedomWeight() / den,
                p.recognitionWeight() / den, p.easeWeight() / den, p.colleaguesWeight() / den, 0);
    }

    public static double adapt(Parameters p, double morale, double target, double monthsPerStep) {
        return adapt(morale, target, adaptationRate(p, monthsPerStep));
    }

    /** The share of the gap to the target closed in one step: {@code 1 − (1 − adaptation)^months}. */
    public static double adaptationRate(Parameters p, double monthsPerStep) {
        return 1 - Math.pow(1 - p.adaptation(), monthsPerStep);
    }

    /** One step of adaptation at a rate from {@link #adaptationRate} (computed once a step, not per official). */
    public static double adapt(double morale, double target, double rate) {
        return morale + rate * (target - morale);
    }

    /**
     * Stress after a step of {@code months}: {@code stress · (1 − recovery) + stressGain · load · months + penalty},
     * kept in [0, 1]; {@code load} is the study load, overtime, fear and the meaningless share together.
     */
    public static double stress(Parameters p, double stress, double load, double penalty, double months) {
        return clampStress(stress * (1 - p.recovery()) + p.stressGain() * (load * months) + penalty);
    }

    /** Stress kept in [0, 1] (a pass that computes the sum of {@link #stress} itself clamps it here). */
    public static double clampStress(double s) {
        return s < 0 ? 0 : (s > 1 ? 1 : s);
    }

    /**
     * The morale target's and stress's terms that depend only on party membership {@code m}, a trait
     * byte {@code b}, the retaliations suffered or the unit, prepared once a step from the goods
     * above and already multiplied by their normalised weights ({@link #weights}): per official the
     * target is then a few lookups and one division (pay fairness). The sum is the class comment's
     * {@code Σ w_k x_k / Σ w} up to the last bits (the terms are added in another order, and divided
     * by the weights' sum before, not after). The per-unit array is kept from step to step.
     */
    static final class Terms {
        private double[] meaning;
        private double[] fixed;
        private double[] stressAdded;
        private double[] recognition;
        private double[] colleagues = new double[0];
        private double fairnessWeight;
        private double adaptation;
        private double retained;

        /** By membership: the weight of meaning times the time left for real work. */
        double[] meaning() {
            return meaning;
        }

        /** By (m, support byte), index {@code m · 256 + b}: freedom and ease, weighted, plus the neutral 0.5 if no weights. */
        double[] fixed() {
            return fixed;
        }

        /** By (m, risk-aversion byte): {@code stressGain · (study load + overtime + fear + meaningless share) · months}. */
        double[] stressAdded() {
            return stressAdded;
        }

        /** By the retaliations byte: the weighted recognition {@code ŵ / (1 + r)}. */
        double[] recognition() {
            return recognition;
        }

        /** Per unit: the weighted colleagues' good, from the unit's exit rate last step. */
        double[] colleagues() {
            return colleagues;
        }

        double fairnessWeight() {
            return fairnessWeight;
        }

        /** The share of the gap to the target closed this step. */
        double adaptation() {
            return adaptation;
        }

        /** The share of stress kept ({@code 1 − recovery}). */
        double retained() {
            return retained;
        }

        /**
         * @param loads  the study load of non-members and members ({@link PoliticalStudy#loads})
         * @param fear   the fear by risk-aversion byte ({@link Surveillance#fearByTrait})
         */
        void prepare(Parameters p, double months, double[] loads, double meaninglessShare, double overtime, double freedom,
                     double[] fear, float[] exitRate, Parallel parallel) {
            Weights w = weights(p);
            meaning = new double[2];
            fixed = new double[512];
            stressAdded = new double[512];
            for (int m = 0; m < 2; m++) {
                double load = loads[m];
                meaning[m] = w.meaning() * Math.max(0, 1 - load - meaninglessShare);
                for (int b = 0; b < 256; b++) {
                    double support = Officials.trait((byte) b);
                    fixed[m * 256 + b] = w.freedom() * freedom + w.ease() * ease(p, load, support, overtime) + w.neutral();
                    stressAdded[m * 256 + b] = p.stressGain() * ((load + overtime + fear[b] + meaninglessShare) * months);
                }
            }
            recognition = new double[256];
            for (int b = 0; b < 256; b++) {
                recognition[b] = w.recognition() / (1 + (byte) b);
            }
            if (colleagues.length != exitRate.length) {
                colleagues = new double[exitRate.length];
            }
            double[] at = colleagues;
            parallel.forEach(exitRate.length, c -> {
                for (int u = c.from(); u < c.to(); u++) {
                    at[u] = w.colleagues() * Morale.colleagues(p, 12 * exitRate[u] / months);
                }
            });
            fairnessWeight = w.fairness();
            adaptation = adaptationRate(p, months);
            retained = 1 - p.recovery();
        }
    }
}
