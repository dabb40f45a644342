package org.officialdom.model.classic;

import java.util.Arrays;
import org.officialdom.model.classic.GranovetterParameters.Unit;

/**
 * Granovetter's map on the threshold distribution itself, not on a crowd drawn from it:
 *
 * <pre>  r(t+1) = N · F(r(t)),   r(0) = 0,</pre>
 *
 * with F the cumulative distribution of thresholds (instigators included) and r the number acting
 * (in the share unit the map runs on r/N and F of a share). The equilibrium is the first fixed point
 * reached from 0. This is how the paper computes its curve of the equilibrium against the spread of
 * normal thresholds; a crowd of N sampled actors follows the same rule on its own, lumpy, empirical F.
 *
 * <p>F per distribution: normal, clipped to [0, cap] as the draws are, so F(x) = Φ((x − μ)/σ) on
 * [0, cap) and 1 from cap; uniform on [low, high), linear; discrete_uniform, a staircase over the
 * whole numbers low..high; sequence and list, the empirical F of their thresholds (the map is then
 * exactly the agents' dynamics). Instigators add mass k/N at 0.
 */
public final class GranovetterMap {

    /** A step smaller than this ends the iteration: the fixed point is reached. */
    private static final double SETTLED = 1e-9;
    private static final int MAX_ITERATIONS = 1_000_000;

    private final GranovetterParameters p;
    private final int n;
    private final double cap;
    /** Sorted thresholds of sequence and list (null for the drawn distributions). */
    private final double[] sorted;

    public GranovetterMap(GranovetterParameters p) {
        this.p = p;
        this.n = p.actors();
        this.cap = p.unit() == Unit.COUNT ? n : 1.0;
        this.sorted = switch (p.distribution()) {
            case LIST -> {
                double[] t = p.thresholds().stream().mapToDouble(Double::doubleValue).toArray();
                Arrays.fill(t, 0, p.instigators(), 0.0);
                Arrays.sort(t);
                yield t;
            }
            default -> null;
        };
    }

    /** The parameters the map was made from. */
    GranovetterParameters parameters() {
        return p;
    }

    /** Expected number of actors whose threshold is at most {@code level} (in the parameters' unit). */
    public double acting(double level) {
        int k = p.instigators();
        if (sorted != null) {
            return upperBound(sorted, level);
        }
        if (p.distribution() == GranovetterParameters.Distribution.SEQUENCE) {
            // ids 0..k-1 have threshold 0, id i >= k has threshold i
            if (level < 0) {
                return 0;
            }
            double upTo = Math.min(n - 1, Math.floor(level));
            return k + Math.max(0, upTo - k + 1);
        }
        if (p.distribution() == GranovetterParameters.Distribution.DISCRETE_UNIFORM) {
            // whole numbers of actors: (n - k) c / m rather than (n - k) (c / m), which can land a hair below c
            int a = p.discreteLow();
            int m = p.discreteHigh() - a + 1;
            double c = Math.max(0, Math.min(m, Math.floor(level) - a + 1));
            return (level >= 0 ? k : 0) + (n - k) * c / m;
        }
        return (level >= 0 ? k : 0) + (n - k) * drawnCdf(level);
    }

    /** F of the drawn distribution (without instigators) at {@code x}. */
    double drawnCdf(double x) {
        return switch (p.distribution()) {
            case NORMAL -> {
                if (x < 0) {
                    yield 0;
                }
                if (x >= cap) {
                    yield 1;
                }
                double mean = Math.max(0, Math.min(cap, p.mean()));
                yield p.sd() == 0 ? (x >= mean ? 1 : 0) : normalCdf((x - p.mean()) / p.sd());
            }
            case UNIFORM -> p.high() == p.low()
                    ? (x >= p.low() ? 1 : 0)
                    : Math.max(0, Math.min(1, (x - p.low()) / (p.high() - p.low())));
            case DISCRETE_UNIFORM -> {
                int a = p.discreteLow();
                int m = p.discreteHigh() - a + 1;
                yield Math.max(0, Math.min(m, Math.floor(x) - a + 1)) / m;
            }
            default -> throw new IllegalStateException("not a drawn distribution: " + p.distribution());
        };
    }

    /** One step of the map: from the number acting now to the number acting next. */
    public double next(double actingNow) {
        double level = p.unit() == Unit.COUNT ? actingNow : actingNow / n;
        return acting(level);
    }

    /** The first fixed point reached from 0, in actors. */
    public double equilibrium() {
        double r = 0;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double next = next(r);
            if (Math.abs(next - r) < SETTLED) {
                return next;
            }
            r = next;
        }
        return r;
    }

    /** The map's path r(0) = 0, r(1), ..., r(steps), in actors. */
    public double[] path(int steps) {
        double[] r = new double[steps + 1];
        for (int t = 1; t <= steps; t++) {
            r[t] = next(r[t - 1]);
        }
        return r;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The standard normal CDF, Φ(z) = erfc(−z/√2)/2, with erfc by the Chebyshev fit of Numerical
     * Recipes (§6.2; fractional error below 1.2e-7 everywhere), ample for a map whose jump the
     * tests locate to a hundredth of a standard deviation.
     */
    public static double normalCdf(double z) {
        double x = -z / Math.sqrt(2);
        double ax = Math.abs(x);
        double t = 1 / (1 + 0.5 * ax);
        double y = t * Math.exp(-ax * ax - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        double erfc = x >= 0 ? y : 2 - y;
        return 0.5 * erfc;
    }
}
