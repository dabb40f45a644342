package org.officialdom.model.bureaucracy;

import org.officialdom.engine.Metric.ChartStyle;
import org.officialdom.engine.MetricSet;
import org.officialdom.engine.Chunk;
import org.officialdom.engine.EventBuffer;
import org.officialdom.engine.random.RandomStream;
import org.officialdom.model.parameter.Param;

/**
 * Mechanism 11, exit routes. Seed (000): Ms. Chang "eventually resigned and left the country";
 * officials "eager to leave the country"; (001) Liu Yun "decided to give up and leave".
 *
 * <p>Checked in this order each step: retirement ({@code age > retirementAge}); death (Gompertz
 * hazard {@code mortality · exp(ageing · (age − 30))} a year); dismissal for incompetence
 * ({@code competence < competenceFloor}, Pluchino's rule, off by default); and for an official in the
 * Exit stance, finding a way out with probability {@code search} a month: emigration if foreign ties
 * ≥ {@code tiesNeeded}, savings ≥ {@code savingsNeeded} and the passport is released (probability
 * {@code 1 − passportControl}: officials' passports are held by their units), else the private sector.
 * Dismissals after investigation come from mechanism 7.
 */
public final class Exits {

    public record Parameters(
            @Param(value = "Retirement age: officials older than this leave.", unit = "years", min = 1, max = 2000)
            double retirementAge,
            @Param(value = "Yearly death hazard at age 30.", unit = "share per year", min = 0, max = 1)
            double mortality,
            @Param(value = "Gompertz ageing rate of the death hazard.", unit = "per year of age", min = 0, max = 1)
            double ageing,
            @Param(value = "Competence below which an official is dismissed (0: never).", unit = "competence (1-10)", min = 0, max = 10)
            double competenceFloor,
            @Param(value = "Probability per month that an official in the Exit stance finds a way out.", unit = "share per month", min = 0, max = 1)
            double search,
            @Param(value = "Foreign ties needed to emigrate.", unit = "ties (0-1)", min = 0, max = 1)
            double tiesNeeded,
            @Param(value = "Savings needed to emigrate.", unit = "months of own pay", min = 0, max = 1000)
            double savingsNeeded,
            @Param(value = "Probability that the unit keeps the passport of an official who wants to emigrate.", unit = "share", min = 0, max = 1, lever = true)
            double passportControl) implements java.io.Serializable {

        public static final Parameters DEFAULTS = new Parameters(60, 0.0008, 0.085, 0, 0.08, 0.3, 12, 0.5);
    }

    private Exits() {
    }

    /** The figures of the departures: officials who left this step, by {@link ExitRoute} ordinal. */
    static final String DEPARTURES = "exits";
    static final int ROUTES = ExitRoute.values().length;

    /** The declared outputs of exits: all routes, and by route. */
    static void metrics(MetricSet s, Counts c) {
        double[] f = c.figures(DEPARTURES, ROUTES);
        s.alone();
        s.add("exits", "officials per step", "Officials who left this step, all routes", c::exitsTotal);
        s.chart("Exits by route", ChartStyle.STACKED);
        for (ExitRoute r : ExitRoute.values()) {
            if (r != ExitRoute.NONE) {
                s.add("exits_" + r.name().toLowerCase(), "officials per step", "Officials who left this step: " + r.label(), () -> f[r.ordinal()]);
            }
        }
    }

    /** Probability of death within {@code months} at age {@code ageYears}. */
    public static double death(Parameters p, double ageYears, double months) {
        double yearly = p.mortality() * Math.exp(p.ageing() * (ageYears - 30));
        return 1 - Math.pow(1 - Math.min(1.0, yearly), months / 12.0);
    }

    /** The route of an official who found a way out (u: the passport draw). */
    public static ExitRoute way(Parameters p, double ties, double savings, double u) {
        return ties >= p.tiesNeeded() && savings >= p.savingsNeeded() && u >= p.passportControl()
                ? ExitRoute.EMIGRATION : ExitRoute.PRIVATE_SECTOR;
    }

    /**
     * The pass: for each official not already leaving, the routes in the class comment's order.
     * Draws 0 (death), 1 (search) and 2 (passport) of stream "exits". The death probability is
     * looked up by age in months, from {@link #death} once a step.
     */
    static final class Kernel implements RowKernel {

        private final Parameters p;
        private final double months;
        private final double search;
        private final double retireMonths;
        private final double[] death;
        private final Officials o;
        private final RandomStream s;
        private final long step;

        Kernel(Parameters p, double months, Officials o, RandomStream s, long step) {
            this.p = p;
            this.months = months;
            this.search = 1 - Math.pow(1 - p.search(), months);
            this.retireMonths = 12 * p.retirementAge();
            this.death = new double[(int) Math.min(Short.MAX_VALUE + 1L, (long) retireMonths + 2)];
            for (int a = 0; a < death.length; a++) {
                death[a] = death(p, a / 12.0, months);
            }
            this.o = o;
            this.s = s;
            this.step = step;
        }

        @Override
        public void apply(Chunk c, long[] counts, EventBuffer notes) {
            boolean[] leave = o.leave.values();
            byte[] route = o.route.values();
            short[] age = o.age.values();
            float[] comp = o.competence.values();
            byte[] stance = o.stance.values();
            double[] death = this.death;
            for (int i = c.from(); i < c.to(); i++) {
                if (leave[i]) {
                    continue;
                }
                long id = o.table.id(i);
                ExitRoute r = ExitRoute.NONE;
                if (age[i] > retireMonths) {
                    r = ExitRoute.RETIREMENT;
                } else if (s.uniform(id, step, 0) < (age[i] < death.length ? death[age[i]] : death(p, age[i] / 12.0, months))) {
                    r = ExitRoute.DEATH;
                } else if (comp[i] < p.competenceFloor()) {
                    r = ExitRoute.DISMISSAL_INCOMPETENCE;
                } else if (stance[i] == Stance.EXIT.ordinal() && s.uniform(id, step, 1) < search) {
                    r = way(p, Officials.trait(o.foreignTies.values()[i]), o.savings.values()[i], s.uniform(id, step, 2));
                }
                if (r != ExitRoute.NONE) {
                    leave[i] = true;
                    route[i] = (byte) r.ordinal();
                }
            }
        }
    }
}
