package org.officialdom.model.bureaucracy;

import java.util.List;
import org.officialdom.engine.MetricTable;
import org.officialdom.engine.Simulation;

/** Small organisations and parameter sets for the tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** Defaults at a small size. */
    static BureaucracyParameters small(long officials) {
        BureaucracyParameters d = BureaucracyParameters.DEFAULTS;
        return d.with(new Organisation.Parameters(officials, 2, 3.0, 0.95, d.organisation().sectorShares(), List.of(), 0.85));
    }

    /**
     * Everything switched off but the party-exit cascade: every post filled, everyone a member, no
     * one leaves, no one reconsiders, no thresholds shifted.
     */
    static BureaucracyParameters quiet(long officials, double mean, double sd) {
        BureaucracyParameters d = small(officials);
        Organisation.Parameters o = d.organisation();
        Recruitment.Parameters r = d.recruitment();
        Exits.Parameters e = d.exits();
        EvlnChoice.Parameters v = d.evln();
        Investigation.Parameters i = d.investigation();
        return d.withTiming(1, 0)
                .with(new Organisation.Parameters(o.officials(), o.leaders(), o.ratio(), 1.0, o.sectorShares(), o.customPosts(), o.protectedBudget()))
                .with(new Recruitment.Parameters(r.applicantsPerPost(), r.cohort(), r.youthUnemployment(), r.referenceUnemployment(),
                        r.unemploymentElasticity(), r.attractivenessElasticity(), r.examValidity(), r.competenceMean(), r.competenceSd(),
                        r.entryAge(), r.entryAgeSd(), 1.0, r.supportMean(), r.supportSd()))
                .with(new Exits.Parameters(2000, 0, e.ageing(), 0, 0, e.tiesNeeded(), e.savingsNeeded(), e.passportControl()))
                .with(new EvlnChoice.Parameters(0, v.stickiness(), v.temperature(), v.loyaltyBase(), v.voiceBase(), v.neglectBase(),
                        v.exitBase(), v.satisfaction(), v.investment(), v.investmentToExit(), v.alternatives(), v.alternativesToVoice(),
                        v.motivation(), v.fear(), v.burnout(), v.colleagues(), v.disillusion()))
                .with(new Investigation.Parameters(0, i.campaign(), i.circleWeight(), i.enemyWeight(), i.exitWeight(),
                        i.patronProtection(), i.convictGuilty(), i.fabricate(), i.baseFear()))
                .with(new PartyExit.Parameters(mean, sd, 0, 0, 0, 0));
    }

    static MetricTable run(BureaucracyParameters p, long seed, int threads, int steps) {
        try (Simulation sim = new Simulation(new Bureaucracy(p), seed, threads)) {
            sim.runTo(steps);
            return sim.metrics();
        }
    }

    static double last(MetricTable t, String column) {
        double[] c = t.column(column);
        return c[c.length - 1];
    }

    static double sum(MetricTable t, String column) {
        double s = 0;
        for (double v : t.column(column)) {
            s += v;
        }
        return s;
    }
}
