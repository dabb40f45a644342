package org.officialdom.engine;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the body of a {@link Checkpoint} as named, typed fields: each field is its name, a type
 * tag and its value; an array is its element type, its length and its values (big-endian). A
 * model writes its state through this, field by field, and reads it back in the same order with a
 * {@link CheckpointReader}, which checks every name and type.
 *
 * <p>A writer made by {@link #counting()} writes nothing and only counts the bytes a real one
 * would write, without touching array contents: the header states the body's length, so a file
 * cut short is told from a damaged one.
 */
public final class CheckpointWriter {

    /** Type tags of the format; an array's tag is its element's with {@link #ARRAY} set. */
    static final byte BOOLEAN = 1;
    static final byte BYTE = 2;
    static final byte SHORT = 3;
    static final byte INT = 4;
    static final byte LONG = 5;
    static final byte FLOAT = 6;
    static final byte DOUBLE = 7;
    static final byte STRING = 8;
    static final byte ARRAY = 0x40;
    static final byte SECTION = 0x7F;

    /** Longest field or section name, in UTF-8 bytes. */
    static final int MAX_NAME = 256;

    private static final int CHUNK = 1 << 16;

    private final DataOutputStream out;
    private final ByteBuffer chunk;
    private long written;

    CheckpointWriter(OutputStream out) {
        this.out = new DataOutputStream(out);
        this.chunk = ByteBuffer.allocate(CHUNK);
    }

    private CheckpointWriter() {
        this.out = null;
        this.chunk = null;
    }

    /** A writer that only counts bytes. */
    static CheckpointWriter counting() {
        return new CheckpointWriter();
    }

    /** Bytes written (or counted) so far. */
    long written() {
        return written;
    }

    void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    /** Starts a named section (a reader must expect the same name here). */
    public void section(String name) throws IOException {
        tag(name, SECTION);
    }

    public void putBoolean(String name, boolean v) throws IOException {
        tag(name, BOOLEAN);
        raw(1);
        if (out != null) {
            out.writeBoolean(v);
        }
    }

    public void putInt(String name, int v) throws IOException {
        tag(name, INT);
        raw(4);
        if (out != null) {
            out.writeInt(v);
        }
    }

    public void putLong(String name, long v) throws IOException {
        tag(name, LONG);
        raw(8);
        if (out != null) {
            out.writeLong(v);
        }
    }

    public void putFloat(String name, float v) throws IOException {
        tag(name, FLOAT);
        raw(4);
        if (out != null) {
            out.writeFloat(v);
        }
    }

    public void putDouble(String name, double v) throws IOException {
        tag(name, DOUBLE);
        raw(8);
        if (out != null) {
            out.writeDouble(v);
        }
    }

    public void putString(String name, String v) throws IOException {
        tag(name, STRING);
        text(v);
    }

    /** The first {@code n} values of {@code a}. */
    public void putBooleans(String name, boolean[] a, int n) throws IOException {
        array(name, BOOLEAN, a.length, n, 1);
        if (out != null) {
            for (int off = 0; off < n; off += CHUNK) {
                int len = Math.min(CHUNK, n - off);
                byte[] b = chunk.array();
                for (int k = 0; k < len; k++) {
                    b[k] = a[off + k] ? (byte) 1 : 0;
                }
                out.write(b, 0, len);
            }
        }
    }

    public void putBytes(String name, byte[] a, int n) throws IOException {
        array(name, BYTE, a.length, n, 1);
        if (out != null) {
            out.write(a, 0, n);
        }
    }

    public void putShorts(String name, short[] a, int n) throws IOException {
        array(name, SHORT, a.length, n, 2);
        for (int off = 0; out != null && off < n; off += CHUNK / 2) {
            int len = Math.min(CHUNK / 2, n - off);
            chunk.clear();
            chunk.asShortBuffer().put(a, off, len);
            out.write(chunk.array(), 0, len * 2);
        }
    }

    public void putInts(String name, int[] a, int n) throws IOException {
        array(name, INT, a.length, n, 4);
        for (int off = 0; out != null && off < n; off += CHUNK / 4) {
            int len = Math.min(CHUNK / 4, n - off);
            chunk.clear();
            chunk.asIntBuffer().put(a, off, len);
            out.write(chunk.array(), 0, len * 4);
        }
    }

    public void putLongs(String name, long[] a, int n) throws IOException {
        array(name, LONG, a.length, n, 8);
        for (int off = 0; out != null && off < n; off += CHUNK / 8) {
            int len = Math.min(CHUNK / 8, n - off);
            chunk.clear();
            chunk.asLongBuffer().put(a, off, len);
            out.write(chunk.array(), 0, len * 8);
        }
    }

    public void putFloats(String name, float[] a, int n) throws IOException {
        array(name, FLOAT, a.length, n, 4);
        for (int off = 0; out != null && off < n; off += CHUNK / 4) {
            int len = Math.min(CHUNK / 4, n - off);
            chunk.clear();
            chunk.asFloatBuffer().put(a, off, len);
            out.write(chunk.array(), 0, len * 4);
        }
    }

    public void putDoubles(String name, double[] a, int n) throws IOException {
        array(name, DOUBLE, a.length, n, 8);
        for (int off = 0; out != null && off < n; off += CHUNK / 8) {
            int len = Math.min(CHUNK / 8, n - off);
            chunk.clear();
            chunk.asDoubleBuffer().put(a, off, len);
            out.write(chunk.array(), 0, len * 8);
        }
    }

    public void putInts(String name, int[] a) throws IOException {
        putInts(name, a, a.length);
    }

    public void putLongs(String name, long[] a) throws IOException {
        putLongs(name, a, a.length);
    }

    public void putFloats(String name, float[] a) throws IOException {
        putFloats(name, a, a.length);
    }

    public void putDoubles(String name, double[] a) throws IOException {
        putDoubles(name, a, a.length);
    }

    public void putBytes(String name, byte[] a) throws IOException {
        putBytes(name, a, a.length);
    }

    public void putStrings(String name, List<String> values) throws IOException {
        tag(name, (byte) (STRING | ARRAY));
        raw(4);
        if (out != null) {
            out.writeInt(values.size());
        }
        for (String v : values) {
            text(v);
        }
    }

    private void array(String name, byte type, int length, int n, int width) throws IOException {
        if (n < 0 || n > length) {
            throw new IllegalArgumentException("field " + name + ": " + n + " values of an array of " + length);
        }
        tag(name, (byte) (type | ARRAY));
        raw(4);
        if (out != null) {
            out.writeInt(n);
        }
        raw((long) n * width);
    }

    private void tag(String name, byte type) throws IOException {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        if (b.length == 0 || b.length > MAX_NAME) {
            throw new IllegalArgumentException("a field name of 1 to " + MAX_NAME + " bytes: '" + name + "'");
        }
        raw(2 + b.length + 1);
        if (out != null) {
            out.writeShort(b.length);
            out.write(b);
            out.writeByte(type);
        }
    }

    private void text(String v) throws IOException {
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        raw(4 + b.length);
        if (out != null) {
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private void raw(long bytes) {
        written += bytes;
    }
}
