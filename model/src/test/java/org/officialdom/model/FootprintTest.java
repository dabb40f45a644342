package org.officialdom.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.officialdom.engine.Footprint;
import org.officialdom.engine.Model;
import org.officialdom.engine.Simulation;
import org.junit.jupiter.api.Test;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioException;
import org.officialdom.model.scenario.ScenarioLoader;

/** Every model counts what it will build before building it, whatever parameter produces the size. */
class FootprintTest {

    private static Scenario scenario(String name, String... set) {
        return ScenarioLoader.override(ScenarioLoader.builtIn(name), List.of(set));
    }

    /** The count is what the model then builds (the bureaucracy: at least its officials, at most its posts). */
    @Test
    void theCountMatchesWhatIsBuilt() {
        for (Scenario sc : List.of(scenario("peter"), scenario("china-2012-2025", "organisation.officials=3000", "spin_up_months=0"),
                scenario("epstein-run1"), scenario("granovetter"), scenario("kuran"))) {
            Footprint f = sc.footprint();
            Model m = sc.kind().create(sc.parametersAt(0));
            try (Simulation sim = new Simulation(m, 1, 1)) {
                assertThat(f.agents()).as(sc.name()).isGreaterThanOrEqualTo(m.agents()).isLessThanOrEqualTo(m.agents() * 11 / 10 + 2);
                assertThat(f.bytes()).as(sc.name()).isGreaterThanOrEqualTo(m.agents() * m.bytesPerAgent());
            }
        }
        assertThat(scenario("epstein-run1").footprint().cells()).isEqualTo(40 * 40);
        assertThat(scenario("granovetter").footprint().cells()).isZero();
    }

    /** Sizes that come from other parameters than the size field are counted too. */
    @Test
    void everyParameterThatMakesASizeIsCounted() {
        assertThat(scenario("china-2012-2025", "organisation.officials=100", "organisation.custom_posts=[3000000]").footprint().agents())
                .isEqualTo(3_000_000);
        // ratio 20 for 100 officials: one unit a level, 2 leaders; posts 2 (20^4 + ... + 1) = 336,842 at the
        // centre and at the province, 2 (20^3 + ... + 1) = 16,842 at the prefecture, 842 at the county, 42 at the township
        assertThat(scenario("china-2012-2025", "organisation.officials=100", "organisation.ratio=20", "organisation.fill=1")
                .footprint().agents()).isEqualTo(2 * 336_842 + 16_842 + 842 + 42);
        // and 50 times that with 100 leaders a unit
        assertThat(scenario("china-2012-2025", "organisation.officials=100", "organisation.leaders=100", "organisation.ratio=20")
                .footprint().agents()).isEqualTo(50L * 691_410);
        Footprint grid = scenario("epstein-run1", "width=20000", "height=20000").footprint();
        assertThat(grid.cells()).isEqualTo(400_000_000L);
        assertThat(grid.agents()).isEqualTo(296_000_000L);
        assertThat(grid.describe()).isEqualTo("296,000,000 agents on 400,000,000 grid cells, about 16.2 GB");
    }

    @Test
    void aRunBeyondTheBudgetOrJavasArraysIsRefusedWithAMessage() {
        Scenario big = scenario("epstein-run1", "width=20000", "height=20000");
        assertThatThrownBy(() -> big.footprintWithin(1L << 30, "this Java heap"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("expected a run that fits this Java heap (at most 1.0 GB), found 296,000,000 agents");
        Scenario huge = scenario("epstein-run1", "width=100000", "height=100000");
        assertThatThrownBy(() -> huge.footprintWithin(Long.MAX_VALUE, "this Java heap"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("10,000,000,000 grid cells");
        assertThat(scenario("epstein-run1").footprintWithin(1L << 30, "this Java heap").agents()).isEqualTo(1184);
    }
}
