package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.officialdom.engine.MetricTable;

/**
 * What a modeller expects, other things equal, checked over replicates: each pair of runs shares a
 * seed (common random numbers) and the paired differences must be positive by a one-sided paired
 * t-test at the 1% level (t > 2.821 with 9 degrees of freedom). {@link #eachLeverMovesWhatTheOddSays}
 * checks every lever of the lever table ({@code examples/bureaucracy-levers.yaml}) against the
 * direction docs/odd.md gives it, at a small size.
 */
class MonotonicityTest {

    private static final int REPLICATES = 10;
    private static final double T_CRITICAL = 2.821;
    private static final int STEPS = 36;

    private static double pairedT(BureaucracyParameters low, BureaucracyParameters high, ToDoubleFunction<MetricTable> outcome) {
        return pairedT(low, high, outcome, STEPS);
    }

    /** The paired t statistic of {@code outcome(high) − outcome(low)} over the replicates, each pair sharing a seed. */
    private static double pairedT(BureaucracyParameters low, BureaucracyParameters high, ToDoubleFunction<MetricTable> outcome, int steps) {
        double[] d = new double[REPLICATES];
        for (int k = 0; k < REPLICATES; k++) {
            long seed = 7919L * (k + 1);
            d[k] = outcome.applyAsDouble(Fixtures.run(high, seed, 1, steps)) - outcome.applyAsDouble(Fixtures.run(low, seed, 1, steps));
        }
        double mean = 0;
        for (double v : d) {
            mean += v / REPLICATES;
        }
        double var = 0;
        for (double v : d) {
            var += (v - mean) * (v - mean) / (REPLICATES - 1);
        }
        if (var == 0) {
            return mean > 0 ? Double.POSITIVE_INFINITY : (mean < 0 ? Double.NEGATIVE_INFINITY : 0);
        }
        return mean / Math.sqrt(var / REPLICATES);
    }

    private static double lastYearMean(MetricTable t, String column) {
        double[] c = t.column(column);
        double s = 0;
        for (int i = c.length - 12; i < c.length; i++) {
            s += c[i] / 12;
        }
        return s;
    }

    @Test
    void moreStudyHoursLowerMeanMorale() {
        BureaucracyParameters base = Fixtures.small(1500);
        BureaucracyParameters light = base.with("study.study_hours", 1).with("study.member_report_hours", 0.5);
        BureaucracyParameters heavy = base.with("study.study_hours", 10).with("study.member_report_hours", 3)
                .with("study.non_member_hours", 3).with("study.non_member_report_hours", 1).with("study.quizzes_per_month", 4);
        // morale falls when study rises: the difference light - heavy must be positive
        double t = pairedT(heavy, light, m -> lastYearMean(m, "morale_mean"));
        assertThat(t).isGreaterThan(T_CRITICAL);
    }

    @Test
    void higherOutsideWageMoreExits() {
        BureaucracyParameters base = Fixtures.small(1500);
        BureaucracyParameters low = base.with("pay.outside_wage", 0.8);
        BureaucracyParameters high = base.with("pay.outside_wage", 2.0);
        double t = pairedT(low, high, m -> Fixtures.sum(m, "exits_private_sector") + Fixtures.sum(m, "exits_emigration"));
        assertThat(t).isGreaterThan(T_CRITICAL);
    }

    @Test
    void moreSurveillanceFewerPublicPartyExitsByInsiders() {
        BureaucracyParameters base = Fixtures.small(1500).with("party_exit.mean", 0.2).with("party_exit.sd", 0.15)
                .with("party_exit.inside_premium", 0).with("party_exit.surveillance_weight", 0.3).with("party_exit.outside_share", 0.05);
        BureaucracyParameters watched = base.with("surveillance.intensity", 0.6);
        BureaucracyParameters free = base.with("surveillance.intensity", 0.05);
        double t = pairedT(watched, free, m -> Fixtures.last(m, "party_exits_cumulative"));
        assertThat(t).isGreaterThan(T_CRITICAL);
    }

    private static final int LEVER_STEPS = 60;

    /** Mean of a metric over the last two years of a run. */
    private static double lastTwoYears(MetricTable t, String column) {
        double[] c = t.column(column);
        double s = 0;
        for (int i = c.length - 24; i < c.length; i++) {
            s += c[i] / 24;
        }
        return s;
    }

    private static ToDoubleFunction<MetricTable> level(String column) {
        return m -> lastTwoYears(m, column);
    }

    private static ToDoubleFunction<MetricTable> total(String column) {
        return m -> Fixtures.sum(m, column);
    }

    /**
     * One lever, one outcome, the direction docs/odd.md says: {@code path} moved from {@code from} to
     * {@code to} must raise ({@code +1}) or lower ({@code -1}) the outcome.
     */
    static Stream<Arguments> levers() {
        return Stream.of(
                Arguments.of("study.study_hours", 2.0, 7.0, "stress_mean", level("stress_mean"), +1),
                Arguments.of("surveillance.intensity", 0.2, 0.7, "evln_voice", level("evln_voice"), -1),
                Arguments.of("surveillance.intensity", 0.2, 0.7, "evln_neglect", level("evln_neglect"), +1),
                Arguments.of("pay.cut_by_level", new double[] {0, 0, 0, 0, 0}, new double[] {0, 0.05, 0.10, 0.20, 0.30},
                        "exits_private_sector", total("exits_private_sector"), +1),
                Arguments.of("quotas.campaign", 0.0, 0.8, "stress_mean", level("stress_mean"), +1),
                Arguments.of("quotas.meaningless_share", 0.15, 0.3, "output_per_official", level("output_per_official"), -1),
                Arguments.of("tournament.gift", 1.0, 0.0, "circle_share", level("circle_share"), -1),
                Arguments.of("investigation.campaign", 1.0, 14.0, "circle_share", level("circle_share"), -1),
                // emigration needs savings, which a drawn population has few of in five years: ask for none
                Arguments.of("exits.passport_control", 0.5, 0.95, "exits_emigration", total("exits_emigration"), -1),
                Arguments.of("exits.passport_control", 0.5, 0.95, "emigration_blocked", total("emigration_blocked"), +1),
                Arguments.of("recruitment.youth_unemployment", 12.0, 20.0, "applicants_per_post", level("applicants_per_post"), +1),
                Arguments.of("recruitment.youth_unemployment", 12.0, 20.0, "exits_private_sector", total("exits_private_sector"), -1),
                Arguments.of("recruitment.planned_share", 1.0, 0.5, "vacancies_bottom", level("vacancies_bottom"), +1),
                Arguments.of("party_exit.outside_share", 0.05, 0.10, "party_exits", total("party_exits"), +1));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} moves {3} by sign {5}")
    @MethodSource("levers")
    void eachLeverMovesWhatTheOddSays(String path, Object from, Object to, String outcome, ToDoubleFunction<MetricTable> measure,
                                      int sign) {
        BureaucracyParameters base = Fixtures.small(2000);
        if (path.startsWith("exits.passport")) {
            base = base.with("exits.savings_needed", 0);
        }
        BureaucracyParameters low = base.with(path, from);
        BureaucracyParameters high = base.with(path, to);
        double t = pairedT(low, high, measure, LEVER_STEPS);
        assertThat(sign * t).as("paired t of %s, %s from %s to %s", outcome, path, from, to).isGreaterThan(T_CRITICAL);
    }
}
