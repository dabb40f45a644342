package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialdom.model.bureaucracy.BureaucracyParameters.DEFAULTS;

import org.officialdom.engine.Simulation;
import org.officialdom.engine.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * Mechanism 10, the EVLN choice: the utilities and the logit with habit, on hand-made numbers
 * worked out by hand in the comments.
 */
class EvlnChoiceTest {

    private static final double EPS = 1e-12;

    @Test
    void evlnUtilitiesFollowRusbultsSigns() {
        // defaults: loyalty base 1, satisfaction 2, investment 1, investment to exit 0.5, alternatives 2, motivation 1,
        // fear 2, burnout 1, colleagues 1.5, disillusion 0.5
        var p = DEFAULTS.with("evln.voice_base", -1).with("evln.neglect_base", -0.5).with("evln.exit_base", -2)
                .with("evln.alternatives_to_voice", 0.25).evln();
        double[] u = new double[4];
        EvlnChoice.utilities(p, 0.5, 0.4, 0.6, 0.1, false, 0.2, 0, 0.3, 2, u);
        // L = 1 + 2*0.5 + 1*0.4 - 2*0.6 = 1.2
        assertThat(u[0]).isCloseTo(1.2, within(EPS));
        // V = -1 + 1 + 0.4 + 2*0.25*0.6 + 1*0.3 - 2*0.1 - 0.5*2 = -0.2
        assertThat(u[1]).isCloseTo(-0.2, within(EPS));
        // N = -0.5 - 1 - 0.4 + 0.2 = -1.7
        assertThat(u[2]).isCloseTo(-1.7, within(EPS));
        // E = -2 - 1 - 0.5*0.4 + 1.2 + 1.5*0.2 = -1.7
        assertThat(u[3]).isCloseTo(-1.7, within(EPS));
        // higher satisfaction: voice and loyalty up, exit and neglect down
        double[] w = new double[4];
        EvlnChoice.utilities(p, 0.9, 0.4, 0.6, 0.1, false, 0.2, 0, 0.3, 2, w);
        assertThat(w[0]).isGreaterThan(u[0]);
        assertThat(w[1]).isGreaterThan(u[1]);
        assertThat(w[2]).isLessThan(u[2]);
        assertThat(w[3]).isLessThan(u[3]);
        // investment and alternatives on the helpers: 15 years of tenure, rank 1 of top 2 -> 0.5*0.5 + 0.5*0.5
        assertThat(EvlnChoice.investment(180, 1, 2)).isCloseTo(0.5, within(EPS));
        assertThat(EvlnChoice.alternatives(1.0, 1.5)).isCloseTo(0.75, within(EPS));
        // colleagues' public party exits raise exit only: a unit where 30 % of members quit, quitters 1 (the default)
        double[] q = new double[4];
        EvlnChoice.utilities(p, 0.5, 0.4, 0.6, 0.1, false, 0.2, 0.3, 0.3, 2, q);
        assertThat(q[3] - u[3]).isCloseTo(p.quitters() * 0.3, within(EPS));
        assertThat(q[0]).isEqualTo(u[0]);
    }

    @Test
    void evlnChoiceIsALogitWithHabit() {
        var p = DEFAULTS.with("evln.stickiness", Math.log(2)).evln(); // temperature 1: the default
        // all utilities 0, current = loyalty with habit ln 2: weights 2,1,1,1 -> P(L) = 0.4, P(V) = 0.2 ...
        assertThat(EvlnChoice.choose(p, new double[4], 0, 0.39)).isEqualTo(0);
        assertThat(EvlnChoice.choose(p, new double[4], 0, 0.41)).isEqualTo(1);
        assertThat(EvlnChoice.choose(p, new double[4], 0, 0.61)).isEqualTo(2);
        assertThat(EvlnChoice.choose(p, new double[4], 0, 0.81)).isEqualTo(3);
    }

    /**
     * Pass equals formula: the evln pass, with its tables of pay, outside wage and fear, gives every
     * official the stance the readable equations give ({@link Pay#pay}, {@link Pay#outside},
     * {@link Surveillance#fear}, {@link EvlnChoice#utilities}, {@link EvlnChoice#choose}), on a small
     * organisation whose officials have varied states.
     */
    @Test
    void thePassChoosesWhatTheEquationsChoose() {
        BureaucracyParameters p = Fixtures.small(2000).with("evln.reconsider", 0.5).with("surveillance.intensity", 0.6)
                .with("pay.cut_by_level", java.util.List.of(0.0, 0.0, 0.1, 0.2, 0.3)).with("investigation.campaign", 4);
        Bureaucracy m = new Bureaucracy(p);
        try (Simulation sim = new Simulation(m, 9, 2)) {
            PassTests.vary(m, 3);
            PassTests.run(m, sim, "ageing");
            PassTests.run(m, sim, "pressures");
            Officials o = m.officials();
            Organisation org = m.organisation();
            byte[] before = o.stance.values().clone();
            PassTests.run(m, sim, "evln");
            RandomStream s = sim.streams().stream("evln");
            double reconsider = p.evln().reconsider();
            int changed = 0;
            int reconsidered = 0;
            for (int i = 0; i < o.size(); i++) {
                int id = o.table.id(i);
                int expected = before[i];
                if (s.uniform(id, 0, 0) < reconsider) {
                    reconsidered++;
                    int u = o.unit.values()[i];
                    int r = o.rank.values()[i];
                    double competence = o.competence.values()[i];
                    boolean protectedUnit = org.budget(u) >= p.organisation().protectedBudget();
                    double alternatives = EvlnChoice.alternatives(Pay.pay(p.pay(), r, org.levelOf(u), org.levels(), protectedUnit),
                            Pay.outside(p.pay(), competence, r, 1)); // youth unemployment at its reference
                    double fear = Surveillance.fear(p.surveillance(), Officials.trait(o.riskAversion.values()[i]),
                            Investigation.fear(p.investigation()));
                    double[] utility = new double[4];
                    EvlnChoice.utilities(p.evln(), o.morale.values()[i], EvlnChoice.investment(o.tenure.values()[i], r, org.topRank(u)),
                            alternatives, fear, o.stress.values()[i] >= p.morale().burnout(),
                            EvlnChoice.colleaguePressure(p.morale().colleagueSensitivity(), m.climate().exitRates()[u], 1),
                            m.climate().quitShares()[u],
                            Officials.trait(o.motivation.values()[i]), o.retaliations.values()[i], utility);
                    expected = EvlnChoice.choose(p.evln(), utility, before[i], s.uniform(id, 0, 1));
                }
                assertThat(o.stance.values()[i]).as("stance of row %d", i).isEqualTo((byte) expected);
                changed += expected != before[i] ? 1 : 0;
            }
            assertThat(reconsidered).isGreaterThan(500);
            assertThat(changed).as("stances that changed").isGreaterThan(100);
        }
    }
}
