package org.officialdom.model.classic;

import java.util.List;
import org.officialdom.engine.Simulation;

/**
 * Granovetter's normal-threshold experiment (N = 100, mean 25, standard deviation σ): the
 * equilibrium number acting as a function of σ, computed two ways.
 *
 * <ul>
 *   <li>{@link #expected}: the deterministic map r(t+1) = N · F_σ(r(t)) with F_σ the normal CDF
 *       (clipping thresholds to [0, N] does not change F on [0, N)), iterated from 0 — the
 *       computation behind the paper's figure.</li>
 *   <li>{@link #sampled}: the engine's {@link Granovetter} model with N thresholds drawn from
 *       Normal(25, σ), clipped, averaged over seeds.</li>
 * </ul>
 * The critical σ is where the equilibrium jumps from a small minority to nearly everyone.
 */
final class GranovetterSpread {

    static final int N = 100;
    static final double MEAN = 25;

    private GranovetterSpread() {
    }

    /** Equilibrium of the continuous map from r = 0 (iterated until it moves by less than 1e-9). */
    static double expected(double sd) {
        double r = 0;
        for (int i = 0; i < 100_000; i++) {
            double next = N * normalCdf((r - MEAN) / sd);
            if (Math.abs(next - r) < 1e-9) {
                return next;
            }
            r = next;
        }
        return r;
    }

    /** The σ at which the equilibrium of the map jumps above N/2, by bisection on [lo, hi]. */
    static double criticalSd(double lo, double hi) {
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (expected(mid) > N / 2.0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** Mean equilibrium of the engine's Granovetter model over seeds 1..replicates. */
    static double sampled(double sd, int replicates) {
        double total = 0;
        for (long seed = 1; seed <= replicates; seed++) {
            GranovetterParameters p = new GranovetterParameters(N, GranovetterParameters.Distribution.NORMAL,
                    GranovetterParameters.Unit.COUNT, MEAN, sd, 0, 100, List.of());
            try (Simulation sim = new Simulation(new Granovetter(p), seed, 1)) {
                double last = -1;
                // the count only rises; it has settled once a step changes nothing
                while (sim.metrics().last("acting") != last) {
                    last = sim.metrics().last("acting");
                    sim.step();
                }
                total += last;
            }
        }
        return total / replicates;
    }

    /** Standard normal CDF by the complementary error function (Numerical Recipes' erfc, |error| < 1.2e-7). */
    static double normalCdf(double z) {
        double x = -z / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        double erfc = x >= 0 ? y : 2 - y;
        return 0.5 * erfc;
    }
}
