package org.officialdom.lab.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.lab.LocalBackend;
import org.officialdom.lab.Progress;
import org.officialdom.lab.store.ResultStore;

/**
 * ABC-SMC through the lab, on Granovetter's crowd whose threshold distribution is known: the targets
 * are the 'acting' series of runs at mean threshold 25, and the posterior of the mean must hold 25
 * and be far narrower than the prior. An interrupted calibration resumes from the store.
 */
class AbcCalibratorTest {

    @TempDir
    Path dir;

    private static final PrintWriter SILENT = new PrintWriter(Writer.nullWriter());

    private Calibration calibration() throws Exception {
        Files.writeString(dir.resolve("thousand.yaml"), CalibratorTest.SCENARIO);
        String yaml = """
                name: granovetter-abc
                scenario: thousand.yaml
                method: abc-smc
                steps: 8
                replicates: 2
                seeds: {base: 1}
                parameters:
                  - path: mean
                    range: [5, 45]
                targets:
                  - metric: acting
                    values: [%s]
                abc: {particles: 30, generations: 4, batch: 16, seed: 3}
                """.formatted(CalibratorTest.syntheticTargets());
        Files.writeString(dir.resolve("abc.yaml"), yaml);
        return Calibration.load(dir.resolve("abc.yaml"));
    }

    @Test
    void findsTheThresholdMeanThatMadeTheData() throws Exception {
        Calibration c = calibration();
        try (ResultStore st = ResultStore.open(dir.resolve("r.duckdb")); LocalBackend b = new LocalBackend(2, 1)) {
            AbcCalibrator.Result r = AbcCalibrator.run(c, st, b, Progress.NONE, SILENT);
            AbcSmc.Generation post = r.abc().posterior();
            assertThat(r.abc().generations()).hasSize(4);
            assertThat(post.quantile(0, 0.05)).isLessThan(25.0);
            assertThat(post.quantile(0, 0.95)).isGreaterThan(25.0);
            // the data pin the mean down: its 90 % interval is under a fifth of the prior's (36)
            assertThat(post.quantile(0, 0.95) - post.quantile(0, 0.05)).isLessThan(36.0 / 5);
            assertThat(st.count("abc_simulations", null)).isEqualTo(r.abc().simulations());
            assertThat(st.count("abc_particles", "generation = 3")).isEqualTo(30);
            assertThat(st.count("abc_predictive", null)).isEqualTo(AbcCalibrator.PREDICTIVE * 6L);
            assertThat(r.bands()).hasSize(6).allSatisfy(x -> assertThat(x.low5()).isLessThanOrEqualTo(x.high95()));
            assertThat(String.join("\n", r.report())).contains("mean").contains("Posterior predictive check");
            // draws for other commands (explain --posterior): by weight from the last generation, by name or id
            var draws = AbcCalibrator.posteriorDraws(st, "granovetter-abc", 40, 1);
            assertThat(draws).hasSize(40).allSatisfy(d -> assertThat(d.get("mean"))
                    .isBetween(post.quantile(0, 0.0), post.quantile(0, 1.0)));
            double drawn = draws.stream().mapToDouble(d -> d.get("mean")).average().orElseThrow();
            assertThat(drawn).isCloseTo(post.mean(0), org.assertj.core.api.Assertions.within(3 * post.sd(0) / Math.sqrt(10)));
            assertThat(AbcCalibrator.posteriorDraws(st, r.calibrationId(), 40, 1)).isEqualTo(draws);
            assertThatThrownBy(() -> AbcCalibrator.posteriorDraws(st, "nonesuch", 5, 1)).hasMessageContaining("no finished ABC calibration");
            // a rerun finds every simulation in the store and keeps the time the calibration took
            double took = seconds(st, r.calibrationId());
            assertThat(took).isEqualTo(r.seconds());
            AbcCalibrator.Result again = AbcCalibrator.run(c, st, b, Progress.NONE, SILENT);
            assertThat(again.simulatedNow()).isZero();
            assertThat(seconds(st, r.calibrationId())).isEqualTo(took);
        }
    }

    private static double seconds(ResultStore st, String id) throws Exception {
        try (var ps = st.connection().prepareStatement("SELECT seconds FROM abc_calibrations WHERE calibration_id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    @Test
    void anInterruptedCalibrationResumesFromTheStore() throws Exception {
        Calibration whole = calibration();
        AbcCalibrator.Result reference;
        try (ResultStore st = ResultStore.open(dir.resolve("whole.duckdb")); LocalBackend b = new LocalBackend(2, 1)) {
            reference = AbcCalibrator.run(whole, st, b, Progress.NONE, SILENT);
        }
        // the same calibration interrupted part-way (the progress display throws in generation 2, as a kill
        // would stop it), then run again to the end from the same store
        Path db = dir.resolve("resumed.duckdb");
        Progress killer = new Progress() {
            @Override
            public void start(String label, long total, long done) {
                if (label.startsWith("generation 2")) {
                    throw new IllegalStateException("killed");
                }
            }

            @Override
            public void advance(long done) {
            }

            @Override
            public void finish() {
            }
        };
        try (ResultStore st = ResultStore.open(db); LocalBackend b = new LocalBackend(2, 1)) {
            assertThatThrownBy(() -> AbcCalibrator.run(whole, st, b, killer, SILENT)).hasMessage("killed");
            assertThat(st.count("abc_simulations", null)).isGreaterThan(0).isLessThan(reference.abc().simulations());
        }
        try (ResultStore st = ResultStore.open(db); LocalBackend b = new LocalBackend(2, 1)) {
            AbcCalibrator.Result resumed = AbcCalibrator.run(whole, st, b, Progress.NONE, SILENT);
            assertThat(resumed.fromStore()).isGreaterThan(0);
            assertThat(resumed.fromStore() + resumed.simulatedNow()).isEqualTo(reference.abc().simulations());
            assertThat(resumed.abc().posterior().mean(0)).isEqualTo(reference.abc().posterior().mean(0));
            assertThat(st.count("abc_simulations", null)).isEqualTo(reference.abc().simulations());
        }
    }

    @Test
    void dataTargetsReadThePublishedSeries() {
        String yaml = """
                name: exam
                scenario: china-2012-2025
                method: abc-smc
                holdout_from: 2021
                parameters:
                  - path: recruitment.applicants_per_post
                    range: [20, 150]
                targets:
                  - name: applicants per post
                    metric: applicants_per_post
                    data: {file: national_exam.csv, year: recruitment_year, value: qualified_applicants, per: planned_hires, year_shift: -1}
                    years: [2014, 2025]
                  - metric: punished_bureau
                    per: [punished_clerk, punished_section, punished_division, punished_bureau]
                    summary: year_sum
                    pool: true
                    data: {file: discipline.csv, value: bureau_punished, per: [bureau_punished, county_punished, township_punished, general_cadres_punished]}
                    years: [2016, 2023]
                """;
        Calibration c = Calibration.parse(yaml, "exam.yaml", null);
        Target exam = c.targets().get(0);
        assertThat(exam.values()).hasSize(12);
        // recruitment year 2014: 1,520,000 applicants for 19,000 posts, sat in 2013
        assertThat(exam.values()[0]).isEqualTo(1_520_000.0 / 19_000);
        assertThat(exam.years()[0]).isEqualTo(2013);
        assertThat(exam.labelOf(0, c.base())).isEqualTo("2014");
        assertThat(exam.fitted()[6]).isTrue();   // 2020
        assertThat(exam.fitted()[7]).isFalse();  // 2021, held out
        assertThat(exam.source()).startsWith("national_exam.csv (").contains("China Daily");
        Target bureau = c.targets().get(1);
        // pooled over 2016-2020 (2019 lacks the township and general counts; from 2021 held out)
        double num = 2700 + 3300 + 3500 + 2859;
        double den = num + 18000 + 21000 + 26000 + 22000 + 61000 + 78000 + 91000 + 83000 + 76000 + 97000 + 111000 + 99000;
        assertThat(bureau.values()).containsExactly(num / den);
        assertThat(bureau.labelOf(0, c.base())).isEqualTo("2016-2020");
    }

    @Test
    void badDataTargetsNameTheFieldAndWhatWasExpected() {
        String head = """
                name: exam
                scenario: china-2012-2025
                parameters:
                  - path: recruitment.applicants_per_post
                    range: [20, 150]
                targets:
                  - metric: applicants_per_post
                """;
        assertThatThrownBy(() -> Calibration.parse(head + "    data: {file: exams.csv, value: x}\n", "bad.yaml", null))
                .hasMessageContaining("field 'targets[0].data.file'").hasMessageContaining("national_exam.csv");
        assertThatThrownBy(() -> Calibration.parse(head + "    data: {file: national_exam.csv, year: recruitment_year, value: applicants}\n",
                "bad.yaml", null))
                .hasMessageContaining("field 'targets[0].data'").hasMessageContaining("qualified_applicants");
        assertThatThrownBy(() -> Calibration.parse(head + "    data: {file: national_exam.csv, year: recruitment_year, value: planned_hires}\n"
                + "    years: [2005, 2010]\n", "bad.yaml", null))
                .hasMessageContaining("field 'targets[0].years'").hasMessageContaining("2013 to 2025");
    }
}
