package org.officialdom.lab.analysis;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.SobolSequenceGenerator;

/**
 * Sobol sensitivity indices from a Saltelli design.
 *
 * <p>Design: two matrices A and B of N rows, from the first and the last k dimensions of one
 * 2k-dimensional Sobol low-discrepancy sequence (hipparchus), and for each factor i the matrix
 * AB_i, which is A with column i taken from B. The outputs are laid out row by row:
 * y(A_j), y(B_j), y(AB_1j), ..., y(AB_kj), so N(k + 2) runs in all.
 *
 * <p>Estimators (Saltelli et al. 2010, Table 2): with V the variance of all y(A) and y(B),
 * first order S_i = mean(y(B)(y(AB_i) − y(A))) / V; total order (Jansen 1999)
 * ST_i = mean((y(A) − y(AB_i))²) / (2V). Confidence intervals: percentile bootstrap over the N rows.
 */
public final class Sobol {

    private Sobol() {
    }

    /** The N(k + 2) design points in the unit cube, in the layout above. */
    public static double[][] design(int n, int k) {
        if (n < 2 || k < 1) {
            throw new IllegalArgumentException("Sobol needs at least 2 base samples and 1 factor");
        }
        SobolSequenceGenerator seq = new SobolSequenceGenerator(2 * k);
        seq.nextVector(); // the first point is all zeros, a corner of the cube: skip it
        double[][] out = new double[n * (k + 2)][];
        for (int j = 0; j < n; j++) {
            double[] v = seq.nextVector();
            double[] a = java.util.Arrays.copyOfRange(v, 0, k);
            double[] b = java.util.Arrays.copyOfRange(v, k, 2 * k);
            int row = j * (k + 2);
            out[row] = a;
            out[row + 1] = b;
            for (int i = 0; i < k; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                out[row + 2 + i] = ab;
            }
        }
        return out;
    }

    /** S1 and ST of each factor with bootstrap intervals; {@code y} in the design's layout. */
    public static List<Estimate> analyze(int n, int k, double[] y, List<String> names, int resamples, double confidence, long seed) {
        if (y.length != n * (k + 2)) {
            throw new IllegalArgumentException("expected " + n * (k + 2) + " outputs, got " + y.length);
        }
        Bootstrap.Statistics stats = rows -> indices(rows, k, y);
        int[] all = new int[n];
        java.util.Arrays.setAll(all, i -> i);
        double[] est = stats.of(all);
        double[][] ci = Bootstrap.intervals(n, resamples, confidence, seed, stats);
        List<Estimate> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(new Estimate(names.get(i), "S1", est[2 * i], ci[2 * i][0], ci[2 * i][1]));
            out.add(new Estimate(names.get(i), "ST", est[2 * i + 1], ci[2 * i + 1][0], ci[2 * i + 1][1]));
        }
        return out;
    }

    private static double[] indices(int[] rows, int k, double[] y) {
        int stride = k + 2;
        double sum = 0;
        double sumSq = 0;
        for (int j : rows) {
            double a = y[j * stride];
            double b = y[j * stride + 1];
            sum += a + b;
            sumSq += a * a + b * b;
        }
        int m = 2 * rows.length;
        double mean = sum / m;
        double var = sumSq / m - mean * mean;
        double[] out = new double[2 * k];
        for (int i = 0; i < k; i++) {
            double first = 0;
            double total = 0;
            for (int j : rows) {
                double a = y[j * stride];
                double b = y[j * stride + 1];
                double ab = y[j * stride + 2 + i];
                first += b * (ab - a);
                total += (a - ab) * (a - ab);
            }
            out[2 * i] = var > 0 ? first / rows.length / var : 0;
            out[2 * i + 1] = var > 0 ? total / rows.length / (2 * var) : 0;
        }
        return out;
    }
}
