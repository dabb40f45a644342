package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.officialdom.engine.Metric;
import org.officialdom.engine.Simulation;

/**
 * Invariants over many random small organisations, levers and seeds (a seeded generator picks them,
 * so a failure names its case): posts are never over-filled and the post counts match the officials
 * in them; headcount(t+1) = headcount(t) + hires − exits; shares stay in [0, 1]; nothing is NaN.
 */
class PropertiesTest {

    static Stream<Arguments> cases() {
        return IntStream.range(0, 16).mapToObj(k -> {
            SplittableRandom g = new SplittableRandom(1000 + k);
            return Arguments.of(k, 200 + g.nextInt(3000), g.nextLong(1_000_000), g.nextDouble(), g.nextDouble(), g.nextDouble());
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void invariantsHold(int k, int officials, long seed, double a, double b, double c) {
        BureaucracyParameters d = Fixtures.small(officials);
        var o = d.organisation();
        BureaucracyParameters p = d.withTiming(1 + (k % 3 == 0 ? 11 : 0), 7)
                .with(new Organisation.Parameters(officials, 1 + k % 3, 2 + 2 * a, 0.6 + 0.4 * b, o.sectorShares(), List.of(), c))
                .with(new PoliticalStudy.Parameters(10 * a, 3 * b, 2 * c, c, 4 * a, 1, 40))
                .with(new Surveillance.Parameters(b, 0.5, 0.8))
                .with(new Quotas.Parameters(0.4 * c, a, 15, 0.5, 0.2))
                .with(new Pay.Parameters(0.35, 0.1, List.of(0.0, 0.1 * a, 0.2 * a, 0.3 * a, 0.4 * a), 0.5 + 2 * b, 0.15))
                .with(new Investigation.Parameters(0.002 * c, 1 + 10 * a, 4, 3, 20, 0.6, 0.8, 0.3, 0.02))
                .with(new Voice.Parameters(0.5, 0.5, 0.8, 1, 3, 1))
                .with(new EvlnChoice.Parameters(0.3, 1, 1, 1.0, -1.5 + a, -0.6, -1.2 + b, 2.0, 1.0, 0.5, 2.0, 0.3, 1.0, 2.0, 1.0, 1.5, 0.5))
                .with(new Careers.Parameters(6, 0.2, 20))
                .with(new PartyExit.Parameters(0.2, 0.2, 0.3, 0.02 * a, 0.1, 0.05 * b));
        Bureaucracy m = new Bureaucracy(p);
        try (Simulation sim = new Simulation(m, seed, 2)) {
            check(m);
            for (int t = 1; t <= 24; t++) {
                double before = m.agents();
                sim.step();
                int row = sim.metrics().rowCount() - 1;
                double hires = sim.metrics().column("hires")[row];
                double exits = sim.metrics().column("exits")[row];
                assertThat(m.agents()).as("case %d step %d: headcount balance", k, t).isEqualTo((long) (before + hires - exits));
                assertThat(sim.metrics().column("headcount")[row]).isEqualTo(m.agents());
                check(m);
                List<Metric> declared = sim.declaredMetrics().list();
                for (int i = 0; i < declared.size(); i++) {
                    double v = sim.metrics().value(row, i);
                    assertThat(Double.isFinite(v)).as("case %d step %d: %s is %s", k, t, declared.get(i).name(), v).isTrue();
                    if (declared.get(i).unit().equals("share")) {
                        assertThat(v).as("case %d step %d: %s", k, t, declared.get(i).name()).isBetween(0.0, 1.0);
                    }
                }
            }
        }
    }

    /** Every post count matches the officials who hold it, and never exceeds the posts. */
    private static void check(Bureaucracy m) {
        Organisation org = m.organisation();
        Officials o = m.officials();
        int[] held = new int[org.units() * org.ranks()];
        for (int i = 0; i < o.size(); i++) {
            int u = o.unit.values()[i];
            int r = o.rank.values()[i];
            assertThat(r).isLessThanOrEqualTo(org.topRank(u));
            held[u * org.ranks() + r]++;
            float morale = o.morale.values()[i];
            float stress = o.stress.values()[i];
            assertThat(morale).isBetween(0f, 1f);
            assertThat(stress).isBetween(0f, 1f);
            assertThat(o.competence.values()[i]).isBetween(1f, 10f);
        }
        for (int u = 0; u < org.units(); u++) {
            for (int r = 0; r < org.ranks(); r++) {
                assertThat(org.occupied(u, r)).isEqualTo(held[u * org.ranks() + r]);
                assertThat(org.occupied(u, r)).isLessThanOrEqualTo(org.posts(u, r));
            }
        }
    }
}
