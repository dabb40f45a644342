package org.officialdom.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.LongFunction;

/**
 * Writes the whole state of a run to a file and reads it back ("freeze-drying", as MASON calls it).
 *
 * <p>Format (version 3), all numbers big-endian:
 * <pre>
 *   magic        16 bytes, "OFFICIALDOM-CKPT"
 *   format       int, 3
 *   model        string (2-byte length, modified UTF-8), the model kind
 *   scenario     string, SHA-256 of the scenario as run (seed, steps and parameters included)
 *   seed, step   long, long
 *   body length  long, the bytes of the body that follows
 *   body         typed sections of named fields ({@link CheckpointWriter}): simulation (step), random
 *                (seed, stream names), model (the model's own state, written by {@link Model#save}),
 *                metrics (names, steps, values), events (told), end
 *   digest       32 bytes, SHA-256 of everything before it
 * </pre>
 * Reading checks, in order and before any of the state is read: the magic, the format (a file of
 * another version is refused, not guessed at, with the version found and the one read), the length
 * (a file shorter than its header promises is cut short), the digest (a damaged file), and the run
 * (model, seed, scenario). The body is then read field by field, each name and type checked, each
 * length checked against the bytes left before anything is allocated ({@link CheckpointReader});
 * no Java serialization is involved. The model's parameters are not in the file: it is read into a
 * model built from the parameters in force at its step.
 *
 * <p>The file is written beside its final name, forced to the disk and renamed into place, so a
 * crash while writing leaves the previous checkpoint intact.
 */
public final class Checkpoint {

    private static final byte[] MAGIC = "OFFICIALDOM-CKPT".getBytes(StandardCharsets.US_ASCII);

    /** Version of the file layout; a file of another version is refused, not guessed at. */
    public static final int FORMAT = 3;

    private static final int DIGEST_BYTES = 32;

    /** The longest header: magic, format, two strings of at most 65,535 bytes, three longs. */
    private static final int MAX_HEADER = 16 + 4 + 2 * (2 + 65_535) + 24;

    /**
     * The run a checkpoint belongs to: its model, a hash of the scenario as run (seed, steps and
     * parameters included) and, when not null, its seed. Reading refuses a checkpoint whose header
     * names another.
     */
    public record Identity(String model, String scenarioHash, Long seed) {

        /** A run named by model and scenario only. */
        public Identity(String model, String scenarioHash) {
            this(model, scenarioHash, null);
        }

        /** For tests and tools that checkpoint a bare simulation: the model's class, no scenario. */
        static Identity of(Simulation sim) {
            return new Identity(sim.model().getClass().getName(), "", sim.seed());
        }

        /** SHA-256 of a text, in hex: how a scenario is named in a header. */
        public static String hash(byte[] text) {
            return HexFormat.of().formatHex(sha256().digest(text));
        }
    }

    /** A checkpoint that cannot be used: damaged, cut short, of another format, or of another run. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    private Checkpoint() {
    }

    /** Writes a checkpoint of a bare simulation (named by its model's class). */
    public static void write(Simulation sim, Path file) throws IOException {
        write(sim, file, Identity.of(sim));
    }

    public static void write(Simulation sim, Path file, Identity run) throws IOException {
        // the header states the body's length: counted first, without copying any array
        CheckpointWriter counter = CheckpointWriter.counting();
        sim.save(counter);
        long bodyLength = counter.written();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(tmp)) {
                MessageDigest digest = sha256();
                BufferedOutputStream buffered = new BufferedOutputStream(raw, 1 << 20);
                DataOutputStream out = new DataOutputStream(new DigestOutputStream(buffered, digest));
                out.write(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(run.model());
                out.writeUTF(run.scenarioHash());
                out.writeLong(sim.seed());
                out.writeLong(sim.stepNumber());
                out.writeLong(bodyLength);
                CheckpointWriter body = new CheckpointWriter(out);
                sim.save(body);
                body.flush();
                if (body.written() != bodyLength) {
                    throw new IllegalStateException("checkpoint body of " + body.written() + " bytes, counted " + bodyLength);
                }
                out.flush();
                buffered.write(digest.digest());
                buffered.flush();
            }
            // the rename promises a whole checkpoint: its bytes must be on the disk first
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Makes a rename in {@code dir} durable (where the platform allows opening a directory). */
    public static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // some platforms cannot open a directory; the rename is then as durable as they make it
        }
    }

    /**
     * Reads a checkpoint of a bare simulation (checked against nothing but itself) into the model
     * {@code modelAt} builds for the checkpoint's step.
     */
    public static Simulation read(Path file, int threads, LongFunction<Model> modelAt) throws IOException {
        return read(file, threads, null, modelAt);
    }

    /**
     * Reads a checkpoint; the returned run uses {@code threads} worker threads. With {@code expected}
     * not null, a checkpoint of another model, seed or scenario is refused. {@code modelAt} builds
     * the model (not initialised) from the parameters in force at the checkpoint's step; the state
     * is read into it.
     */
    public static Simulation read(Path file, int threads, Identity expected, LongFunction<Model> modelAt) throws IOException {
        long size = Files.size(file);
        if (size < MAGIC.length + 4 + DIGEST_BYTES) {
            throw new Refused(file + " is not an Officialdom checkpoint (" + size + " bytes, too short)");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes((int) Math.min(size, MAX_HEADER));
        }
        DataInputStream header = new DataInputStream(new ByteArrayInputStream(head));
        String model;
        String scenario;
        long seed;
        long step;
        long bodyLength;
        try {
            byte[] magic = header.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new Refused(file + " is not an Officialdom checkpoint (it does not start with " + new String(MAGIC,
                        StandardCharsets.US_ASCII) + ")");
            }
            int format = header.readInt();
            if (format != FORMAT) {
                // a damaged version field is told apart from a real file of another version by the digest,
                // which every format so far puts at the end over everything before it
                verifyDigest(file, size);
                throw new Refused(file + " is a checkpoint of format " + format + "; this version of Officialdom reads format "
                        + FORMAT + " only (resume it with the version that wrote it, or run it again)");
            }
            model = header.readUTF();
            scenario = header.readUTF();
            seed = header.readLong();
            step = header.readLong();
            bodyLength = header.readLong();
        } catch (EOFException | java.io.UTFDataFormatException e) {
            throw new Refused(file + " is cut short or damaged: its header is incomplete (" + size + " bytes)");
        }
        long headerLength = head.length - header.available();
        long expectedSize = bodyLength < 0 || bodyLength > Long.MAX_VALUE / 2 ? -1 : headerLength + bodyLength + DIGEST_BYTES;
        if (expectedSize < 0 || size < expectedSize) {
            throw new Refused(file + " is cut short: " + size + " bytes, where its header promises "
                    + (expectedSize < 0 ? "a body of " + bodyLength : expectedSize) + " (or its header is damaged)");
        }
        if (size > expectedSize) {
            throw new Refused(file + " has " + (size - expectedSize) + " bytes more than its header promises (" + expectedSize
                    + "; or its header is damaged)");
        }
        verifyDigest(file, size);
        if (expected != null && !expected.model().equals(model)) {
            throw new Refused(file + " belongs to a run of model '" + model + "', not '" + expected.model() + "'");
        }
        if (expected != null && expected.seed() != null && expected.seed() != seed) {
            throw new Refused(file + " belongs to another run: its seed is " + seed + ", the run's is " + expected.seed());
        }
        if (expected != null && !expected.scenarioHash().equals(scenario)) {
            throw new Refused(file + " belongs to another run: its scenario (seed, steps or parameters) differs from "
                    + "the folder's scenario.yaml");
        }
        if (step < 0) {
            throw new Refused(file + ": its header names step " + step + "; expected a step of 0 or more");
        }
        try (InputStream raw = Files.newInputStream(file)) {
            raw.skipNBytes(headerLength);
            CheckpointReader body = new CheckpointReader(file.toString(), new BufferedInputStream(raw, 1 << 20),
                    headerLength, headerLength + bodyLength);
            Simulation sim;
            try {
                sim = Simulation.load(body, modelAt.apply(step), seed, step, threads);
            } catch (Refused e) {
                throw e;
            } catch (RuntimeException e) {
                throw new Refused(file + ": its state does not fit the model '" + model + "': " + e);
            }
            try {
                body.expectEnd();
            } catch (Refused e) {
                sim.close();
                throw e;
            }
            return sim;
        } catch (EOFException e) {
            throw new Refused(file + " is cut short");
        }
    }

    /** The digest at the end must be that of everything before it. */
    private static void verifyDigest(Path file, long size) throws IOException {
        MessageDigest digest = sha256();
        byte[] stored;
        try (InputStream raw = Files.newInputStream(file)) {
            DigestInputStream in = new DigestInputStream(new BufferedInputStream(raw, 1 << 20), digest);
            byte[] buf = new byte[1 << 16];
            long left = size - DIGEST_BYTES;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new Refused(file + " is cut short");
                }
                left -= n;
            }
            in.on(false);
            stored = in.readNBytes(DIGEST_BYTES);
        }
        if (!MessageDigest.isEqual(stored, digest.digest())) {
            throw new Refused(file + " is damaged: its SHA-256 does not match its content");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
