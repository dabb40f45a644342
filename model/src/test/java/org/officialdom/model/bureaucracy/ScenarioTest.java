package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.Simulation;
import org.officialdom.model.scenario.BuiltInScenarios;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;

class ScenarioTest {

    @Test
    void theFlagshipComesFirst() {
        assertThat(BuiltInScenarios.flagship()).isEqualTo("china-2012-2025");
        assertThat(BuiltInScenarios.names()).contains("reform", "peter");
    }

    @Test
    void theCalendarTurnsTheLevers() {
        Scenario sc = ScenarioLoader.builtIn("china-2012-2025");
        assertThat(sc.start()).isEqualTo("2012-11");
        BureaucracyParameters start = (BureaucracyParameters) sc.parametersAt(0);
        // 2013-01 is step 2: the campaign begins
        assertThat(start.investigation().campaign()).isEqualTo(1.0);
        assertThat(((BureaucracyParameters) sc.parametersAt(2)).investigation().campaign()).isEqualTo(3.0);
        BureaucracyParameters end = (BureaucracyParameters) sc.parametersAt(sc.steps());
        assertThat(end.surveillance().intensity()).isEqualTo(0.7);
        assertThat(end.pay().cutByLevel()).isEqualTo(List.of(0.0, 0.03, 0.08, 0.15, 0.2));
        // the last published youth unemployment figure (2025-08, 18.9 %)
        assertThat(end.recruitment().youthUnemployment()).isEqualTo(18.9);
        assertThat(sc.text()).contains("not a forecast").contains("sources:");
    }

    @Test
    void reformKeepsTheCalendarButNotStudyGiftsOrCuts() {
        Scenario sc = ScenarioLoader.builtIn("reform");
        BureaucracyParameters end = (BureaucracyParameters) sc.parametersAt(sc.steps());
        assertThat(end.tournament().gift()).isZero();
        assertThat(end.tournament().loyalty()).isZero();
        assertThat(end.study().studyHours()).isEqualTo(2.0);
        assertThat(end.pay().cutByLevel()).containsOnly(0.0);
        assertThat(end.surveillance().intensity()).isEqualTo(0.7);
    }

    @Test
    void theFlagshipRunsItsCalendarAtASmallSize() {
        Scenario sc = ScenarioLoader.builtIn("china-2012-2025");
        Bureaucracy m = new Bureaucracy(((BureaucracyParameters) sc.parametersAt(0)).with("organisation.officials", 3000));
        try (Simulation sim = new Simulation(m, sc.seed(), 2)) {
            for (int step = 1; step <= sc.steps(); step++) {
                if (!sc.changesAt(step).isEmpty()) {
                    m.setParameters(((BureaucracyParameters) sc.parametersAt(step)).with("organisation.officials", 3000));
                }
                sim.step();
            }
            var t = sim.metrics();
            assertThat(Fixtures.sum(t, "hires")).isPositive();
            assertThat(Fixtures.sum(t, "exits_retirement")).isPositive();
            assertThat(Fixtures.sum(t, "investigations")).isPositive();
            assertThat(Fixtures.sum(t, "quota_penalties") + Fixtures.sum(t, "quota_out_of_pocket")).isPositive();
            // the anti-corruption campaign shrinks the circle
            assertThat(Fixtures.last(t, "circle_share")).isLessThan(t.column("circle_share")[0]);
            List<String> summary = m.summary(t);
            assertThat(summary).hasSize(5);
            // each headline metric's start, lowest, highest and end, the extremes bracketing the ends
            java.util.regex.Matcher morale = java.util.regex.Pattern
                    .compile("morale ([0-9.]+) / ([0-9.]+) / ([0-9.]+) / ([0-9.]+)").matcher(summary.get(4));
            assertThat(morale.find()).as(summary.get(4)).isTrue();
            double start = Double.parseDouble(morale.group(1));
            double lo = Double.parseDouble(morale.group(2));
            double hi = Double.parseDouble(morale.group(3));
            double end = Double.parseDouble(morale.group(4));
            assertThat(lo).isLessThanOrEqualTo(Math.min(start, end));
            assertThat(hi).isGreaterThanOrEqualTo(Math.max(start, end));
            assertThat(summary.get(3)).startsWith("Start / lowest / highest / end: loyalty ").contains("neglect").contains("exit");
        }
    }
}
