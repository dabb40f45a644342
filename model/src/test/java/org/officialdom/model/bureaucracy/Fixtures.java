package org.officialdom.model.bureaucracy;

import org.officialdom.engine.MetricTable;
import org.officialdom.engine.Simulation;

/** Small organisations and parameter sets for the tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** Defaults at a small size, from the drawn population (no spin-up: the tests that need one ask for it). */
    static BureaucracyParameters small(long officials) {
        return BureaucracyParameters.DEFAULTS.with("organisation.officials", officials).with("spin_up_months", 0);
    }

    /**
     * Everything switched off but the party-exit cascade: every post filled, everyone a member, no
     * one leaves, no one reconsiders, no thresholds shifted.
     */
    static BureaucracyParameters quiet(long officials, double mean, double sd) {
        return small(officials).withTiming(1, 0)
                .with("organisation.fill", 1.0)
                .with("recruitment.member_share", 1.0)
                .with("exits.retirement_age", 2000).with("exits.mortality", 0).with("exits.competence_floor", 0)
                .with("exits.offer_rate", 0).with("exits.emigration_rate", 0)
                .with("evln.reconsider", 0)
                .with("investigation.base", 0)
                .with("party_exit.mean", mean).with("party_exit.sd", sd).with("party_exit.support_weight", 0)
                .with("party_exit.inside_premium", 0).with("party_exit.surveillance_weight", 0)
                .with("party_exit.outside_share", 0).with("party_exit.network", PartyExit.Network.ORGANISATION);
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
