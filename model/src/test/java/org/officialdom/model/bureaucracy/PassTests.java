package org.officialdom.model.bureaucracy;

import java.util.SplittableRandom;
import org.officialdom.engine.Simulation;

/**
 * Helpers for the "pass equals formula" tests: a small organisation whose officials are given varied
 * states, and one pass of its schedule run on its own.
 */
final class PassTests {

    private PassTests() {
    }

    /**
     * Gives every official a varied state: morale, stress, savings (some below the out-of-pocket cost
     * of a quota), stance, retaliations, enemies, party membership, the circle, traits, competence,
     * age and patron (in post, none, or gone); and every unit a varied exit rate, share of public
     * quitters and what its officials have seen.
     */
    static void vary(Bureaucracy m, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Officials o = m.officials();
        for (int i = 0; i < o.size(); i++) {
            o.morale.values()[i] = (float) r.nextDouble();
            o.stress.values()[i] = (float) r.nextDouble();
            o.savings.values()[i] = (float) (3 * r.nextDouble());
            o.stance.values()[i] = (byte) r.nextInt(4);
            o.retaliations.values()[i] = (byte) r.nextInt(6);
            o.enemies.values()[i] = (byte) r.nextInt(4);
            o.member.values()[i] = r.nextBoolean();
            o.circle.values()[i] = r.nextInt(4) == 0;
            o.publicExit.values()[i] = r.nextInt(10) == 0;
            o.support.values()[i] = (byte) r.nextInt(256);
            o.motivation.values()[i] = (byte) r.nextInt(256);
            o.riskAversion.values()[i] = (byte) r.nextInt(256);
            o.competence.values()[i] = (float) (1 + 9 * r.nextDouble());
            o.tenure.values()[i] = (short) r.nextInt(480);
            o.age.values()[i] = (short) (12 * 20 + r.nextInt(12 * 46));
            o.foreignTies.values()[i] = (byte) r.nextInt(256);
            // a patron in post, none, or one who has left (an id never issued stands for one)
            int k = r.nextInt(4);
            o.patron.values()[i] = k == 0 ? -1 : k == 1 ? o.table.idsIssued() + r.nextInt(100) : o.patron.values()[i];
        }
        float[] exitRate = m.climate().exitRates();
        float[] quitShare = m.climate().quitShares();
        float[] seen = m.climate().seen();
        for (int u = 0; u < exitRate.length; u++) {
            exitRate[u] = (float) (0.02 * r.nextDouble());
            quitShare[u] = (float) (0.3 * r.nextDouble());
            seen[u] = (float) (-0.3 * r.nextDouble());
        }
    }

    /** Runs the pass of that name once; {@code "ageing"} first starts a step (its counts, its step number). */
    static void run(Bureaucracy m, Simulation sim, String name) {
        m.passes().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pass " + name)).run(sim);
    }
}
