package org.officialdom.lab.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.officialdom.model.scenario.ScenarioLoader;

class PosteriorSampleTest {

    private static final String CSV = """
            # a sample made by hand
            weight,recruitment.applicants_per_post,organisation.officials
            3,40.5,1000.4
            1,90,2000
            """;

    @Test
    void theCsvFormReadsBackToTheSameSampleWithItsProvenance() {
        PosteriorSample s = PosteriorSample.read(CSV, "hand.csv");
        assertThat(s.parameters()).containsExactly("recruitment.applicants_per_post", "organisation.officials");
        assertThat(s.weights()).containsExactly(3, 1);
        assertThat(s.comments()).containsExactly("a sample made by hand");
        PosteriorSample again = PosteriorSample.read(s.toCsv(List.of("again")), "again.csv");
        assertThat(again.values()).isDeepEqualTo(s.values());
        assertThat(again.weights()).containsExactly(s.weights());
        assertThat(again.comments()).containsExactly("again");
    }

    @Test
    void drawsFollowTheWeightsAndTheSeed() {
        PosteriorSample s = PosteriorSample.read(CSV, "hand.csv");
        List<Map<String, Double>> d = s.draws(400, 7);
        // systematic resampling: a particle of weight w among W is drawn n·w/W times, to within one
        long heavy = d.stream().filter(m -> m.get("recruitment.applicants_per_post") == 40.5).count();
        assertThat(heavy).isBetween(299L, 301L);
        assertThat(s.draws(400, 7)).isEqualTo(d);
        assertThat(s.quantile("recruitment.applicants_per_post", 0.5)).isEqualTo(40.5);
        assertThat(s.quantile("recruitment.applicants_per_post", 0.9)).isEqualTo(90);
    }

    @Test
    void overridesRoundIntegerParametersAndNameOnesTheModelLacks() {
        var sc = ScenarioLoader.builtIn("china-2012-2025");
        var o = PosteriorSample.read(CSV, "hand.csv").overrides(sc, 4, 1);
        assertThat(o).hasSize(4);
        assertThat(o.get(0).get("organisation.officials").isIntegralNumber()).isTrue();
        assertThat(o.get(0).get("recruitment.applicants_per_post").asDouble()).isIn(40.5, 90.0);
        PosteriorSample odd = PosteriorSample.read("weight,no.such\n1,2\n", "odd.csv");
        assertThatThrownBy(() -> odd.overrides(sc, 1, 1)).hasMessageContaining("odd.csv has parameter no.such, which model bureaucracy does not have");
    }

    @Test
    void badFilesAreRefusedNamingTheFileAndWhatWasExpected() {
        assertThatThrownBy(() -> PosteriorSample.read("w,a\n1,2\n", "x.csv")).hasMessageContaining("x.csv: expected a header 'weight,<parameter path>,...'");
        assertThatThrownBy(() -> PosteriorSample.read("weight,a\n1,abc\n", "x.csv")).hasMessageContaining("particle 1, column a: expected a number, found 'abc'");
        assertThatThrownBy(() -> PosteriorSample.read("weight,a\n-1,2\n", "x.csv")).hasMessageContaining("weight -1.0");
        assertThatThrownBy(() -> PosteriorSample.read("weight,a\n0,2\n", "x.csv")).hasMessageContaining("weights sum to 0");
        assertThatThrownBy(() -> PosteriorSample.resolve("nonesuch-posterior", null)).hasMessageContaining("no posterior sample 'nonesuch-posterior'");
    }

    @Test
    void theBuiltInSampleTheFlagshipNamesIsThere() {
        var sc = ScenarioLoader.builtIn("china-2012-2025");
        String name = PosteriorSample.declaredBy(sc);
        assertThat(name).isEqualTo("china-calibration");
        PosteriorSample s = PosteriorSample.resolve(name, null);
        assertThat(s.size()).isGreaterThanOrEqualTo(100);
        assertThat(s.parameters()).contains("recruitment.applicants_per_post");
        // the flagship's own value is the sample's median of the parameter the data pin down
        double median = s.quantile("recruitment.applicants_per_post", 0.5);
        assertThat(sc.parameterTreeAt(0).path("recruitment").path("applicants_per_post").asDouble()).isCloseTo(median, org.assertj.core.data.Offset.offset(0.5));
        assertThat(PosteriorBands.observedFor(name)).isNotEmpty().allMatch(o -> o.metric().equals("applicants_per_post"));
    }

    @Test
    void bandsAreQuantilesAndObservedYearsSitAtTheirMiddleMonth() {
        assertThat(PosteriorBands.quantiles(new double[] {5, 1, 3, 2, 4})).containsExactly(1.2, 2, 3, 4, 4.8);
        assertThat(PosteriorBands.quantiles(new double[] {Double.NaN, 2})).containsExactly(2, 2, 2, 2, 2);
        var sc = ScenarioLoader.parse("name: t\nmodel: granovetter\nsteps: 20\nstart: 2012-11\n", "t.yaml");
        assertThat(PosteriorBands.middleStep(sc, 2013)).isEqualTo(8L); // 2013-07
        assertThat(PosteriorBands.middleStep(sc, 2012)).isEqualTo(1L); // 2012-11, 2012-12: the later of two
        assertThat(PosteriorBands.middleStep(sc, 2015)).isNull();
    }
}
