package org.officialdom.engine.table;

import java.util.Arrays;

/** A column of {@code byte} values, 1 byte(s) per agent. */
public final class ByteColumn extends Column {

    private byte[] values;

    ByteColumn(String name, int capacity) {
        super(name);
        values = new byte[capacity];
    }

    /** The backing array; valid for rows {@code 0 .. table.size()-1}. Re-read it after the table grows. */
    public byte[] values() {
        return values;
    }

    public byte get(int row) {
        return values[row];
    }

    public void set(int row, byte value) {
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
        Arrays.fill(values, from, to, (byte) 0);
    }

    @Override
    public double asDouble(int row) {
        return values[row];
    }

    @Override
    Object spare(Object scratch) {
        return scratch instanceof byte[] a && a.length == values.length ? a : new byte[values.length];
    }

    @Override
    Object gather(int[] order, int n, Object scratch, org.officialdom.engine.Parallel parallel) {
        byte[] next = (byte[]) spare(scratch);
        byte[] from = values;
        ranges(n, parallel, (start, end) -> {
            for (int i = start; i < end; i++) {
                next[i] = from[order[i]];
            }
        });
        Arrays.fill(next, n, next.length, (byte) 0);
        byte[] old = values;
        values = next;
        return old;
    }

    @Override
    void save(org.officialdom.engine.CheckpointWriter out, int rows) throws java.io.IOException {
        out.putBytes(name(), values, rows);
    }

    @Override
    void load(org.officialdom.engine.CheckpointReader in, int rows, int capacity) throws java.io.IOException {
        values = in.getBytes(name(), rows, capacity);
    }
}
