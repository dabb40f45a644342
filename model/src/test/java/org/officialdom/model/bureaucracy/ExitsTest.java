package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialdom.model.bureaucracy.BureaucracyParameters.DEFAULTS;

import org.officialdom.engine.Simulation;
import org.officialdom.engine.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * Mechanism 11, exit routes: mortality and the way out, on hand-made numbers worked out by hand in
 * the comments.
 */
class ExitsTest {

    private static final double EPS = 1e-12;

    @Test
    void exitRoutesAndMortality() {
        // defaults: ties needed 0.3, savings needed 12 months, passport control 0.5
        var p = DEFAULTS.with("exits.mortality", 0.001).with("exits.ageing", 0.1).exits();
        // at age 30 the yearly hazard is 0.001; one month: 1 - 0.999^(1/12)
        assertThat(Exits.death(p, 30, 1)).isCloseTo(1 - Math.pow(0.999, 1 / 12.0), within(EPS));
        // at 40: 0.001 * e^1 a year
        assertThat(Exits.death(p, 40, 12)).isCloseTo(0.001 * Math.E, within(1e-12));
        // emigration needs ties and savings
        assertThat(Exits.canEmigrate(p, 0.5, 20)).isTrue();
        assertThat(Exits.canEmigrate(p, 0.1, 20)).isFalse();
        assertThat(Exits.canEmigrate(p, 0.5, 5)).isFalse();
    }

    @Test
    void anOfferIsTakenIfItBeatsPayByTheSwitchingCost() {
        // defaults: offers spread 0.25 around the outside wage, switching cost 0.2
        var p = DEFAULTS.exits();
        // outside wage 1.5: the offer ranges from 1.5 * 0.75 = 1.125 (u = 0) to 1.5 * 1.25 = 1.875 (u -> 1)
        assertThat(Exits.offer(p, 1.5, 0)).isCloseTo(1.125, within(EPS));
        assertThat(Exits.offer(p, 1.5, 0.5)).isCloseTo(1.5, within(EPS));
        // pay 1.25: an offer is taken from 1.25 * 1.2 = 1.5 up
        assertThat(Exits.takes(p, 1.5, 1.25)).isTrue();
        assertThat(Exits.takes(p, 1.49, 1.25)).isFalse();
    }

    /**
     * Pass equals formula: the exits pass, with its table of death probabilities by age in months,
     * gives every official the route the readable equations give (retirement, {@link Exits#death},
     * the competence floor, an offer taken ({@link Exits#offer}, {@link Exits#takes} against
     * {@link Pay#pay} and {@link Pay#outside}), emigration and the passport), monthly and quarterly
     * steps, in a labour market below its reference.
     */
    @Test
    void thePassSendsOutWhomTheEquationsSendOut() {
        for (int months : new int[] {1, 3}) {
            BureaucracyParameters p = Fixtures.small(2000).with("months_per_step", months).with("exits.mortality", 0.02)
                    .with("exits.competence_floor", 2).with("exits.offer_rate", 0.5).with("exits.savings_needed", 1)
                    .with("exits.ties_needed", 0.2).with("exits.emigration_rate", 0.5).with("recruitment.youth_unemployment", 15);
            Bureaucracy m = new Bureaucracy(p);
            try (Simulation sim = new Simulation(m, 8, 2)) {
                PassTests.vary(m, 6);
                PassTests.run(m, sim, "ageing");
                PassTests.run(m, sim, "pressures"); // prepares the step's pay
                Officials o = m.officials();
                PassTests.run(m, sim, "exits");
                Organisation org = m.organisation();
                double market = Pay.market(p.pay(), 15, 12);
                long blocked = 0;
                RandomStream s = sim.streams().stream("exits");
                long[] routes = new long[ExitRoute.values().length];
                for (int i = 0; i < o.size(); i++) {
                    int id = o.table.id(i);
                    int age = o.age.values()[i];
                    ExitRoute expected = ExitRoute.NONE;
                    if (age > 12 * p.exits().retirementAge()) {
                        expected = ExitRoute.RETIREMENT;
                    } else if (s.uniform(id, 0, 0) < Exits.death(p.exits(), age / 12.0, months)) {
                        expected = ExitRoute.DEATH;
                    } else if (o.competence.values()[i] < p.exits().competenceFloor()) {
                        expected = ExitRoute.DISMISSAL_INCOMPETENCE;
                    } else if (o.stance.values()[i] == Stance.EXIT.ordinal()) {
                        int u = o.unit.values()[i];
                        int r = o.rank.values()[i];
                        double pay = Pay.pay(p.pay(), r, org.levelOf(u), org.levels(), org.budget(u) >= p.organisation().protectedBudget());
                        double offer = Exits.offer(p.exits(), Pay.outside(p.pay(), o.competence.values()[i], r, market), s.uniform(id, 0, 2));
                        if (s.uniform(id, 0, 1) < 1 - Math.pow(1 - p.exits().offerRate() * market, months) && Exits.takes(p.exits(), offer, pay)) {
                            expected = ExitRoute.PRIVATE_SECTOR;
                        } else if (Exits.canEmigrate(p.exits(), Officials.trait(o.foreignTies.values()[i]), o.savings.values()[i])
                                && s.uniform(id, 0, 3) < 1 - Math.pow(1 - p.exits().emigrationRate(), months)) {
                            if (s.uniform(id, 0, 4) >= p.exits().passportControl()) {
                                expected = ExitRoute.EMIGRATION;
                            } else {
                                blocked++;
                            }
                        }
                    }
                    routes[expected.ordinal()]++;
                    assertThat(o.leave.values()[i]).as("row %d leaves (%s)", i, expected).isEqualTo(expected != ExitRoute.NONE);
                    if (expected != ExitRoute.NONE) {
                        assertThat(o.route.values()[i]).as("route of row %d", i).isEqualTo((byte) expected.ordinal());
                    }
                }
                for (ExitRoute r : ExitRoute.values()) {
                    if (!r.punishment()) { // dismissals after investigation come from mechanism 7
                        assertThat(routes[r.ordinal()]).as("officials who leave by %s, %d months", r, months).isGreaterThan(3);
                    }
                }
                assertThat(blocked).as("emigrations blocked").isGreaterThan(3)
                        .isEqualTo((long) m.counts().figures(Exits.ATTEMPTS, Exits.Kernel.COUNTS)[Exits.BLOCKED]);
            }
        }
    }
}
