package org.officialdom.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
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

/**
 * Writes the whole state of a run to a file and reads it back ("freeze-drying", as MASON calls it).
 *
 * <p>Format (version 2): the magic {@code OFFICIALDOM-CKPT}, the format version, a header naming the
 * run (model, a hash of the scenario as run, seed, step), the state, and a SHA-256 digest of
 * everything before it. A checkpoint is read only after its digest and header are checked, so a
 * damaged file, one of another format or one of another run is refused with a {@link Refused} that
 * says which, before any of its state is read. The state itself is Java serialization of the
 * {@link Simulation}, read through a filter that admits Officialdom's and the JDK's data classes
 * only; it is meant for resuming with the same version of Officialdom, not for archiving (the
 * result store is for that).
 *
 * <p>The file is written beside its final name, forced to the disk and renamed into place, so a
 * crash while writing leaves the previous checkpoint intact.
 */
public final class Checkpoint {

    private static final byte[] MAGIC = "OFFICIALDOM-CKPT".getBytes(StandardCharsets.US_ASCII);

    /** Version of the file layout; a file of another version is refused, not guessed at. */
    public static final int FORMAT = 2;

    private static final int DIGEST_BYTES = 32;

    /** What state may be read back: the run's own classes, the JDK's collections and boxes, arrays. */
    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;org.officialdom.**;java.lang.*;java.util.*;java.util.concurrent.**;java.time.*;!*");

    /**
     * The run a checkpoint belongs to: its model and a hash of the scenario as run (seed, steps and
     * parameters included). Reading refuses a checkpoint whose header names another.
     */
    public record Identity(String model, String scenarioHash) {

        /** For tests and tools that checkpoint a bare simulation: the model's class, no scenario. */
        static Identity of(Simulation sim) {
            return new Identity(sim.model().getClass().getName(), "");
        }

        /** SHA-256 of a text, in hex: how a scenario is named in a header. */
        public static String hash(byte[] text) {
            return HexFormat.of().formatHex(sha256().digest(text));
        }
    }

    /** A checkpoint that cannot be used: damaged, of another format, or of another run. */
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
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(tmp)) {
                MessageDigest digest = sha256();
                DataOutputStream out = new DataOutputStream(new DigestOutputStream(new BufferedOutputStream(raw, 1 << 20), digest));
                out.write(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(run.model());
                out.writeUTF(run.scenarioHash());
                out.writeLong(sim.seed());
                out.writeLong(sim.stepNumber());
                ObjectOutputStream state = new ObjectOutputStream(out);
                state.writeObject(sim);
                state.flush();
                out.flush();
                raw.write(digest.digest());
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

    /** Reads a checkpoint of a bare simulation (checked against nothing but itself). */
    public static Simulation read(Path file, int threads) throws IOException {
        return read(file, threads, null);
    }

    /**
     * Reads a checkpoint; the returned run uses {@code threads} worker threads. With {@code expected}
     * not null, a checkpoint of another model or scenario is refused.
     */
    public static Simulation read(Path file, int threads, Identity expected) throws IOException {
        long size = Files.size(file);
        if (size < MAGIC.length + 4 + DIGEST_BYTES) {
            throw new Refused(file + " is not an Officialdom checkpoint (" + size + " bytes, too short)");
        }
        verifyDigest(file, size);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new Refused(file + " is not an Officialdom checkpoint");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new Refused(file + " is a checkpoint of format " + format + "; this version of Officialdom reads format " + FORMAT);
            }
            String model = in.readUTF();
            String scenario = in.readUTF();
            long seed = in.readLong();
            long step = in.readLong();
            if (expected != null && !expected.model().equals(model)) {
                throw new Refused(file + " belongs to a run of model '" + model + "', not '" + expected.model() + "'");
            }
            if (expected != null && !expected.scenarioHash().equals(scenario)) {
                throw new Refused(file + " belongs to another run: its scenario (seed, steps or parameters) differs from "
                        + "the folder's scenario.yaml");
            }
            ObjectInputStream state = new ObjectInputStream(in);
            state.setObjectInputFilter(FILTER);
            Simulation sim = (Simulation) state.readObject();
            if (sim.seed() != seed || sim.stepNumber() != step) {
                throw new Refused(file + ": its header (seed " + seed + ", step " + step + ") disagrees with its state (seed "
                        + sim.seed() + ", step " + sim.stepNumber() + ")");
            }
            sim.useThreads(threads);
            return sim;
        } catch (ClassNotFoundException | InvalidClassException | ClassCastException e) {
            throw new Refused(file + " was written by another version of Officialdom: " + e.getMessage());
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
