package org.officialdom.lab.experiment;

/**
 * Which seed each run gets. Common random numbers ({@code common}): replicate k has seed base + k at
 * every design point, so differences between points are not blurred by different draws.
 * {@code independent}: each (point, replicate) gets its own seed, mixed from base, point and
 * replicate.
 */
public record SeedPolicy(boolean common, long base) {

    public static final SeedPolicy DEFAULT = new SeedPolicy(true, 1);

    public long seed(int point, int replicate) {
        if (common) {
            return base + replicate;
        }
        long z = base * 0x9E3779B97F4A7C15L + point * 0xBF58476D1CE4E5B9L + replicate * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & 0x7FFFFFFFFFFFL;
    }
}
