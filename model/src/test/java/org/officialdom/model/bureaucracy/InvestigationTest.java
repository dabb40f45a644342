package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialdom.model.bureaucracy.BureaucracyParameters.DEFAULTS;

import org.officialdom.engine.Simulation;
import org.officialdom.engine.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * Mechanism 7, anti-corruption enforcement: the hazard, the verdicts and the fear, on hand-made
 * numbers worked out by hand in the comments.
 */
class InvestigationTest {

    private static final double EPS = 1e-12;

    @Test
    void investigationHazardAndVerdicts() {
        // defaults: convict guilty 0.8, fabricate 0.3
        var p = DEFAULTS.with("investigation.base", 0.001).with("investigation.campaign", 4)
                .with("investigation.circle_weight", 9).with("investigation.enemy_weight", 2)
                .with("investigation.patron_protection", 0.5).with("investigation.base_fear", 0.05)
                .with("investigation.dismiss_quitter", 0.5).investigation();
        // circle member with 1 enemy and a patron: 0.001 * 4 * (1 + 9 + 2) * 0.5 = 0.024
        assertThat(Investigation.hazard(p, true, 1, false, true)).isCloseTo(0.024, within(EPS));
        // innocent without enemies or patron: 0.004
        assertThat(Investigation.hazard(p, false, 0, false, false)).isCloseTo(0.004, within(EPS));
        assertThat(Investigation.verdict(p, 0.024, 0.03, 0.0, true, 1, false)).isEqualTo(Investigation.Verdict.NONE);
        assertThat(Investigation.verdict(p, 0.024, 0.01, 0.79, true, 1, false)).isEqualTo(Investigation.Verdict.GUILTY);
        assertThat(Investigation.verdict(p, 0.024, 0.01, 0.81, true, 1, false)).isEqualTo(Investigation.Verdict.ACQUITTED);
        // "if someone wants to give you a hard time, they can accuse you of bribery"
        assertThat(Investigation.verdict(p, 0.024, 0.01, 0.29, false, 1, false)).isEqualTo(Investigation.Verdict.FABRICATED);
        assertThat(Investigation.verdict(p, 0.024, 0.01, 0.29, false, 0, false)).isEqualTo(Investigation.Verdict.ACQUITTED);
        // one who quit the party in public is dismissed for it with probability 0.5
        assertThat(Investigation.verdict(p, 0.024, 0.01, 0.49, false, 0, true)).isEqualTo(Investigation.Verdict.QUIT_DISMISSED);
        assertThat(Investigation.verdict(p, 0.024, 0.01, 0.51, false, 0, true)).isEqualTo(Investigation.Verdict.ACQUITTED);
        // fear 4 * 0.05 = 0.2
        assertThat(Investigation.fear(p)).isCloseTo(0.2, within(EPS));
    }

    /**
     * Pass equals formula: the investigation pass, settling most officials by its table of hazards
     * without a patron, gives every official the verdict the readable equations give
     * ({@link Investigation#hazard}, {@link Investigation#verdict}), patrons in post, absent or gone,
     * monthly and quarterly steps.
     */
    @Test
    void thePassFindsWhatTheEquationsFind() {
        for (int months : new int[] {1, 3}) {
            BureaucracyParameters p = Fixtures.small(2000).with("months_per_step", months)
                    .with("investigation.base", 0.02).with("investigation.campaign", 2);
            Bureaucracy m = new Bureaucracy(p);
            try (Simulation sim = new Simulation(m, 4, 2)) {
                PassTests.vary(m, 5);
                PassTests.run(m, sim, "ageing");
                Officials o = m.officials();
                PassTests.run(m, sim, "investigation");
                RandomStream s = sim.streams().stream("investigation");
                long[] verdicts = new long[Investigation.Verdict.values().length];
                for (int i = 0; i < o.size(); i++) {
                    int id = o.table.id(i);
                    boolean circle = o.circle.values()[i];
                    int enemies = o.enemies.values()[i];
                    int patron = o.patron.values()[i];
                    double monthly = Investigation.hazard(p.investigation(), circle, enemies, o.publicExit.values()[i],
                            patron >= 0 && o.table.isLive(patron));
                    double h = 1 - Math.pow(1 - monthly, months);
                    Investigation.Verdict v = Investigation.verdict(p.investigation(), h, s.uniform(id, 0, 0), s.uniform(id, 0, 1),
                            circle, enemies, o.publicExit.values()[i]);
                    verdicts[v.ordinal()]++;
                    boolean convicted = v == Investigation.Verdict.GUILTY || v == Investigation.Verdict.FABRICATED
                            || v == Investigation.Verdict.QUIT_DISMISSED;
                    assertThat(o.leave.values()[i]).as("row %d leaves (%s), %d months", i, v, months).isEqualTo(convicted);
                    if (convicted) {
                        ExitRoute route = v == Investigation.Verdict.GUILTY ? ExitRoute.DISMISSAL_GUILTY
                                : v == Investigation.Verdict.FABRICATED ? ExitRoute.DISMISSAL_FABRICATED : ExitRoute.DISMISSAL_PARTY_EXIT;
                        assertThat(o.route.values()[i]).isEqualTo((byte) route.ordinal());
                    }
                }
                double[] figures = m.counts().figures(Investigation.FIGURES, Investigation.Kernel.width(m.organisation().ranks()));
                assertThat(figures[Investigation.Kernel.INVESTIGATED])
                        .isEqualTo((double) (o.size() - verdicts[Investigation.Verdict.NONE.ordinal()]));
                // the punished: every conviction, and by rank the convictions at that rank
                long punished = verdicts[Investigation.Verdict.GUILTY.ordinal()] + verdicts[Investigation.Verdict.FABRICATED.ordinal()]
                        + verdicts[Investigation.Verdict.QUIT_DISMISSED.ordinal()];
                assertThat(figures[Investigation.Kernel.PUNISHED]).isEqualTo((double) punished);
                long[] byRank = new long[m.organisation().ranks()];
                for (int i = 0; i < o.size(); i++) {
                    if (o.leave.values()[i]) {
                        byRank[o.rank.values()[i]]++;
                    }
                }
                for (int r = 0; r < byRank.length; r++) {
                    assertThat(figures[Investigation.Kernel.PUNISHED + 1 + r]).as("punished at rank %d", r).isEqualTo((double) byRank[r]);
                }
                for (Investigation.Verdict v : Investigation.Verdict.values()) {
                    assertThat(verdicts[v.ordinal()]).as("officials with verdict %s, %d months", v, months).isGreaterThan(3);
                }
            }
        }
    }
}
