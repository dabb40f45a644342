package org.officialdom.engine;

import java.util.Locale;

/**
 * What a model will build, counted from its parameters before anything is allocated: the agents,
 * the grid cells (0 for a model without a grid) and the bytes they take, so that a run too large
 * for the heap or for a server's limits is refused with a message instead of failing half-built.
 *
 * @param agents the most agents the model's tables will hold
 * @param cells  grid cells (0 without a grid)
 * @param bytes  an estimate, from above, of the bytes of its tables, grid and per-agent working arrays
 */
public record Footprint(long agents, long cells, long bytes) {

    /** The largest number of rows or cells one Java array can hold (the JDK keeps a few for headers). */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    /** For a person: "1,200,000 agents on 400,000,000 grid cells, about 3.1 GB". */
    public String describe() {
        String s = String.format(Locale.ROOT, "%,d agents", agents);
        if (cells > 0) {
            s += String.format(Locale.ROOT, " on %,d grid cells", cells);
        }
        return s + ", about " + bytes(bytes);
    }

    /** A byte count in the unit that reads best: "512 MB", "3.1 GB". */
    public static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", b / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%d MB", Math.max(1, Math.round(b / (double) (1L << 20))));
    }

    /** Whether its tables and grid fit Java arrays at all (whatever the heap). */
    public boolean fitsArrays() {
        return agents <= MAX_ARRAY && cells <= MAX_ARRAY;
    }
}
