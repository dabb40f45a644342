package org.officialdom.lab.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.officialdom.engine.random.RandomStream;
import org.officialdom.engine.random.RandomStreams;

/**
 * Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC): a population of weighted
 * parameter vectors (particles) is moved from the prior toward the posterior through generations of
 * shrinking tolerance, using only simulations and a distance between simulated and observed
 * summaries, never a likelihood.
 *
 * <p>The scheme is that of Toni et al. (2009, J. R. Soc. Interface 6:187) with the population Monte
 * Carlo weights and the kernel of Beaumont et al. (2009, Biometrika 96:983), and an adaptive
 * tolerance as in Del Moral et al. (2012, Stat. Comput. 22:1009) and pyABC:
 * <ul>
 *   <li>Generation 0 draws {@code N} particles from the prior and accepts them all; its tolerance is
 *       the largest distance.</li>
 *   <li>Generation t ≥ 1 has tolerance ε_t = the {@code quantile} of the previous generation's
 *       distances (weighted). A proposal picks an ancestor θ_j with probability w_j and moves it by
 *       a normal kernel K with covariance 2·Σ, Σ the weighted covariance of the previous particles;
 *       moves that leave the prior's support are drawn again. A proposal is accepted when its
 *       distance d ≤ ε_t, until N are accepted.</li>
 *   <li>Weights: w_i ∝ π(θ_i) / Σ_j w_j K(θ_i | θ_j), normalised; the effective sample size is
 *       1 / Σ w_i².</li>
 *   <li>The kernel, its covariance and the weights work in each parameter's internal coordinate
 *       ({@link Prior#toInternal}: log θ for a log-uniform prior, where that prior is flat), so a
 *       parameter known to an order of magnitude is explored evenly over its decades.</li>
 *   <li>It stops after {@code maxGenerations}, when ε_t ≤ {@code finalTolerance}, when a
 *       generation's acceptance rate falls below {@code minAcceptance}, or when the simulation
 *       budget is spent.</li>
 * </ul>
 *
 * <p>Determinism: proposal {@code i} of generation {@code t} is a pure function of the seed, t, i
 * and the previous population (named streams {@code abc-prior}, {@code abc-ancestor},
 * {@code abc-kernel}). Proposals are simulated in batches (in parallel by the caller) and accepted
 * in index order, so the accepted population does not depend on the batch size or the thread
 * count, and a calibration that is run again proposes the same parameters: a caller that stores
 * each proposal's distance resumes an interrupted calibration by answering from its store.
 */
public final class AbcSmc {

    /** The tuning of one calibration. */
    public record Settings(int particles, double quantile, int maxGenerations, double minAcceptance,
                           double finalTolerance, long maxSimulations, int batch, long seed) {

        public Settings {
            if (particles < 2 || !(quantile > 0 && quantile < 1) || maxGenerations < 1 || batch < 1) {
                throw new IllegalArgumentException("particles ≥ 2, 0 < quantile < 1, generations ≥ 1, batch ≥ 1");
            }
        }
    }

    /** One proposal to simulate: generation, index within the generation, parameter vector. */
    public record Proposal(int generation, int index, double[] theta) {
    }

    /** Simulates proposals and returns each one's distance to the observed data (0 is a perfect fit). */
    public interface Simulator {
        double[] distances(List<Proposal> batch);
    }

    /** Told of each finished batch and generation (progress, storage). */
    public interface Listener {
        default void batch(int generation, int simulated, int accepted, double tolerance) {
        }

        default void generation(Generation g) {
        }
    }

    /** A weighted particle: its proposal index, parameters, distance and normalised weight. */
    public record Particle(int index, double[] theta, double distance, double weight) {
    }

    /** A finished generation: its tolerance, particles, simulations used, acceptance rate and ESS. */
    public record Generation(int generation, double tolerance, List<Particle> particles, int simulations,
                             double acceptance, double ess) {

        /** Weighted mean of parameter {@code j}. */
        public double mean(int j) {
            double m = 0;
            for (Particle p : particles) {
                m += p.weight() * p.theta()[j];
            }
            return m;
        }

        /** Weighted standard deviation of parameter {@code j}. */
        public double sd(int j) {
            double m = mean(j);
            double v = 0;
            for (Particle p : particles) {
                v += p.weight() * (p.theta()[j] - m) * (p.theta()[j] - m);
            }
            return Math.sqrt(v);
        }

        /** Weighted quantile {@code q} of parameter {@code j} (the smallest value whose cumulative weight reaches q). */
        public double quantile(int j, double q) {
            Particle[] s = particles.toArray(new Particle[0]);
            Arrays.sort(s, (a, b) -> Double.compare(a.theta()[j], b.theta()[j]));
            double c = 0;
            for (Particle p : s) {
                c += p.weight();
                if (c >= q - 1e-12) {
                    return p.theta()[j];
                }
            }
            return s[s.length - 1].theta()[j];
        }
    }

    /** Why the run stopped. */
    public enum Stop { GENERATIONS, TOLERANCE, ACCEPTANCE, BUDGET }

    /** All generations (the last is the posterior sample) and why it stopped. */
    public record Result(List<Generation> generations, Stop stop, long simulations) {
        public Generation posterior() {
            return generations.get(generations.size() - 1);
        }
    }

    private final List<Prior> priors;
    private final Settings s;
    private final RandomStream priorStream;
    private final RandomStream ancestorStream;
    private final RandomStream kernelStream;

    public AbcSmc(List<Prior> priors, Settings settings) {
        this.priors = List.copyOf(priors);
        this.s = settings;
        RandomStreams streams = new RandomStreams(settings.seed());
        this.priorStream = streams.stream("abc-prior");
        this.ancestorStream = streams.stream("abc-ancestor");
        this.kernelStream = streams.stream("abc-kernel");
    }

    public Result run(Simulator sim, Listener listener) {
        List<Generation> gens = new ArrayList<>();
        long used = 0;
        Generation prev = null;
        Stop stop = Stop.GENERATIONS;
        for (int t = 0; t < s.maxGenerations(); t++) {
            double eps = prev == null ? Double.POSITIVE_INFINITY : tolerance(prev);
            Kernel kernel = prev == null ? null : new Kernel(prev, priors.size());
            List<Particle> accepted = new ArrayList<>();
            int next = 0;
            int simulated = 0;
            boolean budget = false;
            while (accepted.size() < s.particles()) {
                int room = (int) Math.min(s.batch(), s.maxSimulations() - used);
                if (room <= 0) {
                    budget = true;
                    break;
                }
                List<Proposal> batch = new ArrayList<>(room);
                for (int k = 0; k < room; k++) {
                    batch.add(new Proposal(t, next + k, kernel == null ? fromPrior(next + k) : kernel.propose(t, next + k)));
                }
                next += room;
                double[] d = sim.distances(batch);
                used += room;
                for (int k = 0; k < room && accepted.size() < s.particles(); k++) {
                    simulated++;
                    if (d[k] <= eps) {
                        accepted.add(new Particle(batch.get(k).index(), batch.get(k).theta(), d[k], 0));
                    }
                }
                listener.batch(t, simulated, accepted.size(), eps);
                if (t > 0 && simulated >= s.particles() * 4 && (double) accepted.size() / simulated < s.minAcceptance() / 4) {
                    break; // hopeless: far below the acceptance floor after several populations' worth of proposals
                }
            }
            if (accepted.size() < s.particles()) {
                stop = budget ? Stop.BUDGET : Stop.ACCEPTANCE;
                break;
            }
            if (Double.isInfinite(eps)) {
                eps = accepted.stream().mapToDouble(Particle::distance).max().orElse(0);
            }
            Generation g = weigh(t, eps, accepted, simulated, kernel);
            gens.add(g);
            listener.generation(g);
            prev = g;
            if (eps <= s.finalTolerance()) {
                stop = Stop.TOLERANCE;
                break;
            }
            if (t > 0 && g.acceptance() < s.minAcceptance()) {
                stop = Stop.ACCEPTANCE;
                break;
            }
        }
        if (gens.isEmpty()) {
            throw new IllegalStateException("the simulation budget ran out before the first generation was complete");
        }
        return new Result(List.copyOf(gens), stop, used);
    }

    /** ε_t: the weighted {@code quantile} of the previous generation's distances. */
    private double tolerance(Generation prev) {
        Particle[] ps = prev.particles().toArray(new Particle[0]);
        Arrays.sort(ps, (a, b) -> Double.compare(a.distance(), b.distance()));
        double c = 0;
        for (Particle p : ps) {
            c += p.weight();
            if (c >= s.quantile()) {
                return p.distance();
            }
        }
        return ps[ps.length - 1].distance();
    }

    private double[] fromPrior(int index) {
        double[] theta = new double[priors.size()];
        for (int j = 0; j < theta.length; j++) {
            theta[j] = priors.get(j).inverse(priorStream.uniform(index, 0, j));
        }
        return theta;
    }

    private Generation weigh(int t, double eps, List<Particle> accepted, int simulated, Kernel kernel) {
        double[] w = new double[accepted.size()];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            double[] theta = accepted.get(i).theta();
            if (kernel == null) {
                w[i] = 1;
            } else {
                double[] z = internal(theta);
                double prior = 1;
                for (int j = 0; j < z.length; j++) {
                    prior *= priors.get(j).internalDensity(z[j]);
                }
                w[i] = prior / kernel.mixtureDensity(z);
            }
            sum += w[i];
        }
        double ss = 0;
        List<Particle> out = new ArrayList<>(w.length);
        for (int i = 0; i < w.length; i++) {
            Particle p = accepted.get(i);
            double wi = w[i] / sum;
            ss += wi * wi;
            out.add(new Particle(p.index(), p.theta(), p.distance(), wi));
        }
        return new Generation(t, eps, List.copyOf(out), simulated, (double) accepted.size() / simulated, 1 / ss);
    }

    private double[] internal(double[] theta) {
        double[] z = new double[theta.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = priors.get(j).toInternal(theta[j]);
        }
        return z;
    }

    /**
     * The perturbation kernel of one generation, in the internal coordinates: a normal with
     * covariance 2Σ around a weighted pick.
     */
    private final class Kernel {
        private final Generation prev;
        private final double[][] z;
        private final double[] cumulative;
        private final RealMatrix lower;
        private final RealMatrix precision;
        private final double norm;

        Kernel(Generation prev, int k) {
            this.prev = prev;
            List<Particle> ps = prev.particles();
            z = new double[ps.size()][];
            for (int i = 0; i < z.length; i++) {
                z[i] = internal(ps.get(i).theta());
            }
            cumulative = new double[ps.size()];
            double c = 0;
            for (int i = 0; i < ps.size(); i++) {
                c += ps.get(i).weight();
                cumulative[i] = c;
            }
            double[][] cov = new double[k][k];
            double[] mean = new double[k];
            for (int i = 0; i < z.length; i++) {
                for (int j = 0; j < k; j++) {
                    mean[j] += ps.get(i).weight() * z[i][j];
                }
            }
            for (int i = 0; i < z.length; i++) {
                double w = ps.get(i).weight();
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        cov[a][b] += 2 * w * (z[i][a] - mean[a]) * (z[i][b] - mean[b]);
                    }
                }
            }
            // a floor on each variance (a millionth of the prior's spread) keeps a collapsed
            // population's kernel positive definite
            for (int j = 0; j < k; j++) {
                double floor = Math.pow(1e-3 * priors.get(j).spread(), 2);
                cov[j][j] = Math.max(cov[j][j], floor);
            }
            RealMatrix m = MatrixUtils.createRealMatrix(cov);
            CholeskyDecomposition chol = new CholeskyDecomposition(m, 1e-12, 1e-14);
            lower = chol.getL();
            precision = chol.getSolver().getInverse();
            norm = 1 / Math.sqrt(Math.pow(2 * Math.PI, k) * chol.getDeterminant());
        }

        double[] propose(int t, int index) {
            int k = priors.size();
            for (int attempt = 0; ; attempt++) {
                double u = ancestorStream.uniform(index, t, attempt);
                int a = Arrays.binarySearch(cumulative, u);
                a = Math.min(cumulative.length - 1, a < 0 ? -a - 1 : a);
                double[] z = new double[k];
                for (int j = 0; j < k; j++) {
                    z[j] = kernelStream.normal(index, t, (long) attempt * k + j);
                }
                double[] moved = this.z[a].clone();
                boolean inside = true;
                for (int r = 0; r < k; r++) {
                    for (int c = 0; c <= r; c++) {
                        moved[r] += lower.getEntry(r, c) * z[c];
                    }
                    inside &= priors.get(r).internalDensity(moved[r]) > 0;
                }
                if (inside) {
                    double[] theta = new double[k];
                    for (int j = 0; j < k; j++) {
                        theta[j] = priors.get(j).fromInternal(moved[j]);
                    }
                    return theta;
                }
                if (attempt > 100_000) {
                    throw new IllegalStateException("the perturbation kernel keeps leaving the prior's support");
                }
            }
        }

        /** Σ_j w_j K(z | z_j), in the internal coordinates. */
        double mixtureDensity(double[] at) {
            int k = at.length;
            double sum = 0;
            double[] d = new double[k];
            for (int i = 0; i < z.length; i++) {
                Particle p = prev.particles().get(i);
                for (int j = 0; j < k; j++) {
                    d[j] = at[j] - z[i][j];
                }
                double q = 0;
                for (int a = 0; a < k; a++) {
                    double row = 0;
                    for (int b = 0; b < k; b++) {
                        row += precision.getEntry(a, b) * d[b];
                    }
                    q += d[a] * row;
                }
                sum += p.weight() * norm * Math.exp(-0.5 * q);
            }
            return sum;
        }
    }
}
