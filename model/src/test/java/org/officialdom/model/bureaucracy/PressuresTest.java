package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.Simulation;
import org.officialdom.engine.random.RandomStream;

/**
 * Pass equals formula: the fused pressures loop gives every official the savings, morale and stress
 * that the five mechanisms' readable equations give ({@link Quotas#outcome}, {@link Pay#pay},
 * {@link Pay#outside}, {@link Pay#fairness}, {@link PoliticalStudy#load}, {@link Surveillance#fear},
 * {@link Surveillance#freedom}, {@link Morale#target}, {@link Morale#adapt}, {@link Morale#stress}),
 * on a small organisation whose officials have varied states, with every lever away from zero.
 */
class PressuresTest {

    private static BureaucracyParameters levers(int monthsPerStep) {
        return Fixtures.small(2000)
                .with("months_per_step", monthsPerStep)
                .with("quotas.campaign", 0.8)
                .with("quotas.meaningless_share", 0.3)
                .with("pay.cut_by_level", List.of(0.0, 0.05, 0.1, 0.2, 0.3))
                .with("surveillance.intensity", 0.5)
                .with("study.study_hours", 6)
                .with("study.quizzes_per_month", 2)
                .with("study.non_member_report_hours", 1)
                .with("investigation.campaign", 3)
                .with("recruitment.youth_unemployment", 16);
    }

    @Test
    void everyOfficialGetsWhatTheEquationsGive() {
        for (int months : new int[] {1, 3}) {
            BureaucracyParameters p = levers(months);
            Bureaucracy m = new Bureaucracy(p);
            try (Simulation sim = new Simulation(m, 3, 2)) {
                PassTests.vary(m, 11 + months);
                PassTests.run(m, sim, "ageing");
                Officials o = m.officials();
                int n = o.size();
                float[] savings = o.savings.values().clone();
                float[] morale = o.morale.values().clone();
                float[] stress = o.stress.values().clone();
                PassTests.run(m, sim, "pressures");

                Organisation org = m.organisation();
                RandomStream draws = sim.streams().stream("quotas");
                double overtime = Quotas.overtime(p.quotas(), p.study().workWeekHours());
                double freedom = Surveillance.freedom(p.surveillance());
                long[] outcomes = new long[Quotas.Outcome.values().length];
                for (int i = 0; i < n; i++) {
                    int u = o.unit.values()[i];
                    int r = o.rank.values()[i];
                    boolean member = o.member.values()[i];
                    double competence = o.competence.values()[i];
                    double load = PoliticalStudy.load(p.study(), member);
                    Quotas.Outcome q = Quotas.outcome(p.quotas(), draws.uniform(o.table.id(i), 0, 0), competence,
                            ServiceOutput.effort(p.output(), o.stance.values()[i]), savings[i], Officials.trait(o.riskAversion.values()[i]));
                    outcomes[q.ordinal()]++;
                    double saved = savings[i] + p.pay().savingRate() * months
                            - (q == Quotas.Outcome.PAID_OUT_OF_POCKET ? p.quotas().outOfPocket() : 0);
                    double penalty = q == Quotas.Outcome.PENALISED ? p.quotas().penaltyStress() : 0;
                    boolean protectedUnit = org.budget(u) >= p.organisation().protectedBudget();
                    double fairness = Pay.fairness(Pay.pay(p.pay(), r, org.levelOf(u), org.levels(), protectedUnit),
                            Pay.outside(p.pay(), competence, r, Pay.market(p.pay(), 16, 12)));
                    double recognition = 1.0 / (1 + o.retaliations.values()[i]) * (penalty > 0 ? 0.5 : 1);
                    double annualExitRate = 12 * m.climate().exitRates()[u] / months;
                    double target = Morale.target(p.morale(), Officials.trait(o.motivation.values()[i]), load,
                            p.quotas().meaninglessShare(), fairness, freedom, recognition, Officials.trait(o.support.values()[i]),
                            overtime, annualExitRate);
                    double fear = Surveillance.fear(p.surveillance(), Officials.trait(o.riskAversion.values()[i]),
                            Investigation.fear(p.investigation()));
                    assertThat(o.savings.values()[i]).as("savings of row %d, %d months", i, months)
                            .isEqualTo((float) Math.min(1000, saved));
                    assertThat(o.morale.values()[i]).as("morale of row %d, %d months", i, months)
                            .isCloseTo((float) Morale.adapt(p.morale(), morale[i], target, months), within(1e-6f));
                    assertThat(o.stress.values()[i]).as("stress of row %d, %d months", i, months)
                            .isCloseTo((float) Morale.stress(p.morale(), stress[i], load + overtime + fear + p.quotas().meaninglessShare(), penalty, months), within(1e-6f));
                }
                double[] counted = m.counts().figures(Quotas.FIGURES, Quotas.COUNTS);
                assertThat((long) counted[Quotas.MET]).isEqualTo(outcomes[Quotas.Outcome.MET.ordinal()]);
                assertThat((long) counted[Quotas.PAID]).isEqualTo(outcomes[Quotas.Outcome.PAID_OUT_OF_POCKET.ordinal()]);
                assertThat((long) counted[Quotas.PENALISED]).isEqualTo(outcomes[Quotas.Outcome.PENALISED.ordinal()]);
                // the comparison covers every outcome of a quota
                assertThat(java.util.Arrays.stream(outcomes).skip(1).min().getAsLong()).as("fewest of an outcome").isGreaterThan(20);
            }
        }
    }
}
