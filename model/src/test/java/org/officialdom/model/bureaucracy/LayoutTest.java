package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.Matrix;
import org.officialdom.engine.Simulation;
import org.officialdom.engine.table.AgentTable;
import org.officialdom.engine.table.Column;

/**
 * The memory layout never decides a result: the same metrics, events, end-of-run matrices and state
 * of every official, bit for bit, whether the officials' rows are compacted into (unit, rank) order as usual, never compacted,
 * or shuffled at random before every step. Every choice that could follow row order is exercised:
 * rotation pairs, punitive transfers, the random promotion strategy, a recruit's patron.
 */
class LayoutTest {

    private static final int STEPS = 2 * Bureaucracy.COMPACT_EVERY + 5;

    /** Defaults, with voice frequent enough for transfers and heads rotated often. */
    private static BureaucracyParameters busy(Tournament.Strategy strategy) {
        return Fixtures.small(6000).withTiming(1, 7)
                .with("evln.reconsider", 0.3).with("evln.voice_base", -1.0)
                .with("careers.rotation_months", 12).with("careers.rotation_rate", 0.2)
                .with("voice.retaliation_rate", 0.9).with("voice.transfer", 3)
                .with("tournament.strategy", strategy);
    }

    private static String run(BureaucracyParameters p, Consumer<Bureaucracy> setUp, Consumer<Simulation> betweenSteps)
            throws IOException {
        Bureaucracy m = new Bureaucracy(p);
        try (Simulation sim = new Simulation(m, 17, 2)) {
            setUp.accept(m);
            for (int s = 0; s < STEPS; s++) {
                betweenSteps.accept(sim);
                sim.step();
            }
            StringWriter out = new StringWriter();
            sim.metrics().writeCsv(out);
            sim.model().events().writeCsv(out);
            for (Matrix x : sim.model().matrices()) {
                out.write(x.name() + java.util.Arrays.deepToString(x.values()) + "\n");
            }
            // and every official's state, by id
            AgentTable table = m.officials().table;
            for (int id = 0; id < table.idsIssued(); id++) {
                int row = table.rowOf(id);
                if (row >= 0) {
                    out.write(Integer.toString(id));
                    for (Column c : table.columns()) {
                        out.write(" " + c.asDouble(row));
                    }
                    out.write("\n");
                }
            }
            return out.toString();
        }
    }

    /** A random permutation of the officials' rows, the index told that they moved. */
    private static Consumer<Simulation> shuffled(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return sim -> {
            Bureaucracy m = (Bureaucracy) sim.model();
            int n = m.officials().size();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int x = order[i];
                order[i] = order[j];
                order[j] = x;
            }
            m.officials().table.permute(order, sim.parallel());
            m.layoutChanged();
        };
    }

    @Test
    void resultsDoNotDependOnTheRowsOrder() throws IOException {
        for (Tournament.Strategy strategy : new Tournament.Strategy[] {Tournament.Strategy.BEST, Tournament.Strategy.RANDOM}) {
            BureaucracyParameters p = busy(strategy);
            String usual = run(p, m -> { }, sim -> { });
            assertThat(run(p, m -> m.compactEvery(0), sim -> { })).as("%s, never compacted", strategy).isEqualTo(usual);
            assertThat(run(p, m -> { }, shuffled(5))).as("%s, rows shuffled before every step", strategy).isEqualTo(usual);
        }
    }

    /** The comparison above means something only if the choices that could follow row order happened. */
    @Test
    void theRunsExerciseEveryChoiceThatCouldFollowRowOrder() {
        BureaucracyParameters p = busy(Tournament.Strategy.RANDOM);
        try (Simulation sim = new Simulation(new Bureaucracy(p), 17, 2)) {
            sim.runTo(STEPS);
            var t = sim.metrics();
            assertThat(Fixtures.sum(t, "rotations")).as("rotations").isGreaterThan(10);
            assertThat(Fixtures.sum(t, "punitive_transfers")).as("punitive transfers").isGreaterThan(3);
            assertThat(Fixtures.sum(t, "promotions_merit") + Fixtures.sum(t, "promotions_gift")).as("promotions").isGreaterThan(50);
            assertThat(Fixtures.sum(t, "hires")).as("recruits").isGreaterThan(50);
        }
    }
}
