package org.officialdom.lab.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.lab.LocalBackend;
import org.officialdom.lab.Progress;
import org.officialdom.lab.RunOutcome;
import org.officialdom.lab.RunSpec;
import org.officialdom.lab.RunTask;
import org.officialdom.lab.store.ResultStore;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;

class CalibratorTest {

    @TempDir
    Path dir;

    static final String SCENARIO = ScenarioLoader.builtIn("granovetter-normal").text()
            .replace("population: 100", "population: 1000").replace("name: granovetter-normal", "name: thousand");

    /** The mean 'acting' series of replicates with seeds 1 and 2 at the scenario's own mean (25). */
    static String syntheticTargets() {
        Scenario sc = ScenarioLoader.parse(SCENARIO, "thousand.yaml");
        double[] mean = new double[6];
        for (long seed = 1; seed <= 2; seed++) {
            RunOutcome o = RunTask.execute(RunSpec.of(sc, Map.of(), seed, 8), 1);
            double[] acting = o.metrics().column("acting");
            for (int i = 0; i < 6; i++) {
                mean[i] += acting[i + 1] / 2;
            }
        }
        return Arrays.stream(mean).mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).collect(Collectors.joining(", "));
    }

    @Test
    void recoversTheMeanThresholdThatGeneratedTheTargets() throws Exception {
        Files.writeString(dir.resolve("thousand.yaml"), SCENARIO);
        String yaml = """
                name: recover-mean
                scenario: thousand.yaml
                steps: 8
                replicates: 2
                seeds: {base: 1}
                parameters:
                  - path: mean
                    range: [10, 40]
                targets:
                  - metric: acting
                    values: [%s]
                optimiser: {restarts: 2, evaluations: 120, seed: 4}
                """.formatted(syntheticTargets());
        Files.writeString(dir.resolve("fit.yaml"), yaml);
        Calibration c = Calibration.load(dir.resolve("fit.yaml"));
        try (ResultStore st = ResultStore.open(dir.resolve("r.duckdb")); LocalBackend b = new LocalBackend(2, 1)) {
            Calibrator.Result r = Calibrator.run(c, st, b, Progress.NONE);
            assertThat(r.best().values()[0]).isCloseTo(25.0, within(0.5));
            assertThat(r.best().fit()).isLessThan(0.01);
            for (Calibrator.Restart x : r.restarts()) {
                assertThat(x.values()[0]).isCloseTo(25.0, within(1.0));
            }
            assertThat(st.count("calibrations", null)).isEqualTo(2);
            assertThat(st.count("calibration_runs", null)).isEqualTo(2);
            assertThat(st.count("calibration_targets", "metric = 'acting' AND step BETWEEN 1 AND 6")).isEqualTo(6);
        }
    }

    @Test
    void aTargetMetricTheModelDoesNotDeclareIsBadInput() {
        String yaml = """
                name: bad
                scenario: granovetter-normal
                parameters:
                  - path: mean
                    range: [10, 40]
                targets:
                  - metric: riots
                    values: [1, 2]
                """;
        Calibration c = Calibration.parse(yaml, "bad.yaml", null);
        assertThatThrownBy(() -> Calibrator.run(c, null, new LocalBackend(1, 1), Progress.NONE))
                .hasMessageStartingWith("bad.yaml, line 7, field 'targets[0].metric': expected a metric of model granovetter");
        assertThatThrownBy(() -> Calibration.parse(yaml.replace("path: mean", "path: distribution"), "bad.yaml", null))
                .hasMessageStartingWith("bad.yaml, line 4, field 'parameters[0].path': expected a numeric parameter");
    }
}
