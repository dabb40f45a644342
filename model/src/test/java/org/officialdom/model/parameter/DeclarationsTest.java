package org.officialdom.model.parameter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.Metric;
import org.officialdom.engine.MetricSet;
import org.officialdom.engine.Simulation;
import org.officialdom.model.ModelKind;
import org.officialdom.model.Models;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;

/** What each model declares for the live page: its levers, its size and its page charts. */
class DeclarationsTest {

    private static Class<? extends Record> params(String model) {
        return Models.byName(model).orElseThrow().parameterType();
    }

    @Test
    void everyModelsMarksAreValid() {
        for (ModelKind<?> kind : Models.all()) {
            // the schema refuses marks the page could not use (two sizes, a lever on a switch)
            ParameterSchema.of(kind.parameterType());
        }
    }

    @Test
    void theBureaucracysLeversInDeclarationOrderAndItsSize() {
        assertThat(ParameterSchema.leverPaths(params("bureaucracy"))).containsExactly(
                "recruitment.youth_unemployment", "recruitment.planned_share", "study.study_hours", "surveillance.intensity", "pay.cut_by_level",
                "quotas.meaningless_share", "quotas.campaign", "tournament.merit", "tournament.gift", "tournament.loyalty",
                "investigation.campaign", "exits.passport_control");
        assertThat(ParameterSchema.sizePath(params("bureaucracy"))).isEqualTo("organisation.officials");
    }

    @Test
    void theClassicModelsLeversAndSizes() {
        assertThat(ParameterSchema.leverPaths(params("epstein")))
                .containsExactly("cop_density", "citizen_vision", "cop_vision", "legitimacy", "max_jail_term");
        // the torus is width x height: no size
        assertThat(ParameterSchema.sizePath(params("epstein"))).isNull();
        // thresholds are drawn at step 0: nothing to move during a run
        assertThat(ParameterSchema.leverPaths(params("granovetter"))).isEmpty();
        assertThat(ParameterSchema.sizePath(params("granovetter"))).isEqualTo("population");
        assertThat(ParameterSchema.leverPaths(params("kuran"))).containsExactly("mean", "sd");
        assertThat(ParameterSchema.sizePath(params("kuran"))).isEqualTo("population");
    }

    private static MetricSet declared(String scenario) {
        Scenario sc = ScenarioLoader.builtIn(scenario);
        String size = ParameterSchema.sizePath(sc.kind().parameterType());
        if (size != null) {
            sc = ScenarioLoader.override(sc, List.of(size + "=200"));
        }
        // a run checks its page charts against its metrics when it starts
        return new Simulation(sc.kind().create(sc.parametersAt(0)), 1, 1).declaredMetrics();
    }

    @Test
    void everyModelDeclaresPageChartsOfItsOwnMetrics() {
        List<MetricSet.PageChart> bureaucracy = declared("china-2012-2025").pages();
        assertThat(bureaucracy).extracting(MetricSet.PageChart::title).containsExactly("EVLN mix", "Morale and stress",
                "Exits by route", "Gift-circle share", "Public party exits", "Service output",
                "Organisation now: officials by level", "Organisation now: officials by rank");
        assertThat(bureaucracy.get(0).metrics()).extracting(Metric::name)
                .containsExactly("evln_loyalty", "evln_voice", "evln_neglect", "evln_exit");
        assertThat(bureaucracy.get(2).metrics()).extracting(Metric::name).allMatch(n -> n.startsWith("exits_")).hasSizeGreaterThan(3);
        assertThat(bureaucracy.get(6).style()).isEqualTo(Metric.ChartStyle.BARS);
        assertThat(bureaucracy.get(6).metrics()).extracting(Metric::name).containsExactly("headcount_central",
                "headcount_province", "headcount_prefecture", "headcount_county", "headcount_township");
        assertThat(bureaucracy.get(7).metrics()).extracting(Metric::name).allMatch(n -> n.startsWith("headcount_")).hasSizeGreaterThan(3);
        for (String scenario : List.of("epstein-run1", "granovetter", "kuran")) {
            assertThat(declared(scenario).pages()).as(scenario).hasSizeBetween(2, 4);
        }
    }
}
