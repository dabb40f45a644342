package org.officialdom.model.bureaucracy;

import org.officialdom.model.parameter.Param;

/**
 * Mechanism 10, the EVLN choice. Seed (000): officials "increasingly engaging in passive resistance
 * and adopting a 'lying flat' attitude"; "she witnessed numerous colleagues leaving"; "eager to leave
 * the country"; (001) Liu Yun's voice, then exit.
 *
 * <p>Utilities follow the published EVLN findings (Rusbult, Farrell, Rogers and Mainous 1988,
 * Academy of Management Journal 31; Farrell and Rusbult 1992, Employee Responsibilities and Rights
 * Journal 5): higher satisfaction raises Voice and Loyalty and lowers Exit and Neglect; higher
 * investment raises Voice and Loyalty and lowers Neglect (and Exit); better alternatives raise Exit
 * and Voice and lower Loyalty. We add fear (mechanisms 2 and 7: less Voice, more Neglect), burnout
 * (more Neglect and Exit), colleagues' exits (more Exit) and disillusion by retaliation (less Voice):
 * <pre>
 *   U_L = bL + s·S + i·I − a·A
 *   U_V = bV + s·S + i·I + a·A·alternativesToVoice + m·motivation − f·F − d·retaliations
 *   U_N = bN − s·S − i·I + f·F + burn·[stress ≥ burnout]
 *   U_E = bE − s·S − i·I·investmentToExit + a·A + c·C + burn·[stress ≥ burnout]
 * </pre>
 * with S = morale, I = investment = (min(1, tenure/30 y) + rank/top)/2, A = alternatives =
 * min(1, outside wage / pay / 2) (1 when the outside pays twice as much), F = fear, C = colleague exit
 * pressure. States are sticky: each month an official reconsiders with probability
 * {@code reconsider}, and then draws a stance with probabilities ∝ exp(U_k / temperature), the
 * current stance's utility raised by {@code stickiness}.
 */
public final class EvlnChoice {

    public record Parameters(
            @Param(value = "Probability per month that an official reconsiders their stance.", unit = "share per month", min = 0, max = 1)
            double reconsider,
            @Param(value = "Utility bonus of the current stance (habit).", unit = "utility", min = 0, max = 10)
            double stickiness,
            @Param(value = "Temperature of the logit choice.", unit = "utility", min = 0.001, max = 10)
            double temperature,
            @Param(value = "Base utility of loyalty.", unit = "utility") double loyaltyBase,
            @Param(value = "Base utility of voice.", unit = "utility") double voiceBase,
            @Param(value = "Base utility of neglect.", unit = "utility") double neglectBase,
            @Param(value = "Base utility of exit.", unit = "utility") double exitBase,
            @Param(value = "Effect of satisfaction (morale).", unit = "utility", min = 0) double satisfaction,
            @Param(value = "Effect of investment (tenure, rank).", unit = "utility", min = 0) double investment,
            @Param(value = "Share of the investment effect that also deters exit.", unit = "share", min = 0, max = 1) double investmentToExit,
            @Param(value = "Effect of the quality of alternatives.", unit = "utility", min = 0) double alternatives,
            @Param(value = "Share of the alternatives effect that also raises voice.", unit = "share", min = 0, max = 1) double alternativesToVoice,
            @Param(value = "Effect of public-service motivation on voice.", unit = "utility", min = 0) double motivation,
            @Param(value = "Effect of fear.", unit = "utility", min = 0) double fear,
            @Param(value = "Effect of burnout.", unit = "utility", min = 0) double burnout,
            @Param(value = "Effect of colleagues' exits on exit.", unit = "utility", min = 0) double colleagues,
            @Param(value = "Loss of voice utility per retaliation suffered.", unit = "utility", min = 0) double disillusion) implements java.io.Serializable {

        public static final Parameters DEFAULTS = new Parameters(0.08, 1.0, 1.0,
                1.0, -3.5, -0.6, -1.2, 2.0, 1.0, 0.5, 2.0, 0.3, 1.0, 2.0, 1.0, 1.5, 0.5);
    }

    private EvlnChoice() {
    }

    /** Investment in the job: tenure (capped at 30 years) and rank relative to the unit's top. */
    public static double investment(double tenureMonths, int rank, int topRank) {
        return 0.5 * Math.min(1.0, tenureMonths / 360.0) + 0.5 * (topRank == 0 ? 0 : (double) rank / topRank);
    }

    /** Quality of alternatives: 1 when the outside wage is twice the pay. */
    public static double alternatives(double pay, double outside) {
        return pay <= 0 ? 1 : Math.min(1.0, outside / pay / 2.0);
    }

    /** Fills {@code u} (length 4, in {@link Stance} order) with the four utilities. */
    public static void utilities(Parameters p, double satisfaction, double investment, double alternatives,
                                 double fear, boolean burntOut, double colleagues, double motivation,
                                 int retaliations, double[] u) {
        double burn = burntOut ? p.burnout() : 0;
        u[0] = p.loyaltyBase() + p.satisfaction() * satisfaction + p.investment() * investment - p.alternatives() * alternatives;
        u[1] = p.voiceBase() + p.satisfaction() * satisfaction + p.investment() * investment
                + p.alternatives() * p.alternativesToVoice() * alternatives + p.motivation() * motivation
                - p.fear() * fear - p.disillusion() * retaliations;
        u[2] = p.neglectBase() - p.satisfaction() * satisfaction - p.investment() * investment + p.fear() * fear + burn;
        u[3] = p.exitBase() - p.satisfaction() * satisfaction - p.investment() * p.investmentToExit() * investment
                + p.alternatives() * alternatives + p.colleagues() * colleagues + burn;
    }

    /** Logit choice with habit: the stance whose cumulative probability first exceeds {@code draw}. */
    public static int choose(Parameters p, double[] u, int current, double draw) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 4; k++) {
            double v = u[k] + (k == current ? p.stickiness() : 0);
            u[k] = v;
            max = Math.max(max, v);
        }
        double total = 0;
        double coolness = 1 / p.temperature(); // one division instead of four
        for (int k = 0; k < 4; k++) {
            u[k] = Math.exp((u[k] - max) * coolness);
            total += u[k];
        }
        double x = draw * total;
        for (int k = 0; k < 3; k++) {
            x -= u[k];
            if (x < 0) {
                return k;
            }
        }
        return 3;
    }
}
