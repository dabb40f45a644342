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
        BureaucracyParameters p = Fixtures.small(officials).withTiming(1 + (k % 3 == 0 ? 11 : 0), 7)
                .with("organisation.leaders", 1 + k % 3).with("organisation.ratio", 2 + 2 * a)
                .with("organisation.fill", 0.6 + 0.4 * b).with("organisation.protected_budget", c)
                .with("study.study_hours", 10 * a).with("study.member_report_hours", 3 * b).with("study.non_member_hours", 2 * c)
                .with("study.non_member_report_hours", c).with("study.quizzes_per_month", 4 * a)
                .with("surveillance.intensity", b)
                .with("quotas.meaningless_share", 0.4 * c).with("quotas.campaign", a).with("quotas.overtime_hours", 15)
                .with("quotas.out_of_pocket", 0.5).with("quotas.penalty_stress", 0.2)
                .with("pay.cut_by_level", List.of(0.0, 0.1 * a, 0.2 * a, 0.3 * a, 0.4 * a)).with("pay.outside_wage", 0.5 + 2 * b)
                .with("investigation.base", 0.002 * c).with("investigation.campaign", 1 + 10 * a).with("investigation.base_fear", 0.02)
                .with("voice.action_rate", 0.5).with("voice.retaliation_rate", 0.8).with("voice.transfer", 3)
                .with("evln.reconsider", 0.3).with("evln.voice_base", -1.5 + a).with("evln.exit_base", -1.2 + b)
                .with("careers.rotation_months", 6).with("careers.rotation_rate", 0.2)
                .with("party_exit.mean", 0.2).with("party_exit.sd", 0.2).with("party_exit.inside_premium", 0.02 * a)
                .with("party_exit.outside_share", 0.05 * b);
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
