package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialdom.model.bureaucracy.BureaucracyParameters.DEFAULTS;

import org.junit.jupiter.api.Test;

/**
 * Mechanism 1, political study: the weekly hours and the study load, on hand-made numbers worked
 * out by hand in the comments.
 */
class PoliticalStudyTest {

    private static final double EPS = 1e-12;

    @Test
    void politicalStudyLoadAddsStudyReportsAndQuizzes() {
        var p = DEFAULTS.with("study.study_hours", 6).with("study.member_report_hours", 2).with("study.non_member_hours", 1)
                .with("study.non_member_report_hours", 1).with("study.quizzes_per_month", 4.33).study();
        // defaults: 1 h per quiz, a 40 h week
        // member: 6 + 2 + 4.33 quizzes/month * 1 h / 4.33 weeks = 9 h/week; 9/40 = 0.225
        assertThat(PoliticalStudy.hours(p, true)).isCloseTo(9, within(EPS));
        assertThat(PoliticalStudy.load(p, true)).isCloseTo(0.225, within(EPS));
        // non-member: 1 + 1 + 1 = 3 h; 3/40 = 0.075
        assertThat(PoliticalStudy.load(p, false)).isCloseTo(0.075, within(EPS));
        // a load over the week is capped at 1: 50 h of study and the default 1 h of reports
        assertThat(PoliticalStudy.load(DEFAULTS.with("study.study_hours", 50).study(), true)).isEqualTo(1.0);
    }
}
