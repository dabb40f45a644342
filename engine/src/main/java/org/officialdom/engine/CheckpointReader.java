package org.officialdom.engine;

import static org.officialdom.engine.CheckpointWriter.ARRAY;
import static org.officialdom.engine.CheckpointWriter.BOOLEAN;
import static org.officialdom.engine.CheckpointWriter.BYTE;
import static org.officialdom.engine.CheckpointWriter.DOUBLE;
import static org.officialdom.engine.CheckpointWriter.FLOAT;
import static org.officialdom.engine.CheckpointWriter.INT;
import static org.officialdom.engine.CheckpointWriter.LONG;
import static org.officialdom.engine.CheckpointWriter.SECTION;
import static org.officialdom.engine.CheckpointWriter.SHORT;
import static org.officialdom.engine.CheckpointWriter.STRING;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a {@link CheckpointWriter} wrote, field by field: every field's name and type must be
 * the ones asked for, and every length is checked against the bytes left in the body before
 * anything is allocated, so a crafted file can neither allocate a huge array nor make a loop run
 * longer than its own size allows. Anything that does not fit is a {@link Checkpoint.Refused} naming
 * the file, the section, the field, what was expected and what was found.
 */
public final class CheckpointReader {

    private static final int CHUNK = 1 << 16;

    private final String file;
    private final DataInputStream in;
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    private final long end;
    private long position;
    private String section = "(none)";

    CheckpointReader(String file, InputStream in, long position, long end) {
        this.file = file;
        this.in = new DataInputStream(in);
        this.position = position;
        this.end = end;
    }

    /** Bytes of the body not read yet. */
    public long remaining() {
        return end - position;
    }

    /** The section that must come next. */
    public void section(String name) throws IOException {
        String found = name(SECTION, name);
        section = found;
    }

    public boolean getBoolean(String name) throws IOException {
        field(name, BOOLEAN);
        need(name, 1);
        int b = in.readUnsignedByte();
        if (b > 1) {
            throw refused(name, "a boolean (0 or 1)", "the byte " + b);
        }
        return b == 1;
    }

    public int getInt(String name) throws IOException {
        field(name, INT);
        need(name, 4);
        return in.readInt();
    }

    /** An int that must lie in [min, max]. */
    public int getInt(String name, int min, int max) throws IOException {
        int v = getInt(name);
        if (v < min || v > max) {
            throw refused(name, "a value from " + min + " to " + max, String.valueOf(v));
        }
        return v;
    }

    public long getLong(String name) throws IOException {
        field(name, LONG);
        need(name, 8);
        return in.readLong();
    }

    public float getFloat(String name) throws IOException {
        field(name, FLOAT);
        need(name, 4);
        return in.readFloat();
    }

    public double getDouble(String name) throws IOException {
        field(name, DOUBLE);
        need(name, 8);
        return in.readDouble();
    }

    public String getString(String name) throws IOException {
        field(name, STRING);
        return text(name);
    }

    public List<String> getStrings(String name) throws IOException {
        field(name, (byte) (STRING | ARRAY));
        need(name, 4);
        int n = in.readInt();
        // every string takes at least its 4-byte length
        if (n < 0 || (long) n * 4 > remaining()) {
            throw refused(name, "a count of strings that fits the " + remaining() + " bytes left", String.valueOf(n));
        }
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(text(name));
        }
        return out;
    }

    /** An array of booleans of any length the file holds. */
    public boolean[] getBooleans(String name, int expected, int capacity) throws IOException {
        int n = length(name, BOOLEAN, 1, expected);
        boolean[] a = new boolean[Math.max(n, capacity)];
        for (int off = 0; off < n; off += CHUNK) {
            int len = Math.min(CHUNK, n - off);
            in.readFully(chunk.array(), 0, len);
            byte[] b = chunk.array();
            for (int k = 0; k < len; k++) {
                if ((b[k] & 0xFE) != 0) {
                    throw refused(name, "booleans (bytes 0 or 1)", "the byte " + (b[k] & 0xFF) + " at index " + (off + k));
                }
                a[off + k] = b[k] != 0;
            }
        }
        position += n;
        return a;
    }

    public byte[] getBytes(String name, int expected, int capacity) throws IOException {
        int n = length(name, BYTE, 1, expected);
        byte[] a = new byte[Math.max(n, capacity)];
        in.readFully(a, 0, n);
        position += n;
        return a;
    }

    public short[] getShorts(String name, int expected, int capacity) throws IOException {
        int n = length(name, SHORT, 2, expected);
        short[] a = new short[Math.max(n, capacity)];
        for (int off = 0; off < n; off += CHUNK / 2) {
            int len = Math.min(CHUNK / 2, n - off);
            in.readFully(chunk.array(), 0, len * 2);
            chunk.clear();
            chunk.asShortBuffer().get(a, off, len);
        }
        position += 2L * n;
        return a;
    }

    public int[] getInts(String name, int expected, int capacity) throws IOException {
        int n = length(name, INT, 4, expected);
        int[] a = new int[Math.max(n, capacity)];
        for (int off = 0; off < n; off += CHUNK / 4) {
            int len = Math.min(CHUNK / 4, n - off);
            in.readFully(chunk.array(), 0, len * 4);
            chunk.clear();
            chunk.asIntBuffer().get(a, off, len);
        }
        position += 4L * n;
        return a;
    }

    public long[] getLongs(String name, int expected, int capacity) throws IOException {
        int n = length(name, LONG, 8, expected);
        long[] a = new long[Math.max(n, capacity)];
        for (int off = 0; off < n; off += CHUNK / 8) {
            int len = Math.min(CHUNK / 8, n - off);
            in.readFully(chunk.array(), 0, len * 8);
            chunk.clear();
            chunk.asLongBuffer().get(a, off, len);
        }
        position += 8L * n;
        return a;
    }

    public float[] getFloats(String name, int expected, int capacity) throws IOException {
        int n = length(name, FLOAT, 4, expected);
        float[] a = new float[Math.max(n, capacity)];
        for (int off = 0; off < n; off += CHUNK / 4) {
            int len = Math.min(CHUNK / 4, n - off);
            in.readFully(chunk.array(), 0, len * 4);
            chunk.clear();
            chunk.asFloatBuffer().get(a, off, len);
        }
        position += 4L * n;
        return a;
    }

    public double[] getDoubles(String name, int expected, int capacity) throws IOException {
        int n = length(name, DOUBLE, 8, expected);
        double[] a = new double[Math.max(n, capacity)];
        for (int off = 0; off < n; off += CHUNK / 8) {
            int len = Math.min(CHUNK / 8, n - off);
            in.readFully(chunk.array(), 0, len * 8);
            chunk.clear();
            chunk.asDoubleBuffer().get(a, off, len);
        }
        position += 8L * n;
        return a;
    }

    /** An array of any length (bounded by the bytes left). */
    public int[] getInts(String name) throws IOException {
        return getInts(name, -1, 0);
    }

    public long[] getLongs(String name) throws IOException {
        return getLongs(name, -1, 0);
    }

    public float[] getFloats(String name) throws IOException {
        return getFloats(name, -1, 0);
    }

    public double[] getDoubles(String name) throws IOException {
        return getDoubles(name, -1, 0);
    }

    public byte[] getBytes(String name) throws IOException {
        return getBytes(name, -1, 0);
    }

    /** An array of exactly {@code length} values, read into {@code into} (whose length it must be). */
    public void getFloatsInto(String name, float[] into) throws IOException {
        float[] a = getFloats(name, into.length, 0);
        System.arraycopy(a, 0, into, 0, into.length);
    }

    /** A refusal at the current field: what was expected and what was found. */
    public Checkpoint.Refused refused(String field, String expected, String found) {
        return new Checkpoint.Refused(file + ": section '" + section + "', field '" + field + "': expected " + expected
                + ", found " + found);
    }

    /** The body must end here. */
    void expectEnd() throws Checkpoint.Refused {
        if (position != end) {
            throw new Checkpoint.Refused(file + ": " + (end - position) + " bytes of its body were left unread after the last "
                    + "section; it was not written by this version of Officialdom");
        }
    }

    private int length(String name, byte type, int width, int expected) throws IOException {
        field(name, (byte) (type | ARRAY));
        need(name, 4);
        int n = in.readInt();
        if (n < 0 || (long) n * width > remaining()) {
            throw refused(name, "an array length that fits the " + remaining() + " bytes left in the body",
                    n + " values (" + (long) n * width + " bytes)");
        }
        if (expected >= 0 && n != expected) {
            throw refused(name, expected + " values", String.valueOf(n));
        }
        return n;
    }

    private void field(String name, byte type) throws IOException {
        name(type, name);
    }

    private String name(byte type, String expected) throws IOException {
        need(expected, 2);
        int len = in.readUnsignedShort();
        if (len == 0 || len > CheckpointWriter.MAX_NAME) {
            throw refused(expected, "a field name of 1 to " + CheckpointWriter.MAX_NAME + " bytes", "a name of " + len + " bytes");
        }
        need(expected, len + 1L);
        byte[] b = new byte[len];
        in.readFully(b);
        String found = new String(b, StandardCharsets.UTF_8);
        int t = in.readByte();
        if (!found.equals(expected) || t != type) {
            throw new Checkpoint.Refused(file + ": section '" + section + "': expected " + describe(type) + " '" + expected
                    + "', found " + describe((byte) t) + " '" + found + "'");
        }
        return found;
    }

    private String text(String name) throws IOException {
        need(name, 4);
        int n = in.readInt();
        if (n < 0 || n > remaining()) {
            throw refused(name, "a text length that fits the " + remaining() + " bytes left", n + " bytes");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        position += n;
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Counts {@code bytes} as read, after checking they are there. */
    private void need(String name, long bytes) throws Checkpoint.Refused {
        if (bytes > remaining()) {
            throw refused(name, bytes + " more bytes", "only " + remaining() + " left in the body");
        }
        position += bytes;
    }

    private static String describe(byte type) {
        String base = switch (type & ~ARRAY) {
            case BOOLEAN -> "boolean";
            case BYTE -> "byte";
            case SHORT -> "short";
            case INT -> "int";
            case LONG -> "long";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case STRING -> "string";
            case SECTION -> "section";
            default -> "unknown type " + (type & 0xFF) + " of";
        };
        return type == SECTION ? "section" : (type & ARRAY) != 0 ? base + " array" : base;
    }
}
