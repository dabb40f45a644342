package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.officialdom.engine.MetricTable;
import org.officialdom.engine.Simulation;
import org.officialdom.model.classic.Granovetter;
import org.officialdom.model.classic.GranovetterParameters;

/**
 * Mechanism 14 with a complete network, no surveillance, no inside premium and no one entering or
 * leaving is Granovetter's model: the same counts at every step, number for number.
 */
class GranovetterReductionTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.02, 0.05, 0.1, 0.15, 0.2, 0.3})
    void partyExitIsGranovetterNumberForNumber(double sd) {
        long seed = 42;
        int steps = 80;
        BureaucracyParameters p = Fixtures.quiet(1500, 0.25, sd);
        Bureaucracy b = new Bureaucracy(p);
        MetricTable mine;
        int n;
        try (Simulation sim = new Simulation(b, seed, 2)) {
            n = (int) b.agents();
            sim.runTo(steps);
            mine = sim.metrics();
        }
        var gp = new GranovetterParameters(n, GranovetterParameters.Distribution.NORMAL, GranovetterParameters.Unit.SHARE,
                0.25, sd, 0, 1, List.of());
        MetricTable theirs;
        try (Simulation sim = new Simulation(new Granovetter(gp), seed, 1)) {
            sim.runTo(steps);
            theirs = sim.metrics();
        }
        assertThat(mine.column("headcount")).containsOnly(n);
        assertThat(mine.column("party_exits_cumulative")).containsExactly(theirs.column("acting"));
        assertThat(mine.column("party_exits")).containsExactly(theirs.column("newly_acting"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.3})
    void theComparisonIsNotTrivial(double sd) {
        // small spread: a few instigators, no cascade; large spread: most members quit
        MetricTable t = Fixtures.run(Fixtures.quiet(1500, 0.25, sd), 42, 1, 80);
        double last = Fixtures.last(t, "party_exits_cumulative");
        if (sd < 0.2) {
            assertThat(last).isLessThan(100);
        } else {
            assertThat(last).isGreaterThan(500);
        }
    }
}
