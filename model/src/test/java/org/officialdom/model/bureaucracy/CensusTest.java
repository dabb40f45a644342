package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.Simulation;

/**
 * Pass equals formula: the census loop's output is the sum of every official's
 * {@link ServiceOutput#output} (the readable form), its morale and stress means and deciles are those
 * of the officials' values, its stance shares, competence and headcounts by rank and its
 * preference-falsification count are those of the officials, on a small organisation whose
 * officials have varied states.
 */
class CensusTest {

    @Test
    void theStepsMeasuresAreThoseOfEveryOfficial() {
        BureaucracyParameters p = Fixtures.small(3000).with("study.study_hours", 5).with("quotas.meaningless_share", 0.25)
                .with("output.corruption_loss", 0.6);
        Bureaucracy m = new Bureaucracy(p);
        try (Simulation sim = new Simulation(m, 5, 2)) {
            PassTests.vary(m, 7);
            float[] circleShare = m.climate().circleShares();
            for (int u = 0; u < circleShare.length; u++) {
                circleShare[u] = (float) ((u % 7) / 7.0);
            }
            PassTests.run(m, sim, "measure");
            Officials o = m.officials();
            Organisation org = m.organisation();
            int n = o.size();
            Counts c = m.counts();

            double output = 0;
            long falsifiers = 0;
            long[] stances = new long[4];
            double[] competence = new double[org.ranks()];
            long[] headByRank = new long[org.ranks()];
            float[] morale = new float[n];
            float[] stress = new float[n];
            for (int i = 0; i < n; i++) {
                boolean member = o.member.values()[i];
                double timeLeft = Math.max(0, 1 - PoliticalStudy.load(p.study(), member) - p.quotas().meaninglessShare());
                output += ServiceOutput.output(p.output(), o.competence.values()[i], o.stance.values()[i], timeLeft,
                        circleShare[o.unit.values()[i]]);
                double support = PartyExit.support(p.partyExit(), Officials.trait(o.support.values()[i]), o.morale.values()[i],
                        m.climate().seen()[o.unit.values()[i]]);
                falsifiers += support < 0.5 && !o.publicExit.values()[i] ? 1 : 0;
                stances[o.stance.values()[i]]++;
                competence[o.rank.values()[i]] += o.competence.values()[i];
                headByRank[o.rank.values()[i]]++;
                morale[i] = o.morale.values()[i];
                stress[i] = o.stress.values()[i];
            }
            // each official's output is kept to 2^-32, so the sum is within n · 2^-32 of the exact one
            assertThat(c.output).isCloseTo(output, within(n * 0x1p-32 + 1e-9));
            assertThat(c.headcount).isEqualTo(n);
            assertThat(c.falsifiers).isEqualTo(falsifiers);
            for (int k = 0; k < 4; k++) {
                assertThat(c.stances[k]).as("share of stance %d", k).isEqualTo((double) stances[k] / n);
            }
            for (int r = 0; r < org.ranks(); r++) {
                assertThat(c.headByRank[r]).isEqualTo(headByRank[r]);
                assertThat(c.competenceByRank[r]).as("competence at rank %d", r).isCloseTo(competence[r], within(headByRank[r] * 0x1p-20));
            }
            assertDistribution(c.morale, morale, "morale");
            assertDistribution(c.stress, stress, "stress");
        }
    }

    /**
     * The mean within the fixed point's rounding, and decile k the centre of the 0.01-wide bin that
     * holds the ⌈k·n/10⌉-th smallest value.
     */
    private static void assertDistribution(double[] measured, float[] values, String what) {
        int n = values.length;
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        assertThat(measured[0]).as("mean %s", what).isCloseTo(sum / n, within(0x1p-20));
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int k = 1; k <= 9; k++) {
            float v = sorted[(int) Math.ceil(k * n / 10.0) - 1];
            int bin = Math.min(99, (int) (v * 100)); // in float, as the pass bins it
            assertThat(measured[k]).as("decile %d of %s", k, what).isEqualTo((bin + 0.5) / 100);
        }
    }
}
