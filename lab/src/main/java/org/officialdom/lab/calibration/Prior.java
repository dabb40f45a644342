package org.officialdom.lab.calibration;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The prior of one calibrated parameter, always on a bounded range [low, high]:
 * <ul>
 *   <li>{@code uniform}: density 1/(high − low);</li>
 *   <li>{@code log-uniform}: uniform in log x (0 < low), for a scale known to an order of magnitude;</li>
 *   <li>{@code normal}: a normal with the given mean and sd, truncated to the range, for a value
 *       that a source states with an uncertainty.</li>
 * </ul>
 */
public record Prior(String path, String kind, double low, double high, double mean, double sd) {

    public static Prior uniform(String path, double low, double high) {
        return new Prior(path, "uniform", low, high, Double.NaN, Double.NaN);
    }

    public static Prior logUniform(String path, double low, double high) {
        return new Prior(path, "log-uniform", low, high, Double.NaN, Double.NaN);
    }

    public static Prior normal(String path, double low, double high, double mean, double sd) {
        return new Prior(path, "normal", low, high, mean, sd);
    }

    public Prior {
        if (!(low < high)) {
            throw new IllegalArgumentException("a prior's range needs low < high");
        }
        if (kind.equals("log-uniform") && !(low > 0)) {
            throw new IllegalArgumentException("a log-uniform prior needs a positive low end");
        }
        if (kind.equals("normal") && !(sd > 0)) {
            throw new IllegalArgumentException("a normal prior needs sd > 0");
        }
    }

    /** The value at cumulative probability {@code u} in [0, 1). */
    public double inverse(double u) {
        return switch (kind) {
            case "uniform" -> low + u * (high - low);
            case "log-uniform" -> Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)));
            case "normal" -> {
                NormalDistribution n = new NormalDistribution(mean, sd);
                double a = n.cumulativeProbability(low);
                double b = n.cumulativeProbability(high);
                double x = n.inverseCumulativeProbability(a + u * (b - a));
                yield Math.max(low, Math.min(high, x));
            }
            default -> throw new IllegalStateException(kind);
        };
    }

    /** The prior density at {@code x} (0 outside the range). */
    public double density(double x) {
        if (!(x >= low && x <= high)) {
            return 0;
        }
        return switch (kind) {
            case "uniform" -> 1 / (high - low);
            case "log-uniform" -> 1 / (x * (Math.log(high) - Math.log(low)));
            case "normal" -> {
                NormalDistribution n = new NormalDistribution(mean, sd);
                yield n.density(x) / (n.cumulativeProbability(high) - n.cumulativeProbability(low));
            }
            default -> throw new IllegalStateException(kind);
        };
    }

    /**
     * The coordinate ABC-SMC moves particles in: log x for a log-uniform prior (so that a normal
     * kernel spreads evenly over the orders of magnitude and the prior is flat), x otherwise.
     */
    public double toInternal(double x) {
        return kind.equals("log-uniform") ? Math.log(x) : x;
    }

    public double fromInternal(double z) {
        return kind.equals("log-uniform") ? Math.exp(z) : z;
    }

    /** The prior density of the internal coordinate (0 outside the range). */
    public double internalDensity(double z) {
        if (kind.equals("log-uniform")) {
            return z >= Math.log(low) && z <= Math.log(high) ? 1 / (Math.log(high) - Math.log(low)) : 0;
        }
        return density(z);
    }

    /** The width of the range in the internal coordinate (a scale for the kernel's floor). */
    public double spread() {
        return toInternal(high) - toInternal(low);
    }

    /** How the prior reads in a table: "uniform [0, 1]", "normal(0.5, 0.1) on [0, 1]". */
    public String describe() {
        String range = "[" + org.officialdom.lab.TextTable.number(low) + ", " + org.officialdom.lab.TextTable.number(high) + "]";
        return kind.equals("normal")
                ? "normal(" + org.officialdom.lab.TextTable.number(mean) + ", " + org.officialdom.lab.TextTable.number(sd) + ") on " + range
                : kind + " " + range;
    }
}
