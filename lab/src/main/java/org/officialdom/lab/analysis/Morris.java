package org.officialdom.lab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Morris elementary effects (Morris 1991; mu* after Campolongo, Cariboni and Saltelli 2007).
 *
 * <p>Design: {@code r} trajectories on a {@code p}-level grid of the unit cube, each a base point
 * and {@code k} moves of ±Δ, Δ = p / (2(p − 1)), one factor at a time in a random order. The
 * elementary effect of factor i on a move is EE_i = (y(x + Δe_i) − y(x)) / Δ, with inputs scaled to
 * [0, 1]: an effect is the change of the output over the factor's whole range, so effects of
 * factors in different units compare directly. Over the r trajectories: mu = mean EE,
 * mu* = mean |EE| (importance), sigma = standard deviation of EE (nonlinearity or interactions).
 * Confidence intervals: percentile bootstrap over trajectories.
 */
public final class Morris {

    /**
     * A Morris design: {@code points} are r(k+1) rows in the unit cube, trajectory by trajectory;
     * {@code factor[t][j]} and {@code delta[t][j]} say which factor row t(k+1)+j+1 moved from the row
     * before and by how much.
     */
    public record Plan(int trajectories, int factors, double[][] points, int[][] factor, double[][] delta) {
    }

    private Morris() {
    }

    /** A design of {@code r} trajectories for {@code k} factors on a {@code p}-level grid (p even is usual). */
    public static Plan design(int r, int k, int p, long seed) {
        if (r < 2 || k < 1 || p < 2) {
            throw new IllegalArgumentException("Morris needs at least 2 trajectories, 1 factor and 2 levels");
        }
        RandomGenerator rng = Bootstrap.generator(seed);
        double step = p / (2.0 * (p - 1));
        int baseLevels = p / 2; // levels 0 .. 1 − Δ on the grid, from which +Δ stays in [0, 1]
        double[][] points = new double[r * (k + 1)][];
        int[][] factor = new int[r][k];
        double[][] delta = new double[r][k];
        for (int t = 0; t < r; t++) {
            double[] x = new double[k];
            boolean[] up = new boolean[k];
            for (int i = 0; i < k; i++) {
                double base = rng.nextInt(baseLevels) / (double) (p - 1);
                up[i] = rng.nextBoolean();
                x[i] = up[i] ? base : base + step;
            }
            int[] order = permutation(k, rng);
            points[t * (k + 1)] = x.clone();
            for (int j = 0; j < k; j++) {
                int i = order[j];
                double d = up[i] ? step : -step;
                x[i] += d;
                factor[t][j] = i;
                delta[t][j] = d;
                points[t * (k + 1) + j + 1] = x.clone();
            }
        }
        return new Plan(r, k, points, factor, delta);
    }

    static int[] permutation(int k, RandomGenerator rng) {
        int[] a = new int[k];
        for (int i = 0; i < k; i++) {
            a[i] = i;
        }
        for (int i = k - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
        return a;
    }

    /** Elementary effects ee[t][i] of each factor in each trajectory. */
    public static double[][] effects(Plan plan, double[] y) {
        int k = plan.factors();
        if (y.length != plan.points().length) {
            throw new IllegalArgumentException("expected " + plan.points().length + " outputs, got " + y.length);
        }
        double[][] ee = new double[plan.trajectories()][k];
        for (int t = 0; t < plan.trajectories(); t++) {
            for (int j = 0; j < k; j++) {
                int row = t * (k + 1) + j + 1;
                ee[t][plan.factor()[t][j]] = (y[row] - y[row - 1]) / plan.delta()[t][j];
            }
        }
        return ee;
    }

    /** mu, mu* and sigma of each factor, with bootstrap intervals over trajectories. */
    public static List<Estimate> analyze(Plan plan, double[] y, List<String> names, int resamples, double confidence, long seed) {
        double[][] ee = effects(plan, y);
        int k = plan.factors();
        Bootstrap.Statistics stats = units -> {
            double[] out = new double[3 * k];
            for (int i = 0; i < k; i++) {
                double sum = 0;
                double abs = 0;
                for (int u : units) {
                    sum += ee[u][i];
                    abs += Math.abs(ee[u][i]);
                }
                double mean = sum / units.length;
                double ss = 0;
                for (int u : units) {
                    ss += (ee[u][i] - mean) * (ee[u][i] - mean);
                }
                out[3 * i] = mean;
                out[3 * i + 1] = abs / units.length;
                out[3 * i + 2] = units.length > 1 ? Math.sqrt(ss / (units.length - 1)) : 0;
            }
            return out;
        };
        int[] all = new int[plan.trajectories()];
        java.util.Arrays.setAll(all, i -> i);
        double[] est = stats.of(all);
        double[][] ci = Bootstrap.intervals(plan.trajectories(), resamples, confidence, seed, stats);
        String[] measures = {"mu", "mu_star", "sigma"};
        List<Estimate> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int m = 0; m < 3; m++) {
                out.add(new Estimate(names.get(i), measures[m], est[3 * i + m], ci[3 * i + m][0], ci[3 * i + m][1]));
            }
        }
        return out;
    }
}
