package org.officialdom.engine.table;

import java.util.Arrays;

/** A column of {@code short} values, 2 byte(s) per agent. */
public final class ShortColumn extends Column {

    private short[] values;

    ShortColumn(String name, int capacity) {
        super(name);
        values = new short[capacity];
    }

    /** The backing array; valid for rows {@code 0 .. table.size()-1}. Re-read it after the table grows. */
    public short[] values() {
        return values;
    }

    public short get(int row) {
        return values[row];
    }

    public void set(int row, short value) {
        values[row] = value;
    }

    @Override
    public int bytesPerRow() {
        return 2;
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
        Arrays.fill(values, from, to, (short) 0);
    }

    @Override
    public double asDouble(int row) {
        return values[row];
    }

    @Override
    Object spare(Object scratch) {
        return scratch instanceof short[] a && a.length == values.length ? a : new short[values.length];
    }

    @Override
    Object gather(int[] order, int n, Object scratch, org.officialdom.engine.Parallel parallel) {
        short[] next = (short[]) spare(scratch);
        short[] from = values;
        ranges(n, parallel, (start, end) -> {
            for (int i = start; i < end; i++) {
                next[i] = from[order[i]];
            }
        });
        Arrays.fill(next, n, next.length, (short) 0);
        short[] old = values;
        values = next;
        return old;
    }

    @Override
    void save(org.officialdom.engine.CheckpointWriter out, int rows) throws java.io.IOException {
        out.putShorts(name(), values, rows);
    }

    @Override
    void load(org.officialdom.engine.CheckpointReader in, int rows, int capacity) throws java.io.IOException {
        values = in.getShorts(name(), rows, capacity);
    }
}
