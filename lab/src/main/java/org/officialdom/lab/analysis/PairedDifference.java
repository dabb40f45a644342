package org.officialdom.lab.analysis;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Paired differences d_k = b_k − a_k over replicates k that share their random numbers: the mean
 * difference with a Student-t confidence interval, mean ± t(1 − (1 − c)/2, n − 1) · sd / √n, and a
 * verdict. Pairing removes the variation both scenarios share, so small effects show with few
 * replicates.
 */
public record PairedDifference(int n, double meanA, double meanB, double meanDiff, double sdDiff,
                               double ciLow, double ciHigh, double confidence, String verdict) {

    public static final String IDENTICAL = "identical";
    public static final String HIGHER = "B higher";
    public static final String LOWER = "B lower";
    public static final String UNCLEAR = "no clear difference";

    public static PairedDifference of(double[] a, double[] b, double confidence) {
        int n = a.length;
        if (n != b.length || n == 0) {
            throw new IllegalArgumentException("paired samples must have the same, positive size");
        }
        double sa = 0;
        double sb = 0;
        double sd = 0;
        boolean same = true;
        for (int k = 0; k < n; k++) {
            sa += a[k];
            sb += b[k];
            sd += b[k] - a[k];
            same &= Double.compare(a[k], b[k]) == 0;
        }
        double mean = sd / n;
        double ss = 0;
        for (int k = 0; k < n; k++) {
            double d = b[k] - a[k] - mean;
            ss += d * d;
        }
        double sdDiff = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
        double lo;
        double hi;
        if (same) {
            lo = 0;
            hi = 0;
        } else if (n > 1) {
            double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
            double half = t * sdDiff / Math.sqrt(n);
            lo = mean - half;
            hi = mean + half;
        } else {
            lo = Double.NaN;
            hi = Double.NaN;
        }
        String verdict = same ? IDENTICAL : lo > 0 ? HIGHER : hi < 0 ? LOWER : UNCLEAR;
        return new PairedDifference(n, sa / n, sb / n, mean, sdDiff, lo, hi, confidence, verdict);
    }
}
