package org.officialdom.model.scenario;

import org.officialdom.model.parameter.ParameterSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.model.classic.GranovetterParameters;

class ScenarioLoaderTest {

    private static final String GOOD = """
            name: test-riot
            model: granovetter
            seed: 3
            steps: 20
            start: 2012-11
            parameters:
              population: 50
              distribution: normal
              mean: 10
              sd: 4
            calendar:
              - date: 2013-02
                note: a shock
                set:
                  mean: 5
            """;

    private static ScenarioException failure(String text) {
        try {
            ScenarioLoader.parse(text, "bad.yaml");
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("no error for:\n" + text);
    }

    @Test
    void aGoodScenarioLoadsWithDefaultsAndCalendar() {
        Scenario sc = ScenarioLoader.parse(GOOD, "good.yaml");
        assertThat(sc.name()).isEqualTo("test-riot");
        assertThat(sc.seed()).isEqualTo(3);
        assertThat(sc.calendar()).hasSize(1);
        assertThat(sc.calendar().get(0).step()).isEqualTo(3); // 2012-11 + 3 months
        var before = (GranovetterParameters) sc.parametersAt(2);
        var after = (GranovetterParameters) sc.parametersAt(3);
        assertThat(before.mean()).isEqualTo(10);
        assertThat(after.mean()).isEqualTo(5);
        assertThat(after.sd()).isEqualTo(4);
        assertThat(before.unit()).isEqualTo(GranovetterParameters.DEFAULTS.unit());
        assertThat(sc.labelOf(3)).isEqualTo("2013-02");
    }

    @Test
    void aWrongTypeNamesTheFieldTheLineAndWhatWasFound() {
        ScenarioException e = failure(GOOD.replace("population: 50", "population: many"));
        assertThat(e.field()).isEqualTo("parameters.population");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.expected()).contains("whole number");
        assertThat(e.found()).isEqualTo("'many'");
        assertThat(e.getMessage()).startsWith("bad.yaml, line 7, field 'parameters.population': expected");
    }

    @Test
    void anUnknownFieldIsNamedWithTheKnownOnes() {
        ScenarioException e = failure(GOOD.replace("  sd: 4", "  sd: 4\n  sdd: 5"));
        assertThat(e.field()).isEqualTo("parameters.sdd");
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.found()).contains("sdd").contains("(did you mean 'sd'?)");
        assertThat(e.expected()).contains("population").contains("sd");
        // a name far from every known one gets no guess
        assertThat(failure(GOOD.replace("  sd: 4", "  sd: 4\n  crowd_mood: 5")).found()).doesNotContain("did you mean");
        assertThat(ScenarioLoader.closest("surveilance", java.util.List.of("study", "surveillance", "pay"))).isEqualTo("surveillance");
        assertThat(ScenarioLoader.closest("xyz", java.util.List.of("study", "surveillance", "pay"))).isNull();
    }

    @Test
    void aValueOutOfRangeNamesTheRange() {
        ScenarioException e = failure(GOOD.replace("population: 50", "population: -5"));
        assertThat(e.field()).isEqualTo("parameters.population");
        assertThat(e.expected()).contains("from 1");
        assertThat(e.found()).isEqualTo("-5");
    }

    @Test
    void aBadEnumValueListsTheChoices() {
        ScenarioException e = failure(GOOD.replace("distribution: normal", "distribution: gaussian"));
        assertThat(e.field()).isEqualTo("parameters.distribution");
        assertThat(e.expected()).contains("sequence").contains("normal");
    }

    @Test
    void missingRequiredFieldsAndUnknownModelsAreNamed() {
        assertThat(failure(GOOD.replace("steps: 20\n", "")).field()).isEqualTo("steps");
        ScenarioException m = failure(GOOD.replace("model: granovetter", "model: nonesuch"));
        assertThat(m.field()).isEqualTo("model");
        assertThat(m.expected()).contains("granovetter");
    }

    @Test
    void calendarEntriesAreChecked() {
        ScenarioException outside = failure(GOOD.replace("date: 2013-02", "date: 2012-01"));
        assertThat(outside.field()).isEqualTo("calendar[0].date");
        ScenarioException badKey = failure(GOOD.replace("mean: 5", "meen: 5"));
        assertThat(badKey.field()).isEqualTo("calendar[0].set.meen");
        assertThat(badKey.line()).isEqualTo(15);
        ScenarioException badValue = failure(GOOD.replace("mean: 5", "mean: -1"));
        assertThat(badValue.field()).isEqualTo("calendar[0].set.mean");
        assertThat(badValue.found()).isEqualTo("-1");
    }

    @Test
    void brokenYamlGivesTheLine() {
        ScenarioException e = failure("name: x\nmodel: granovetter\nsteps: [1, 2\n");
        assertThat(e.expected()).isEqualTo("valid YAML");
        assertThat(e.line()).isGreaterThan(0);
        assertThat(failure("").found()).isEqualTo("an empty file");
        assertThat(failure("- a\n- b\n").expected()).contains("mapping");
    }

    @Test
    void inconsistentParametersAreReportedNotThrown() {
        ScenarioException e = failure(GOOD.replace("distribution: normal", "distribution: list"));
        // the record names the field at fault; the loader points at the nearest line it has
        assertThat(e.field()).isEqualTo("parameters.thresholds");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.expected()).contains("thresholds listed");
    }

    private static final String BUREAU = """
            name: small
            model: bureaucracy
            steps: 3
            parameters:
              organisation:
                officials: 300
            """;

    private static ScenarioException bureau(String extra) {
        return failure(BUREAU + extra);
    }

    @Test
    void valuesThatCannotGoTogetherAreRefusedAtTheirLine() {
        ScenarioException cut = bureau("  pay:\n    cut_by_level: [1.5, 0, 0, 0, 0]\n");
        assertThat(cut.field()).isEqualTo("parameters.pay.cut_by_level[0]");
        assertThat(cut.line()).isEqualTo(8);
        assertThat(cut.expected()).isEqualTo("a number from 0 to 1 (share)");
        assertThat(cut.found()).isEqualTo("1.5");
        assertThat(bureau("  pay:\n    cut_by_level: -5\n").expected()).isEqualTo("a list of 5 entries (share)");
        assertThat(bureau("  pay:\n    cut_by_level: [0.1, 0.2]\n").found()).isEqualTo("a list of 2");
        assertThat(bureau("    custom_posts: [10, 0, 1]\n").field()).isEqualTo("parameters.organisation.custom_posts[1]");
        assertThat(bureau("    custom_posts: [10, -3, 1]\n").found()).isEqualTo("-3");
        assertThat(bureau("    sector_shares: [1, -1, 1, 1, 1]\n").field()).isEqualTo("parameters.organisation.sector_shares[1]");
        ScenarioException zero = bureau("    sector_shares: [0, 0, 0, 0, 0]\n");
        assertThat(zero.field()).isEqualTo("parameters.organisation.sector_shares");
        assertThat(zero.line()).isEqualTo(7);
        assertThat(bureau("  tournament:\n    responsibility: [-1, 1, 1, 1, 1]\n").field())
                .isEqualTo("parameters.tournament.responsibility[0]");
        ScenarioException ranks = bureau("    custom_posts: [5, 3, 1]\n  tournament:\n    responsibility: [1, 1]\n");
        assertThat(ranks.field()).isEqualTo("parameters.tournament.responsibility");
        assertThat(ranks.line()).isEqualTo(9);
        assertThat(ranks.expected()).isEqualTo("no weights or one per rank (3)");
        // the same pair is refused when the calendar brings it about, at the calendar entry's line
        ScenarioException later = bureau("    custom_posts: [5, 3, 1]\ncalendar:\n  - step: 2\n"
                + "    set: {tournament.responsibility: [1, 1, 1, 1, 1]}\n");
        assertThat(later.field()).isEqualTo("calendar[0].set.tournament.responsibility");
        assertThat(later.line()).isEqualTo(10);
        ScenarioException epstein = failure("name: e\nmodel: epstein\nsteps: 3\nparameters:\n  citizen_density: 0.7\n  cop_density: 0.5\n");
        assertThat(epstein.field()).isEqualTo("parameters.cop_density");
        assertThat(epstein.line()).isEqualTo(6);
    }

    @Test
    void aNumberTooSmallToHoldIsRefusedNotReadAsZero() {
        ScenarioException e = failure(GOOD.replace("steps: 20", "steps: 1e-400"));
        assertThat(e.field()).isEqualTo("steps");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.found()).isEqualTo("1e-400");
        assertThat(failure(GOOD.replace("sd: 4", "sd: 0.5e-330")).field()).isEqualTo("parameters.sd");
        // zero written as zero is a number like any other
        assertThat(ScenarioLoader.parse(GOOD.replace("sd: 4", "sd: 0.0e-400"), "z.yaml").parameters().get("sd").asDouble()).isZero();
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNotTheLastOneWinning() {
        ScenarioException e = failure(GOOD.replace("  mean: 10\n", "  mean: 10\n  mean: 12\n"));
        assertThat(e.field()).isEqualTo("parameters.mean");
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.found()).isEqualTo("'mean' a second time");
        assertThat(failure(GOOD + "steps: 30\n").field()).isEqualTo("steps");
    }

    @Test
    void anchorsAndAliasesAreRefusedNotReadAsTheirNames() {
        ScenarioException alias = failure(GOOD.replace("seed: 3", "seed: &s 3").replace("population: 50", "population: *s"));
        // the anchor comes first in the file, so it is the one named
        assertThat(alias.field()).isEqualTo("seed");
        assertThat(alias.found()).isEqualTo("the anchor &s");
        ScenarioException bare = failure(GOOD.replace("population: 50", "population: *s"));
        assertThat(bare.getMessage()).contains("line 7").contains("alias");
    }

    @Test
    void filesThatAreNotUtf8OrMissingAreRejectedClearly(@TempDir Path dir) throws Exception {
        Path latin = dir.resolve("latin.yaml");
        Files.write(latin, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ScenarioLoader.load(latin)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> ScenarioLoader.load(dir.resolve("none.yaml"))).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void everyBuiltInScenarioLoads() {
        assertThat(BuiltInScenarios.names()).isNotEmpty();
        for (String name : BuiltInScenarios.names()) {
            assertThat(ScenarioLoader.builtIn(name).name()).isEqualTo(name);
        }
        assertThatThrownBy(() -> ScenarioLoader.builtIn("nonesuch")).isInstanceOf(ScenarioException.class);
    }

    @Test
    void theSchemaIsGeneratedFromTheParameterRecord() {
        var schema = ParameterSchema.of(GranovetterParameters.class);
        var pop = schema.get("properties").get("population");
        assertThat(pop.get("type").asString()).isEqualTo("integer");
        assertThat(pop.get("minimum").asInt()).isEqualTo(1);
        assertThat(pop.get("default").asInt()).isEqualTo(GranovetterParameters.DEFAULTS.population());
        assertThat(pop.get("x-unit").asString()).isEqualTo("actors");
        assertThat(schema.get("properties").get("distribution").get("enum").toString()).contains("\"sequence\"");
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
    }
}
