package org.officialdom.model.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.officialdom.engine.Checkpoint;
import org.officialdom.engine.MetricTable;
import org.officialdom.engine.Simulation;
import org.officialdom.model.classic.EpsteinParameters.JailTerm;
import org.officialdom.model.classic.EpsteinParameters.Ratio;
import org.officialdom.model.classic.EpsteinParameters.Vision;
import org.officialdom.model.scenario.Scenario;

/** Unit and invariant tests of Epstein's civil violence model; reproduction tests are in EpsteinRunsTest. */
class EpsteinTest {

    @Test
    void ratioSwitchesLiteralFloorAndRoundHalfEven() {
        assertThat(ArrestRisk.ratio(3, 2, Ratio.LITERAL)).isEqualTo(1.5);
        assertThat(ArrestRisk.ratio(3, 2, Ratio.FLOOR)).isEqualTo(1.0);
        assertThat(ArrestRisk.ratio(3, 2, Ratio.ROUND_HALF_EVEN)).isEqualTo(2.0);
        assertThat(ArrestRisk.ratio(5, 2, Ratio.ROUND_HALF_EVEN)).isEqualTo(2.0); // 2.5 rounds to even
        assertThat(ArrestRisk.ratio(2, 3, Ratio.FLOOR)).isEqualTo(0.0);            // actives outnumber cops
        assertThat(ArrestRisk.ratio(2, 3, Ratio.LITERAL)).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void arrestProbabilityAndDecisionByHand() {
        // k = 2.3 makes P = 0.9 for one cop and one active (Epstein's calibration)
        assertThat(ArrestRisk.probability(2.3, 1.0)).isCloseTo(0.9, within(0.001));
        assertThat(ArrestRisk.probability(2.3, 0.0)).isEqualTo(0.0);
        assertThat(ArrestRisk.grievance(0.5, 0.8)).isCloseTo(0.1, within(1e-15));
        // G = 0.9 * 0.5 = 0.45; N = 0.4 * 0.5 = 0.2; G - N = 0.25 > 0.1
        assertThat(ArrestRisk.active(0.45, 0.4, 0.5, 0.1)).isTrue();
        // G - N = 0.45 - 0.8 * 0.5 = 0.05, not above 0.1
        assertThat(ArrestRisk.active(0.45, 0.8, 0.5, 0.1)).isFalse();
        // strictly greater: G - N = T exactly stays quiet
        assertThat(ArrestRisk.active(0.1, 0.0, 0.0, 0.1)).isFalse();
    }

    @Test
    void visionShapes() {
        assertThat(Epstein.sight(1.7, Vision.EUCLIDEAN)).hasSize(2 * 8);   // the 8 Moore neighbours
        assertThat(Epstein.sight(1.0, Vision.VON_NEUMANN)).hasSize(2 * 4);
        assertThat(Epstein.sight(7, Vision.VON_NEUMANN)).hasSize(2 * 112); // 2 r (r + 1) cells
        assertThat(Epstein.sight(7, Vision.MOORE)).hasSize(2 * 224);       // 15 * 15 - 1
        assertThat(Epstein.sight(7, Vision.EUCLIDEAN)).hasSize(2 * 148);   // Gauss circle N(7) = 149, less the centre
    }

    /** Sites whose centres lie within v (the paper, NetLogo) against sites any part of which does (MASON). */
    @Test
    void visionCentresWithinRadiusAgainstAnyPartWithinRadius() {
        // centres: dx² + dy² <= v², own site excluded (149 and 9 with it)
        assertThat(Epstein.sight(7, Vision.EUCLIDEAN)).hasSize(2 * 148);
        assertThat(Epstein.sight(1.7, Vision.EUCLIDEAN)).hasSize(2 * 8);
        // any part: (|dx| - ½)⁺² + (|dy| - ½)⁺² <= v², own site excluded (185 and 21 with it)
        assertThat(Epstein.sight(7, Vision.EUCLIDEAN_ANY_PART)).hasSize(2 * 184);
        assertThat(Epstein.sight(1.7, Vision.EUCLIDEAN_ANY_PART)).hasSize(2 * 20);
        // at 1.7 that is the 5 × 5 square less its four corners: (±2, ±1) is in, (±2, ±2) is not
        int[] s = Epstein.sight(1.7, Vision.EUCLIDEAN_ANY_PART);
        java.util.Set<String> offsets = new java.util.HashSet<>();
        for (int i = 0; i < s.length; i += 2) {
            offsets.add(s[i] + "," + s[i + 1]);
        }
        assertThat(offsets).contains("2,1", "-2,0", "0,-2", "1,2").doesNotContain("2,2", "-2,-2", "0,0", "3,0");
        // the torus must hold the wider reach: 2 · 2 + 1 = 5 cells at 1.7, where centres need only 3
        EpsteinParameters d = EpsteinParameters.DEFAULTS;
        assertThatThrownBy(() -> new EpsteinParameters(4, 4, 0.5, 0.04, 1.7, 1.7, d.legitimacy(), d.threshold(),
                d.arrestConstant(), 15, false, false, d.ratio(), d.selfCount(), Vision.EUCLIDEAN_ANY_PART, d.order(),
                d.jailTerm(), d.jailed(), 50)).hasMessageContaining("at least 5");
    }

    @Test
    void jailTermRules() {
        double u = 0.999;
        assertThat(Epstein.jailTerm(u, 15, JailTerm.UNIFORM)).isCloseTo(14.985, within(1e-9));
        assertThat(Epstein.jailTerm(u, 15, JailTerm.BELOW_MAX)).isEqualTo(14.0);
        assertThat(Epstein.jailTerm(u, 15, JailTerm.UP_TO_MAX)).isEqualTo(15.0);
        assertThat(Epstein.jailTerm(0.0, 15, JailTerm.BELOW_MAX)).isEqualTo(0.0);
    }

    static EpsteinParameters run2(EpsteinParameters.Jailed jailed) {
        EpsteinParameters d = EpsteinParameters.DEFAULTS;
        return new EpsteinParameters(40, 40, 0.7, 0.04, 7, 7, 0.82, d.threshold(), d.arrestConstant(), 30, false, true,
                Ratio.FLOOR, d.selfCount(), d.vision(), d.order(), d.jailTerm(), jailed, 50);
    }

    @ParameterizedTest
    @EnumSource(EpsteinParameters.Jailed.class)
    void headcountAndLatticeStayConsistent(EpsteinParameters.Jailed jailed) {
        EpsteinParameters p = run2(jailed);
        Epstein model = new Epstein(p);
        try (Simulation sim = new Simulation(model, 11, 1)) {
            long jailedSeen = 0;
            for (int s = 0; s < 150; s++) {
                sim.step();
                MetricTable t = sim.metrics();
                double a = t.last("active");
                double j = t.last("jailed");
                double q = t.last("quiet");
                jailedSeen += (long) j;
                assertThat(a + j + q).isEqualTo(p.citizens());
                assertThat(model.consistent()).isTrue();
                int expectedOnLattice = p.citizens() + p.cops() - (jailed == EpsteinParameters.Jailed.BLOCKING ? 0 : (int) j);
                assertThat(model.onLattice()).isEqualTo(expectedOnLattice);
                assertThat(t.last("tension")).isBetween(0.0, q);
            }
            assertThat(jailedSeen).isPositive(); // arrests and releases really happened
        }
    }

    static String csv(Scenario sc, long seed, int threads) throws IOException {
        MetricTable t = ScenarioRuns.run(sc, seed, threads);
        StringWriter w = new StringWriter();
        t.writeCsv(w);
        return w.toString();
    }

    @Test
    void sameBitsOnOneAndTwoThreads() throws IOException {
        Scenario small = ScenarioRuns.edited("epstein-run2-floor", t -> t.replace("steps: 1000", "steps: 200"));
        String one = csv(small, 5, 1);
        assertThat(csv(small, 5, 2)).isEqualTo(one);
        assertThat(csv(small, 6, 1)).isNotEqualTo(one);
        // a torus large enough for several census chunks, with movement and arrests
        Scenario big = ScenarioRuns.edited("epstein-run1", t -> t.replace("width: 40", "width: 200")
                .replace("height: 40", "height: 200").replace("movement: false", "movement: true")
                .replace("steps: 500", "steps: 30"));
        String bigOne = csv(big, 3, 1);
        assertThat(csv(big, 3, 2)).isEqualTo(bigOne);
        assertThat(bigOne.lines().skip(2).anyMatch(l -> !l.split(",")[6].equals("0"))).isTrue(); // arrests happened
    }

    @Test
    void checkpointAndResumeGiveTheUninterruptedRun(@TempDir Path dir) throws Exception {
        EpsteinParameters p = run2(EpsteinParameters.Jailed.OFF_LATTICE);
        String straight;
        try (Simulation sim = new Simulation(new Epstein(p), 8, 1)) {
            sim.runTo(80);
            StringWriter w = new StringWriter();
            sim.metrics().writeCsv(w);
            straight = w.toString();
        }
        Path file = dir.resolve("epstein.ckpt");
        try (Simulation sim = new Simulation(new Epstein(p), 8, 1)) {
            sim.runTo(35);
            Checkpoint.write(sim, file);
        }
        try (Simulation resumed = Checkpoint.read(file, 2, step -> new Epstein(p))) {
            resumed.runTo(80);
            StringWriter w = new StringWriter();
            resumed.metrics().writeCsv(w);
            assertThat(w.toString()).isEqualTo(straight);
        }
    }

    @Test
    void cuttingAndRestoringThePoliceKeepsTheLatticeConsistent() {
        EpsteinParameters d = run2(EpsteinParameters.Jailed.OFF_LATTICE);
        Epstein model = new Epstein(d);
        try (Simulation sim = new Simulation(model, 4, 1)) {
            sim.runTo(20);
            for (double density : new double[] {0.01, 0.0, 0.06, 0.04}) {
                EpsteinParameters p = new EpsteinParameters(d.width(), d.height(), d.citizenDensity(), density,
                        d.citizenVision(), d.copVision(), d.legitimacy(), d.threshold(), d.arrestConstant(), d.maxJailTerm(),
                        d.jailForLife(), d.movement(), d.ratio(), d.selfCount(), d.vision(), d.order(), d.jailTerm(),
                        d.jailed(), d.outburstLevel());
                model.setParameters(p);
                sim.runTo(sim.stepNumber() + 10);
                assertThat(sim.metrics().last("cops")).isEqualTo(p.cops());
                assertThat(model.consistent()).isTrue();
                assertThat(model.onLattice()).isEqualTo(p.citizens() + p.cops() - (int) sim.metrics().last("jailed"));
            }
        }
    }

    @Test
    void calendarChangesLegitimacyButNotTheTorus() {
        Epstein model = new Epstein(EpsteinParameters.DEFAULTS);
        try (Simulation sim = new Simulation(model, 1, 1)) {
            EpsteinParameters d = EpsteinParameters.DEFAULTS;
            EpsteinParameters lower = new EpsteinParameters(d.width(), d.height(), d.citizenDensity(), d.copDensity(),
                    d.citizenVision(), d.copVision(), 0.5, d.threshold(), d.arrestConstant(), d.maxJailTerm(),
                    d.jailForLife(), d.movement(), d.ratio(), d.selfCount(), d.vision(), d.order(), d.jailTerm(),
                    d.jailed(), d.outburstLevel());
            model.setParameters(lower);
            sim.step();
            assertThat(sim.metrics().last("legitimacy")).isEqualTo(0.5);
            EpsteinParameters wider = new EpsteinParameters(50, d.height(), d.citizenDensity(), d.copDensity(),
                    d.citizenVision(), d.copVision(), 0.5, d.threshold(), d.arrestConstant(), d.maxJailTerm(),
                    d.jailForLife(), d.movement(), d.ratio(), d.selfCount(), d.vision(), d.order(), d.jailTerm(),
                    d.jailed(), d.outburstLevel());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.setParameters(wider))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void outburstEpisodesWaitsAndSizesByHand() {
        double[] a = {60, 10, 0, 55, 70, 20, 20, 20, 51, 0};
        Outbursts o = Outbursts.of(a, 50, 0);
        // the first value is an outburst already under way at the window's start: not counted
        assertThat(o.count()).isEqualTo(2);
        assertThat(o.episodes().get(0).start()).isEqualTo(3);
        assertThat(o.episodes().get(0).length()).isEqualTo(2);
        assertThat(o.episodes().get(0).size()).isEqualTo(125.0);
        assertThat(o.episodes().get(0).peak()).isEqualTo(70.0);
        assertThat(o.waits()).containsExactly(3);
        assertThat(o.meanSize()).isEqualTo((125.0 + 51.0) / 2);
    }
}
