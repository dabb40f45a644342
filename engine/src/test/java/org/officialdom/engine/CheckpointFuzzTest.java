package org.officialdom.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded damage to a checkpoint (flipped bits, overwritten runs of bytes, truncation, appended
 * bytes): every damaged file is refused with a
 * {@link Checkpoint.Refused}, never read as a run and never another exception.
 */
class CheckpointFuzzTest {

    static final int INPUTS = 300;

    @Test
    void everyDamagedCheckpointIsRefused(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.bin");
        try (Simulation sim = new Simulation(new Drift(500), 5, 1)) {
            sim.runTo(7);
            Checkpoint.write(sim, good, new Checkpoint.Identity("drift", "abc"));
        }
        byte[] bytes = Files.readAllBytes(good);
        Checkpoint.Identity run = new Checkpoint.Identity("drift", "abc");
        try (Simulation ok = Checkpoint.read(good, 1, run)) {
            assertThat(ok.stepNumber()).isEqualTo(7);
        }
        SplittableRandom rnd = new SplittableRandom(20270301L);
        Path f = dir.resolve("damaged.bin");
        int refused = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] b = bytes.clone();
            switch (i % 4) {
                case 0 -> b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> {
                    int at = rnd.nextInt(b.length);
                    for (int k = at; k < Math.min(b.length, at + 1 + rnd.nextInt(64)); k++) {
                        b[k] = (byte) rnd.nextInt(256);
                    }
                }
                case 2 -> b = Arrays.copyOf(b, rnd.nextInt(b.length));
                default -> {
                    b = Arrays.copyOf(b, b.length + 1 + rnd.nextInt(100));
                }
            }
            if (Arrays.equals(b, bytes)) {
                continue; // random bytes that happened to be the same
            }
            Files.write(f, b);
            try (Simulation s = Checkpoint.read(f, 1, run)) {
                throw new AssertionError("damage " + (i % 4) + " was read as a run at step " + s.stepNumber());
            } catch (Checkpoint.Refused expected) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(INPUTS * 9 / 10);
        // whole, but of another run or another model
        assertThat(refusal(good, new Checkpoint.Identity("drift", "abd"))).contains("belongs to another run");
        assertThat(refusal(good, new Checkpoint.Identity("epstein", "abc"))).contains("belongs to a run of model 'drift'");
    }

    private static String refusal(Path file, Checkpoint.Identity run) throws Exception {
        try (Simulation s = Checkpoint.read(file, 1, run)) {
            throw new AssertionError("read as a run at step " + s.stepNumber());
        } catch (Checkpoint.Refused expected) {
            return expected.getMessage();
        }
    }
}
