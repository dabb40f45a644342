package org.officialdom.model.bureaucracy;

import org.officialdom.engine.Metric.ChartStyle;
import org.officialdom.engine.MetricSet;
import org.officialdom.engine.Chunk;
import org.officialdom.engine.EventBuffer;
import org.officialdom.engine.random.RandomStream;
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
 * (more Neglect and Exit), colleagues' exits and colleagues' public party exits (more Exit) and
 * disillusion by retaliation (less Voice):
 * <pre>
 *   U_L = bL + s·S + i·I − a·A
 *   U_V = bV + s·S + i·I + a·A·alternativesToVoice + m·motivation − f·F − d·retaliations
 *   U_N = bN − s·S − i·I + f·F + burn·[stress ≥ burnout]
 *   U_E = bE − s·S − i·I·investmentToExit + a·A + c·C + q·Q + burn·[stress ≥ burnout]
 * </pre>
 * with S = morale, I = investment = (min(1, tenure/30 y) + rank/top)/2, A = alternatives =
 * min(1, outside wage / pay / 2) (1 when the outside pays twice as much), F = fear, C = colleague exit
 * pressure, Q = the share of the unit's party members who have quit the party in public. States are sticky: each month an official reconsiders with probability
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
            @Param(value = "Loss of voice utility per retaliation suffered.", unit = "utility", min = 0) double disillusion,
            @Param(value = "Effect on exit of the share of the unit's party members who have quit in public.", unit = "utility", min = 0) double quitters) {

        public static final Parameters DEFAULTS = new Parameters(0.08, 1.0, 1.0,
                1.0, -3.5, -0.6, -1.2, 2.0, 1.0, 0.5, 2.0, 0.3, 1.0, 2.0, 1.0, 1.5, 0.5, 1.0);
    }

    private EvlnChoice() {
    }

    /** The declared outputs of the choice: the EVLN mix (the census counts the stances). */
    static void metrics(MetricSet s, Counts c) {
        s.chart("EVLN mix", ChartStyle.STACKED);
        for (Stance st : Stance.values()) {
            s.add("evln_" + st.name().toLowerCase(), "share", "Share of officials in the " + st.name().toLowerCase() + " stance",
                    () -> c.stances[st.ordinal()]);
        }
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
                                 double fear, boolean burntOut, double colleagues, double quitShare, double motivation,
                                 int retaliations, double[] u) {
        double burn = burntOut ? p.burnout() : 0;
        u[0] = p.loyaltyBase() + p.satisfaction() * satisfaction + p.investment() * investment - p.alternatives() * alternatives;
        u[1] = p.voiceBase() + p.satisfaction() * satisfaction + p.investment() * investment
                + p.alternatives() * p.alternativesToVoice() * alternatives + p.motivation() * motivation
                - p.fear() * fear - p.disillusion() * retaliations;
        u[2] = p.neglectBase() - p.satisfaction() * satisfaction - p.investment() * investment + p.fear() * fear + burn;
        u[3] = p.exitBase() - p.satisfaction() * satisfaction - p.investment() * p.investmentToExit() * investment
                + p.alternatives() * alternatives + p.colleagues() * colleagues + p.quitters() * quitShare + burn;
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

    /** The colleague exit pressure C: {@code min(1, colleagueSensitivity · annual exit rate of the unit)}. */
    public static double colleaguePressure(double colleagueSensitivity, double exitRatePerStep, double months) {
        return Math.min(1, colleagueSensitivity * 12 * exitRatePerStep / months);
    }

    /**
     * The pass: an official reconsiders with probability {@code 1 − (1 − reconsider)^months}, then
     * draws a stance from the utilities above. Draws 0 (reconsider) and 1 (choice) of stream "evln".
     */
    static final class Kernel implements RowKernel {

        private final Parameters p;
        private final double months;
        private final double reconsider;
        private final double burnout;
        private final double colleagueSensitivity;
        private final double[] fear;
        private final Pay.Schedule pay;
        private final Officials o;
        private final Organisation org;
        private final UnitClimate climate;
        private final RandomStream s;
        private final long step;

        /**
         * @param fear the fear by risk-aversion byte ({@link Surveillance#fearByTrait})
         * @param pay  this step's pay ({@link Pay.Schedule}, prepared by the pressures pass)
         */
        Kernel(Parameters p, Morale.Parameters morale, double months, double[] fear, Pay.Schedule pay, Officials o,
               Organisation org, UnitClimate climate, RandomStream s, long step) {
            this.p = p;
            this.months = months;
            this.reconsider = 1 - Math.pow(1 - p.reconsider(), months);
            this.burnout = morale.burnout();
            this.colleagueSensitivity = morale.colleagueSensitivity();
            this.fear = fear;
            this.pay = pay;
            this.o = o;
            this.org = org;
            this.climate = climate;
            this.s = s;
            this.step = step;
        }

        @Override
        public void apply(Chunk c, long[] counts, EventBuffer notes) {
            double[] u = new double[4];
            double[] payTable = pay.table();
            int[] payRow = pay.rows();
            double[] outsidePerCompetence = pay.outsidePerCompetence();
            double[] fearOf = fear;
            float[] exitRate = climate.exitRates();
            float[] quitShare = climate.quitShares();
            int[] ids = o.table.ids();
            int[] unit = o.unit.values();
            byte[] rank = o.rank.values();
            byte[] stance = o.stance.values();
            float[] comp = o.competence.values();
            float[] morale = o.morale.values();
            float[] stress = o.stress.values();
            short[] tenure = o.tenure.values();
            byte[] riskAversion = o.riskAversion.values();
            byte[] motivation = o.motivation.values();
            byte[] retaliations = o.retaliations.values();
            long[] noted = notes.buffer(c.worker());
            int noteAt = 0;
            for (int i = c.from(); i < c.to(); i++) {
                int id = ids[i];
                if (s.uniform(id, step, 0) >= reconsider) {
                    continue;
                }
                int un = unit[i];
                double pay = payTable[payRow[un] + rank[i]];
                double alt = alternatives(pay, comp[i] * outsidePerCompetence[rank[i]]);
                utilities(p, morale[i], investment(tenure[i], rank[i], org.topRank(un)), alt, fearOf[riskAversion[i] & 0xFF],
                        stress[i] >= burnout, colleaguePressure(colleagueSensitivity, exitRate[un], months), quitShare[un],
                        Officials.trait(motivation[i]), retaliations[i], u);
                int now = choose(p, u, stance[i], s.uniform(id, step, 1));
                if (now != stance[i]) {
                    stance[i] = (byte) now;
                    noteAt = notes.note(noted, noteAt, id, i, 0);
                }
            }
            notes.keep(c, noted, noteAt);
        }

        @Override
        public CareerEvent event(int row, int code) {
            return new CareerEvent.StanceTaken(Stance.values()[o.stance.values()[row]], o.morale.values()[row], o.stress.values()[row]);
        }
    }
}
