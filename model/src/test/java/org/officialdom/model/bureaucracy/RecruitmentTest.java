package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialdom.model.bureaucracy.BureaucracyParameters.DEFAULTS;

import org.junit.jupiter.api.Test;

/**
 * Mechanism 12, recruitment: applicants per post and exam percentiles, on hand-made numbers worked
 * out by hand in the comments.
 */
class RecruitmentTest {

    private static final double EPS = 1e-12;

    @Test
    void recruitmentApplicantsAndExamPercentiles() {
        // defaults: reference unemployment 12 %, both elasticities 1
        var p = DEFAULTS.with("recruitment.applicants_per_post", 50).with("recruitment.cohort", 1.2)
                .with("recruitment.youth_unemployment", 18).recruitment();
        // 50 * 1.2 * (1 + (18 - 12)/12) * (0.6/0.6)^1 = 50 * 1.2 * 1.5 = 90
        assertThat(Recruitment.applicantsPerPost(p, 0.6)).isCloseTo(90, within(1e-9));
        // morale 0.3: attractiveness halves the applicants
        assertThat(Recruitment.applicantsPerPost(p, 0.3)).isCloseTo(45, within(1e-9));
        // best of 100 sits at percentile 1 - 0.5/100
        assertThat(Recruitment.percentile(1, 100)).isCloseTo(0.995, within(EPS));
        assertThat(Recruitment.inverseNormal(0.5)).isCloseTo(0, within(1e-9));
        assertThat(Recruitment.inverseNormal(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(Recruitment.inverseNormal(0.01)).isCloseTo(-2.326348, within(1e-6));
    }
}
