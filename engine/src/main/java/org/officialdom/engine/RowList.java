package org.officialdom.engine;

import java.util.Arrays;

/** A growable list of row numbers, reused from one use to the next (a worker's scratch, {@link Parallel.Scratch}). */
public final class RowList {

    private int[] rows = new int[64];
    private int count;

    public void clear() {
        count = 0;
    }

    public void add(int row) {
        if (count == rows.length) {
            rows = Arrays.copyOf(rows, 2 * count);
        }
        rows[count++] = row;
    }

    public int size() {
        return count;
    }

    public int get(int k) {
        return rows[k];
    }
}
