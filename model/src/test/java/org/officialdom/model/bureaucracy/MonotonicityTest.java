package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.MetricTable;

/**
 * What a modeller expects, other things equal, checked over replicates: each pair of runs shares a
 * seed (common random numbers) and the paired differences must be positive by a one-sided paired
 * t-test at the 1% level (t > 2.821 with 9 degrees of freedom).
 */
class MonotonicityTest {

    private static final int REPLICATES = 10;
    private static final double T_CRITICAL = 2.821;
    private static final int STEPS = 36;

    private static double pairedT(BureaucracyParameters low, BureaucracyParameters high, ToDoubleFunction<MetricTable> outcome) {
        double[] d = new double[REPLICATES];
        for (int k = 0; k < REPLICATES; k++) {
            long seed = 7919L * (k + 1);
            d[k] = outcome.applyAsDouble(Fixtures.run(high, seed, 1, STEPS)) - outcome.applyAsDouble(Fixtures.run(low, seed, 1, STEPS));
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
}
