package org.officialdom.lab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.lab.LocalBackend;
import org.officialdom.lab.Progress;
import org.officialdom.lab.store.ResultStore;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;

/** Explaining a small bureaucracy's calendar: the parts add up, and nothing depends on the parallelism. */
class ExplanationTest {

    static final String SCENARIO = """
            name: small-calendar
            model: bureaucracy
            seed: 5
            steps: 24
            start: 2020-01
            parameters:
              spin_up_months: 0
              track_every: 0
              organisation: {officials: 400}
            calendar:
              - {date: 2020-03, set: {surveillance.intensity: 0.8}}
              - {date: 2020-04, set: {pay.cut_by_level: [0.0, 0.05, 0.1, 0.2, 0.3]}}
              - {date: 2020-06, set: {quotas.campaign: 0.9, surveillance.intensity: 0.9}}
            """;

    private static Explanation.Spec spec() {
        Scenario sc = ScenarioLoader.parse(SCENARIO, "small.yaml");
        return new Explanation.Spec(sc, Map.of(), Explanation.groupsByPath(sc), List.of("stress_mean", "evln_neglect", "exits_private_sector"),
                0, 24, 6, 3, 8, 64);
    }

    @Test
    void theGroupsAreTheCalendarsParametersAndThePartsAddUpToTheChange(@TempDir Path dir) {
        Explanation.Spec s = spec();
        assertThat(s.groups()).extracting(Explanation.Group::name)
                .containsExactly("surveillance.intensity", "pay.cut_by_level", "quotas.campaign");
        Explanation.Result r;
        try (ResultStore st = ResultStore.open(dir.resolve("r.duckdb")); LocalBackend b = new LocalBackend(2, 1)) {
            r = Explanation.run(s, st, b, Progress.NONE);
            assertThat(r.coalitions()).isEqualTo(8);
            assertThat(r.runs()).isEqualTo(24);
            assertThat(st.count("explanation_runs", null)).isEqualTo(24);
            // start, drift, 3 groups, interaction, total, end for each of 3 metrics
            assertThat(st.count("explanations", null)).isEqualTo(3 * 8);
            // a second time everything comes from the store
            assertThat(Explanation.run(s, st, b, Progress.NONE).ranNow()).isZero();
        }
        for (Explanation.MetricResult m : r.metrics()) {
            assertThat(m.largestResidual()).as(m.metric()).isLessThan(1e-9);
            double sum = m.drift().mean();
            for (Explanation.Estimate e : m.contributions().values()) {
                sum += e.mean();
            }
            assertThat(sum).as(m.metric()).isCloseTo(m.total().mean(), within(1e-9));
            assertThat(m.end().mean() - m.start().mean()).isCloseTo(m.total().mean(), within(1e-9));
        }
        // surveillance and the quota campaign raise stress; the pay cut does not touch it much
        Explanation.MetricResult stress = r.metrics().get(0);
        assertThat(stress.contributions().get("surveillance.intensity").low()).isPositive();
        assertThat(stress.contributions().get("quotas.campaign").low()).isPositive();
    }

    @Test
    void withPosteriorDrawsEachReplicateRunsItsDrawAndThePartsStillAddUp() {
        Explanation.Spec plain = spec();
        List<Map<String, tools.jackson.databind.JsonNode>> draws = List.of(
                Map.of("pay.saving_rate", tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(0.05)),
                Map.of("pay.saving_rate", tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(0.15)),
                Map.of("pay.saving_rate", tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(0.3)));
        Explanation.Spec s = new Explanation.Spec(plain.scenario(), plain.set(), plain.groups(), plain.metrics(), plain.from(), plain.to(),
                plain.window(), plain.replicates(), plain.exactLimit(), plain.permutations(), draws);
        assertThat(s.overrides(2)).containsKey("pay.saving_rate");
        Explanation.Result r;
        try (LocalBackend b = new LocalBackend(2, 1)) {
            r = Explanation.run(s, null, b, Progress.NONE);
        }
        assertThat(r.id()).isNotEqualTo(Explanation.idOf(plain));
        assertThat(String.join("\n", r.report())).contains("posterior");
        for (Explanation.MetricResult m : r.metrics()) {
            assertThat(m.largestResidual()).isLessThan(1e-9);
        }
    }

    @Test
    void theDecompositionDoesNotDependOnTheThreadCount() {
        Explanation.Result one;
        Explanation.Result two;
        try (LocalBackend b = new LocalBackend(1, 1)) {
            one = Explanation.run(spec(), null, b, Progress.NONE);
        }
        try (LocalBackend b = new LocalBackend(2, 2)) {
            two = Explanation.run(spec(), null, b, Progress.NONE);
        }
        assertThat(two.metrics()).isEqualTo(one.metrics());
    }
}
