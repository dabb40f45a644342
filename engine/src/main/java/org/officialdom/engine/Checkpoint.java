package org.officialdom.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the whole state of a run to a file and reads it back ("freeze-drying", as MASON calls it).
 *
 * <p>The file is written beside its final name and renamed into place, so a crash while writing
 * leaves the previous checkpoint intact. The format is Java serialization of the {@link Simulation}
 * behind a short header; it is meant for resuming with the same version of Officialdom, not for
 * archiving (the result store is for that).
 */
public final class Checkpoint {

    private static final String MAGIC = "officialdom-checkpoint-1";

    private Checkpoint() {
    }

    public static void write(Simulation sim, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(tmp);
                 ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(raw, 1 << 20))) {
                out.writeUTF(MAGIC);
                out.writeObject(sim);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a checkpoint; the returned run uses {@code threads} worker threads. */
    public static Simulation read(Path file, int threads) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException(file + " is not an Officialdom checkpoint");
            }
            Simulation sim = (Simulation) in.readObject();
            sim.useThreads(threads);
            return sim;
        } catch (ClassNotFoundException | InvalidClassException | ClassCastException e) {
            throw new IOException(file + " was written by another version of Officialdom: " + e.getMessage(), e);
        }
    }
}
