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
        assertThat(Exits.way(p, 0.5, 20, 0.6)).isEqualTo(ExitRoute.EMIGRATION);
        // passport kept
        assertThat(Exits.way(p, 0.5, 20, 0.4)).isEqualTo(ExitRoute.PRIVATE_SECTOR);
        // no ties, or no savings
        assertThat(Exits.way(p, 0.1, 20, 0.9)).isEqualTo(ExitRoute.PRIVATE_SECTOR);
        assertThat(Exits.way(p, 0.5, 5, 0.9)).isEqualTo(ExitRoute.PRIVATE_SECTOR);
    }

    /**
     * Pass equals formula: the exits pass, with its table of death probabilities by age in months,
     * gives every official the route the readable equations give (retirement, {@link Exits#death},
     * the competence floor, {@link Exits#way}), monthly and quarterly steps.
     */
    @Test
    void thePassSendsOutWhomTheEquationsSendOut() {
        for (int months : new int[] {1, 3}) {
            BureaucracyParameters p = Fixtures.small(2000).with("months_per_step", months).with("exits.mortality", 0.02)
                    .with("exits.competence_floor", 2).with("exits.search", 0.4).with("exits.savings_needed", 1)
                    .with("exits.ties_needed", 0.2);
            Bureaucracy m = new Bureaucracy(p);
            try (Simulation sim = new Simulation(m, 8, 2)) {
                PassTests.vary(m, 6);
                PassTests.run(m, sim, "ageing");
                Officials o = m.officials();
                PassTests.run(m, sim, "exits");
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
                    } else if (o.stance.values()[i] == Stance.EXIT.ordinal()
                            && s.uniform(id, 0, 1) < 1 - Math.pow(1 - p.exits().search(), months)) {
                        expected = Exits.way(p.exits(), Officials.trait(o.foreignTies.values()[i]), o.savings.values()[i], s.uniform(id, 0, 2));
                    }
                    routes[expected.ordinal()]++;
                    assertThat(o.leave.values()[i]).as("row %d leaves (%s)", i, expected).isEqualTo(expected != ExitRoute.NONE);
                    if (expected != ExitRoute.NONE) {
                        assertThat(o.route.values()[i]).as("route of row %d", i).isEqualTo((byte) expected.ordinal());
                    }
                }
                for (ExitRoute r : ExitRoute.values()) {
                    if (r != ExitRoute.DISMISSAL_GUILTY && r != ExitRoute.DISMISSAL_FABRICATED) {
                        assertThat(routes[r.ordinal()]).as("officials who leave by %s, %d months", r, months).isGreaterThan(3);
                    }
                }
            }
        }
    }
}
