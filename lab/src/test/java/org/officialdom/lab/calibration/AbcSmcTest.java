package org.officialdom.lab.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.random.RandomStream;
import org.officialdom.engine.random.RandomStreams;

/**
 * ABC-SMC against posteriors known in closed form. The data are n draws of a Normal(μ, 1); the
 * summary is their mean x̄, the distance |x̄_sim − x̄_obs|. With a flat prior wide around x̄ the
 * posterior of μ is Normal(x̄, 1/n); as the tolerance shrinks, the ABC posterior approaches it
 * (its variance is 1/n plus a term of order ε²/3).
 */
class AbcSmcTest {

    private static final int N = 25;
    private static final double OBSERVED = 1.7;

    /** Simulates the mean of N draws of Normal(θ, 1): exact, from the named stream. */
    private static double simulatedMean(double theta, int generation, int index) {
        RandomStream r = new RandomStreams(99).stream("data");
        double s = 0;
        for (int k = 0; k < N; k++) {
            s += theta + r.normal(index, generation, k);
        }
        return s / N;
    }

    private static AbcSmc.Simulator normalMean(int[] calls) {
        return batch -> {
            calls[0] += batch.size();
            double[] d = new double[batch.size()];
            for (int i = 0; i < d.length; i++) {
                AbcSmc.Proposal p = batch.get(i);
                d[i] = Math.abs(simulatedMean(p.theta()[0], p.generation(), p.index()) - OBSERVED);
            }
            return d;
        };
    }

    private static AbcSmc.Settings settings(int batch) {
        return new AbcSmc.Settings(500, 0.5, 12, 0.001, 0.0, 2_000_000, batch, 7);
    }

    @Test
    void findsTheNormalMeansPosterior() {
        int[] calls = {0};
        AbcSmc abc = new AbcSmc(List.of(Prior.uniform("mu", -10, 10)), settings(64));
        AbcSmc.Result r = abc.run(normalMean(calls), new AbcSmc.Listener() { });
        AbcSmc.Generation post = r.posterior();
        double exactSd = Math.sqrt(1.0 / N);
        assertThat(r.generations()).hasSize(12);
        // tolerances shrink generation by generation
        for (int t = 2; t < r.generations().size(); t++) {
            assertThat(r.generations().get(t).tolerance()).isLessThan(r.generations().get(t - 1).tolerance());
        }
        assertThat(post.tolerance()).isLessThan(0.02);
        // posterior mean: x̄ within a few Monte Carlo errors (sd/√ESS)
        assertThat(post.mean(0)).isCloseTo(OBSERVED, within(4 * exactSd / Math.sqrt(post.ess())));
        // posterior sd within 10 % of the exact 0.2 (ε² / 3 adds under 0.1 %)
        assertThat(post.sd(0)).isCloseTo(exactSd, within(0.1 * exactSd));
        // the central 90 % interval is x̄ ± 1.645 sd
        assertThat(post.quantile(0, 0.05)).isCloseTo(OBSERVED - 1.645 * exactSd, within(0.08));
        assertThat(post.quantile(0, 0.95)).isCloseTo(OBSERVED + 1.645 * exactSd, within(0.08));
        assertThat(post.ess()).isGreaterThan(100);
        assertThat(r.simulations()).isEqualTo(calls[0]);
        double w = post.particles().stream().mapToDouble(AbcSmc.Particle::weight).sum();
        assertThat(w).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aLogUniformPriorIsExploredInLogs() {
        // the data are draws of Normal(log θ, 1): with θ log-uniform, log θ has a flat prior and its
        // posterior is Normal(x̄, 1/N); the kernel moves log θ, so the weights stay even (a high ESS)
        AbcSmc.Simulator sim = batch -> {
            double[] d = new double[batch.size()];
            for (int i = 0; i < d.length; i++) {
                AbcSmc.Proposal p = batch.get(i);
                d[i] = Math.abs(simulatedMean(Math.log(p.theta()[0]), p.generation(), p.index()) - OBSERVED);
            }
            return d;
        };
        AbcSmc.Result r = new AbcSmc(List.of(Prior.logUniform("theta", 0.01, 100)), settings(64)).run(sim, new AbcSmc.Listener() { });
        AbcSmc.Generation post = r.posterior();
        double mean = 0;
        for (AbcSmc.Particle p : post.particles()) {
            mean += p.weight() * Math.log(p.theta()[0]);
        }
        double var = 0;
        for (AbcSmc.Particle p : post.particles()) {
            var += p.weight() * Math.pow(Math.log(p.theta()[0]) - mean, 2);
        }
        assertThat(mean).isCloseTo(OBSERVED, within(0.05));
        assertThat(Math.sqrt(var)).isCloseTo(0.2, within(0.02));
        for (AbcSmc.Generation g : r.generations()) {
            assertThat(g.ess()).isGreaterThan(0.5 * g.particles().size());
        }
    }

    @Test
    void aNarrowPriorTruncatesThePosterior() {
        // prior uniform on [0, 1.5]: the posterior is the Normal(1.7, 0.2) cut at 1.5, so its mass
        // piles up at the edge and its mean is about 1.5 − 0.2 · φ(1)/Φ(−1)·… < 1.5; no particle leaves the support
        AbcSmc abc = new AbcSmc(List.of(Prior.uniform("mu", 0, 1.5)), settings(64));
        AbcSmc.Generation post = abc.run(normalMean(new int[1]), new AbcSmc.Listener() { }).posterior();
        assertThat(post.particles()).allSatisfy(p -> assertThat(p.theta()[0]).isBetween(0.0, 1.5));
        // the exact truncated mean: 1.7 − 0.2 · φ(−1) / Φ(−1) = 1.7 − 0.2 · 0.24197 / 0.15866
        assertThat(post.mean(0)).isCloseTo(1.7 - 0.2 * 0.24197 / 0.15866, within(0.04));
    }

    @Test
    void twoIndependentMeansAndAnUninformativeParameter() {
        // θ = (μ₁, μ₂, ν): the data inform μ₁ and μ₂ (means of two samples), never ν, whose posterior stays its prior
        AbcSmc.Simulator sim = batch -> {
            double[] d = new double[batch.size()];
            for (int i = 0; i < d.length; i++) {
                AbcSmc.Proposal p = batch.get(i);
                double a = simulatedMean(p.theta()[0], p.generation(), 2 * p.index());
                double b = simulatedMean(p.theta()[1], p.generation(), 2 * p.index() + 1);
                d[i] = Math.hypot(a - 1.0, b + 2.0);
            }
            return d;
        };
        AbcSmc abc = new AbcSmc(List.of(Prior.uniform("a", -5, 5), Prior.uniform("b", -5, 5), Prior.uniform("nu", 0, 1)),
                new AbcSmc.Settings(600, 0.5, 12, 0.001, 0.0, 4_000_000, 100, 3));
        AbcSmc.Generation post = abc.run(sim, new AbcSmc.Listener() { }).posterior();
        assertThat(post.mean(0)).isCloseTo(1.0, within(0.1));
        assertThat(post.mean(1)).isCloseTo(-2.0, within(0.1));
        assertThat(post.sd(0)).isCloseTo(0.2, within(0.04));
        assertThat(post.sd(1)).isCloseTo(0.2, within(0.04));
        // ν: uniform on [0, 1] has mean 0.5 and sd 0.289
        assertThat(post.mean(2)).isCloseTo(0.5, within(0.06));
        assertThat(post.sd(2)).isCloseTo(0.289, within(0.04));
    }

    @Test
    void theResultDoesNotDependOnTheBatchSize() {
        AbcSmc.Result small = new AbcSmc(List.of(Prior.uniform("mu", -10, 10)), settings(7)).run(normalMean(new int[1]), new AbcSmc.Listener() { });
        AbcSmc.Result large = new AbcSmc(List.of(Prior.uniform("mu", -10, 10)), settings(300)).run(normalMean(new int[1]), new AbcSmc.Listener() { });
        assertThat(small.generations()).hasSameSizeAs(large.generations());
        for (int t = 0; t < small.generations().size(); t++) {
            AbcSmc.Generation a = small.generations().get(t);
            AbcSmc.Generation b = large.generations().get(t);
            assertThat(a.tolerance()).isEqualTo(b.tolerance());
            assertThat(a.simulations()).isEqualTo(b.simulations());
            for (int i = 0; i < a.particles().size(); i++) {
                assertThat(a.particles().get(i).theta()).isEqualTo(b.particles().get(i).theta());
                assertThat(a.particles().get(i).weight()).isEqualTo(b.particles().get(i).weight());
            }
        }
    }

    @Test
    void anInterruptedRunResumesFromItsStoredDistances() {
        // a store of (generation, index) -> distance; the first run is stopped by its simulation budget
        Map<String, Double> store = new HashMap<>();
        List<Integer> fresh = new ArrayList<>();
        AbcSmc.Simulator stored = batch -> {
            double[] d = new double[batch.size()];
            int simulatedNow = 0;
            for (int i = 0; i < d.length; i++) {
                AbcSmc.Proposal p = batch.get(i);
                String key = p.generation() + "/" + p.index();
                Double known = store.get(key);
                if (known == null) {
                    known = Math.abs(simulatedMean(p.theta()[0], p.generation(), p.index()) - OBSERVED);
                    store.put(key, known);
                    simulatedNow++;
                }
                d[i] = known;
            }
            fresh.add(simulatedNow);
            return d;
        };
        AbcSmc.Settings all = settings(64);
        AbcSmc.Result whole = new AbcSmc(List.of(Prior.uniform("mu", -10, 10)), all).run(normalMean(new int[1]), new AbcSmc.Listener() { });
        AbcSmc.Settings cut = new AbcSmc.Settings(all.particles(), all.quantile(), all.maxGenerations(), all.minAcceptance(),
                all.finalTolerance(), whole.simulations() / 2, all.batch(), all.seed());
        AbcSmc.Result interrupted = new AbcSmc(List.of(Prior.uniform("mu", -10, 10)), cut).run(stored, new AbcSmc.Listener() { });
        assertThat(interrupted.stop()).isEqualTo(AbcSmc.Stop.BUDGET);
        int before = store.size();
        fresh.clear();
        AbcSmc.Result resumed = new AbcSmc(List.of(Prior.uniform("mu", -10, 10)), all).run(stored, new AbcSmc.Listener() { });
        // the resumed run simulates only what the interrupted one had not, and ends where the whole run ends
        assertThat(fresh.stream().mapToInt(Integer::intValue).sum()).isEqualTo(store.size() - before);
        assertThat((long) store.size()).isEqualTo(whole.simulations());
        assertThat(resumed.posterior().mean(0)).isEqualTo(whole.posterior().mean(0));
        assertThat(resumed.posterior().tolerance()).isEqualTo(whole.posterior().tolerance());
    }
}
