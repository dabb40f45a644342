package org.officialdom.lab.analysis;

import java.util.Comparator;
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

    /**
     * Differences that matter first: those whose interval excludes 0, then those with no clear
     * difference, then identical ones; within each, the largest standardised effect first, and after
     * those the differences that are the same in every replicate (no spread, so no standardised
     * effect: typically a metric binned coarsely, such as a percentile rounded to 0.01), largest
     * relative to A first.
     */
    public static final Comparator<PairedDifference> LARGEST_FIRST = Comparator
            .comparingInt(PairedDifference::tier)
            .thenComparing((PairedDifference d) -> Double.isInfinite(d.effect()))
            .thenComparing(Comparator.comparingDouble((PairedDifference d) -> Double.isNaN(d.effect()) ? -1 : Math.abs(d.effect())).reversed())
            .thenComparing(Comparator.comparingDouble((PairedDifference d) -> d.meanA() == 0 ? Math.abs(d.meanDiff())
                    : Math.abs(d.meanDiff() / d.meanA())).reversed());

    /**
     * The standardised effect: the mean paired difference over the sd of the differences (how many
     * replicate-to-replicate spreads apart B and A lie). 0 when identical; ±∞ when every replicate
     * differs by the same amount (to within 10⁻⁹ of the values' size); NaN with one replicate.
     */
    public double effect() {
        if (IDENTICAL.equals(verdict) || meanDiff == 0) {
            return 0;
        }
        // a spread at the level of rounding error (a difference the same in every replicate, up to the
        // last bits) is no spread: dividing by it would rank noise in the last digit above real effects
        double scale = Math.max(Math.abs(meanDiff), Math.max(Math.abs(meanA), Math.abs(meanB)));
        if (sdDiff <= 1e-9 * scale) {
            return Math.copySign(Double.POSITIVE_INFINITY, meanDiff);
        }
        return meanDiff / sdDiff;
    }

    /** The interval excludes 0: B is clearly higher or lower than A. */
    public boolean clear() {
        return HIGHER.equals(verdict) || LOWER.equals(verdict);
    }

    private int tier() {
        return clear() ? 0 : IDENTICAL.equals(verdict) ? 2 : 1;
    }

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
