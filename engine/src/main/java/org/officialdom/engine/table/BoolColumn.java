package org.officialdom.engine.table;

import java.util.Arrays;

/** A column of {@code boolean} values, 1 byte(s) per agent. */
public final class BoolColumn extends Column {

    private boolean[] values;

    BoolColumn(String name, int capacity) {
        super(name);
        values = new boolean[capacity];
    }

    /** The backing array; valid for rows {@code 0 .. table.size()-1}. Re-read it after the table grows. */
    public boolean[] values() {
        return values;
    }

    public boolean get(int row) {
        return values[row];
    }

    public void set(int row, boolean value) {
        values[row] = value;
    }

    @Override
    public int bytesPerRow() {
        return 1;
    }

    @Override
    int capacity() {
        return values.length;
    }

    @Override
    void grow(int capacity) {
        if (capacity > values.length) {
            values = Arrays.copyOf(values, capacity);
        }
    }

    @Override
    void move(int from, int to) {
        values[to] = values[from];
    }

    @Override
    void clear(int row) {
        values[row] = false;
    }

    @Override
    void moveAll(int[] from, int[] to, int count) {
        for (int k = 0; k < count; k++) {
            values[to[k]] = values[from[k]];
        }
    }

    @Override
    void clear(int from, int to) {
        Arrays.fill(values, from, to, false);
    }

    @Override
    public double asDouble(int row) {
        return values[row] ? 1.0 : 0.0;
    }

    @Override
    Object spare(Object scratch) {
        return scratch instanceof boolean[] a && a.length == values.length ? a : new boolean[values.length];
    }

    @Override
    Object gather(int[] order, int n, Object scratch, org.officialdom.engine.Parallel parallel) {
        boolean[] next = (boolean[]) spare(scratch);
        boolean[] from = values;
        ranges(n, parallel, (start, end) -> {
            for (int i = start; i < end; i++) {
                next[i] = from[order[i]];
            }
        });
        Arrays.fill(next, n, next.length, false);
        boolean[] old = values;
        values = next;
        return old;
    }

    @Override
    void save(org.officialdom.engine.CheckpointWriter out, int rows) throws java.io.IOException {
        out.putBooleans(name(), values, rows);
    }

    @Override
    void load(org.officialdom.engine.CheckpointReader in, int rows, int capacity) throws java.io.IOException {
        values = in.getBooleans(name(), rows, capacity);
    }
}
