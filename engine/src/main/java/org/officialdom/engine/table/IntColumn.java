package org.officialdom.engine.table;

import java.util.Arrays;

/** A column of {@code int} values, 4 byte(s) per agent. */
public final class IntColumn extends Column {

    private int[] values;

    IntColumn(String name, int capacity) {
        super(name);
        values = new int[capacity];
    }

    /** The backing array; valid for rows {@code 0 .. table.size()-1}. Re-read it after the table grows. */
    public int[] values() {
        return values;
    }

    public int get(int row) {
        return values[row];
    }

    public void set(int row, int value) {
        values[row] = value;
    }

    @Override
    public int bytesPerRow() {
        return 4;
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
        values[row] = 0;
    }

    @Override
    void moveAll(int[] from, int[] to, int count) {
        for (int k = 0; k < count; k++) {
            values[to[k]] = values[from[k]];
        }
    }

    @Override
    void clear(int from, int to) {
        Arrays.fill(values, from, to, 0);
    }

    @Override
    public double asDouble(int row) {
        return values[row];
    }

    @Override
    Object spare(Object scratch) {
        return scratch instanceof int[] a && a.length == values.length ? a : new int[values.length];
    }

    @Override
    Object gather(int[] order, int n, Object scratch, org.officialdom.engine.Parallel parallel) {
        int[] next = (int[]) spare(scratch);
        int[] from = values;
        ranges(n, parallel, (start, end) -> {
            for (int i = start; i < end; i++) {
                next[i] = from[order[i]];
            }
        });
        Arrays.fill(next, n, next.length, 0);
        int[] old = values;
        values = next;
        return old;
    }

    @Override
    void save(org.officialdom.engine.CheckpointWriter out, int rows) throws java.io.IOException {
        out.putInts(name(), values, rows);
    }

    @Override
    void load(org.officialdom.engine.CheckpointReader in, int rows, int capacity) throws java.io.IOException {
        values = in.getInts(name(), rows, capacity);
    }
}
