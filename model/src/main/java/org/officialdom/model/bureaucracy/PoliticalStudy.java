package org.officialdom.model.bureaucracy;

import org.officialdom.model.parameter.Param;

/**
 * Mechanism 1, political study. Seed (000): "meetings are filled with the study of Xi Jinping's
 * thought"; "Even non-Party members like herself were forced to write ideological reports, adding to
 * the burden on Party members who faced additional meeting and reporting requirements"; "frequent
 * checks on their knowledge of various security laws".
 *
 * <p>Weekly hours taken from real work:
 * {@code h = (member ? studyHours + memberReportHours : nonMemberHours + nonMemberReportHours)
 *           + quizzesPerMonth · hoursPerQuiz / 4.33},
 * and the study load is the share of the working week, {@code L = min(1, h / workWeekHours)}. The
 * load takes time from real work (mechanism 15), adds stress and, weighted by {@code 1 − support},
 * lowers the morale target (mechanism 9): it hurts most those who privately disbelieve.
 *
 * <p>Defaults: party rules set at least 32 hours a year of collective study (56 for branch leaders);
 * county officials reported 8.4 hours a week in meetings (2011 time-use survey). We take 2 hours a
 * week of study and 1 of reports for members before the campaigns, a stated assumption.
 */
public final class PoliticalStudy {

    public record Parameters(
            @Param(value = "Hours per week of political study and meetings for party members.", unit = "hours per week", min = 0, max = 60, lever = true)
            double studyHours,
            @Param(value = "Hours per week writing ideological reports, party members.", unit = "hours per week", min = 0, max = 60)
            double memberReportHours,
            @Param(value = "Hours per week of study and meetings for non-members.", unit = "hours per week", min = 0, max = 60)
            double nonMemberHours,
            @Param(value = "Hours per week writing ideological reports, non-members.", unit = "hours per week", min = 0, max = 60)
            double nonMemberReportHours,
            @Param(value = "Security-law and ideology quizzes per month.", unit = "quizzes per month", min = 0, max = 60)
            double quizzesPerMonth,
            @Param(value = "Hours each quiz takes, preparation included.", unit = "hours", min = 0, max = 20)
            double hoursPerQuiz,
            @Param(value = "Length of the working week.", unit = "hours per week", min = 1, max = 100)
            double workWeekHours) {

        public static final Parameters DEFAULTS = new Parameters(2, 1, 0.5, 0, 0, 1, 40);
    }

    private PoliticalStudy() {
    }

    /** Hours per week lost to study, reports and quizzes. */
    public static double hours(Parameters p, boolean member) {
        double base = member ? p.studyHours() + p.memberReportHours() : p.nonMemberHours() + p.nonMemberReportHours();
        return base + p.quizzesPerMonth() * p.hoursPerQuiz() / 4.33;
    }

    /** Study load: the share of the working week, at most 1. */
    public static double load(Parameters p, boolean member) {
        return Math.min(1.0, hours(p, member) / p.workWeekHours());
    }

    /** The study load of non-members (index 0) and members (index 1), once a step. */
    static double[] loads(Parameters p) {
        return new double[] {load(p, false), load(p, true)};
    }
}
