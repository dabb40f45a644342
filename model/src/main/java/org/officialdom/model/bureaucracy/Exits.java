package org.officialdom.model.bureaucracy;

import org.officialdom.engine.Metric.ChartStyle;
import org.officialdom.engine.MetricSet;
import org.officialdom.engine.Chunk;
import org.officialdom.engine.EventBuffer;
import org.officialdom.engine.random.RandomStream;
import org.officialdom.model.parameter.Param;

/**
 * Mechanism 11, exit routes. Seed (000): Ms. Chang "eventually resigned and left the country";
 * officials "eager to leave the country"; "even those with the qualifications and perks offered within
 * the system are seeking ways to leave"; (001) Liu Yun "decided to give up and leave".
 *
 * <p>Checked in this order each step: retirement ({@code age > retirementAge}); death (Gompertz
 * hazard {@code mortality · exp(ageing · (age − 30))} a year); dismissal for incompetence
 * ({@code competence < competenceFloor}, Pluchino's rule, off by default). An official in the Exit
 * stance has said it wants to leave; wanting is not leaving. Each month it gets an outside offer with
 * probability {@code offerRate · market} (the private labour market, {@link Pay#market}), at a wage
 * {@code w_out · (1 − offerSpread + 2 · offerSpread · u)} (u uniform), and takes it, resigning for the
 * private sector, if that beats its pay by the switching cost: {@code offer ≥ pay · (1 + switchingCost)}
 * (pension, tenure, status given up). With foreign ties ≥ {@code tiesNeeded} and savings ≥
 * {@code savingsNeeded} it also tries to emigrate, with probability {@code emigrationRate} a month;
 * its unit keeps its passport with probability {@code passportControl}, and then it stays: it keeps
 * looking for a way out at home (counted as blocked). Dismissals after investigation come from
 * mechanism 7.
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
            @Param(value = "Probability per month that an official looking for a way out gets an outside offer, in the reference labour market.", unit = "share per month", min = 0, max = 1)
            double offerRate,
            @Param(value = "Half-width of outside offers around the outside wage, as a share of it.", unit = "share", min = 0, max = 1)
            double offerSpread,
            @Param(value = "What leaving costs, as a share of pay: an offer is taken if it beats pay by this much.", unit = "share", min = 0, max = 10)
            double switchingCost,
            @Param(value = "Probability per month that an official looking for a way out, with the ties and savings, tries to emigrate.", unit = "share per month", min = 0, max = 1)
            double emigrationRate,
            @Param(value = "Foreign ties needed to emigrate.", unit = "ties (0-1)", min = 0, max = 1)
            double tiesNeeded,
            @Param(value = "Savings needed to emigrate.", unit = "months of own pay", min = 0, max = 1000)
            double savingsNeeded,
            @Param(value = "Probability that the unit keeps the passport of an official who tries to emigrate.", unit = "share", min = 0, max = 1, lever = true)
            double passportControl) {

        public static final Parameters DEFAULTS = new Parameters(60, 0.0008, 0.085, 0, 0.03, 0.25, 0.2, 0.05, 0.3, 12, 0.5);
    }

    private Exits() {
    }

    /** The figures of the departures: officials who left this step, by {@link ExitRoute} ordinal. */
    static final String DEPARTURES = "exits";
    static final int ROUTES = ExitRoute.values().length;

    /** The declared outputs of exits: all routes, by route, and emigrations blocked. */
    static void metrics(MetricSet s, Counts c) {
        double[] f = c.figures(DEPARTURES, ROUTES);
        double[] attempts = c.figures(ATTEMPTS, Kernel.COUNTS);
        s.alone();
        s.add("exits", "officials per step", "Officials who left this step, all routes", c::exitsTotal);
        s.chart("Exits by route", ChartStyle.STACKED);
        for (ExitRoute r : ExitRoute.values()) {
            if (r != ExitRoute.NONE) {
                s.add("exits_" + r.name().toLowerCase(), "officials per step", "Officials who left this step: " + r.label(), () -> f[r.ordinal()]);
            }
        }
        s.alone();
        s.add("emigration_blocked", "officials per step", "Officials who tried to emigrate and whose unit kept their passport (they stay)",
                () -> attempts[BLOCKED]);
    }

    /** Probability of death within {@code months} at age {@code ageYears}. */
    public static double death(Parameters p, double ageYears, double months) {
        double yearly = p.mortality() * Math.exp(p.ageing() * (ageYears - 30));
        return 1 - Math.pow(1 - Math.min(1.0, yearly), months / 12.0);
    }

    /** An outside offer's wage, from the outside wage and a uniform draw u: {@code outside · (1 − spread + 2 · spread · u)}. */
    public static double offer(Parameters p, double outside, double u) {
        return outside * (1 - p.offerSpread() + 2 * p.offerSpread() * u);
    }

    /** Whether an offer is taken: it beats pay by the switching cost. */
    public static boolean takes(Parameters p, double offer, double pay) {
        return offer >= pay * (1 + p.switchingCost());
    }

    /** Whether an official can try to emigrate: foreign ties and savings enough. */
    public static boolean canEmigrate(Parameters p, double ties, double savings) {
        return ties >= p.tiesNeeded() && savings >= p.savingsNeeded();
    }

    /** The figures of the exits pass: emigrations blocked by passport control. */
    static final String ATTEMPTS = "exit-attempts";
    static final int BLOCKED = 0;

    /**
     * The pass: for each official not already leaving, the routes in the class comment's order.
     * Draws of stream "exits" for (id, step): 0 death, 1 an offer, 2 its wage, 3 an attempt to
     * emigrate, 4 the passport. The death probability is looked up by age in months, from
     * {@link #death} once a step.
     */
    static final class Kernel implements RowKernel {

        static final int COUNTS = 1;

        private final Parameters p;
        private final double months;
        private final double offerRate;
        private final double emigrationRate;
        private final double retireMonths;
        private final double[] death;
        private final Pay.Schedule pay;
        private final Officials o;
        private final RandomStream s;
        private final long step;

        /**
         * @param market the private labour market ({@link Pay#market})
         * @param pay    this step's pay and outside wage ({@link Pay.Schedule}, prepared by the pressures pass)
         */
        Kernel(Parameters p, double months, double market, Pay.Schedule pay, Officials o, RandomStream s, long step) {
            this.p = p;
            this.months = months;
            this.offerRate = 1 - Math.pow(1 - Math.min(1, p.offerRate() * market), months);
            this.emigrationRate = 1 - Math.pow(1 - p.emigrationRate(), months);
            this.retireMonths = 12 * p.retirementAge();
            this.death = new double[(int) Math.min(Short.MAX_VALUE + 1L, (long) retireMonths + 2)];
            for (int a = 0; a < death.length; a++) {
                death[a] = death(p, a / 12.0, months);
            }
            this.pay = pay;
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
            int[] unit = o.unit.values();
            byte[] rank = o.rank.values();
            double[] death = this.death;
            long blocked = 0;
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
                } else if (stance[i] == Stance.EXIT.ordinal()) {
                    if (s.uniform(id, step, 1) < offerRate
                            && takes(p, offer(p, comp[i] * pay.outsidePerCompetence()[rank[i]], s.uniform(id, step, 2)), pay.of(unit[i], rank[i]))) {
                        r = ExitRoute.PRIVATE_SECTOR;
                    } else if (canEmigrate(p, Officials.trait(o.foreignTies.values()[i]), o.savings.values()[i])
                            && s.uniform(id, step, 3) < emigrationRate) {
                        if (s.uniform(id, step, 4) >= p.passportControl()) {
                            r = ExitRoute.EMIGRATION;
                        } else {
                            blocked++;
                        }
                    }
                }
                if (r != ExitRoute.NONE) {
                    leave[i] = true;
                    route[i] = (byte) r.ordinal();
                }
            }
            counts[BLOCKED] += blocked;
        }
    }
}
