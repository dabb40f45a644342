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

    /** The model a checkpoint of the drift runs is read into. */
    static final java.util.function.LongFunction<Model> DRIFT = step -> new Drift(500);

    @Test
    void everyDamagedCheckpointIsRefused(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.bin");
        try (Simulation sim = new Simulation(new Drift(500), 5, 1)) {
            sim.runTo(7);
            Checkpoint.write(sim, good, new Checkpoint.Identity("drift", "abc"));
        }
        byte[] bytes = Files.readAllBytes(good);
        Checkpoint.Identity run = new Checkpoint.Identity("drift", "abc");
        try (Simulation ok = Checkpoint.read(good, 1, run, DRIFT)) {
            assertThat(ok.stepNumber()).isEqualTo(7);
        }
        SplittableRandom rnd = new SplittableRandom(20270301L);
        Path f = dir.resolve("damaged.bin");
        int refused = 0;
        java.util.Map<String, Integer> reasons = new java.util.TreeMap<>();
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
            try (Simulation s = Checkpoint.read(f, 1, run, DRIFT)) {
                throw new AssertionError("damage " + (i % 4) + " was read as a run at step " + s.stepNumber());
            } catch (Checkpoint.Refused expected) {
                refused++;
                String m = expected.getMessage().substring(f.toString().length());
                reasons.merge(m.replaceAll("[0-9]+", "N").replaceAll("(damaged|cut short|more than its header promises|not an Officialdom checkpoint|format N).*", "$1"), 1, Integer::sum);
            }
        }
        System.out.println("CheckpointFuzzTest: " + refused + " of " + INPUTS + " damaged checkpoints refused: " + reasons);
        assertThat(refused).isGreaterThan(INPUTS * 9 / 10);
        // whole, but of another run or another model
        assertThat(refusal(good, new Checkpoint.Identity("drift", "abd"))).contains("belongs to another run");
        assertThat(refusal(good, new Checkpoint.Identity("epstein", "abc"))).contains("belongs to a run of model 'drift'");
        assertThat(refusal(good, new Checkpoint.Identity("drift", "abc", 6L))).contains("its seed is 5, the run's is 6");
        Files.write(f, Arrays.copyOf(bytes, bytes.length - 1000));
        assertThat(refusal(f, run)).contains("is cut short: " + (bytes.length - 1000) + " bytes, where its header promises "
                + bytes.length);
    }

    @Test
    void aLengthForgedTo2ToThe31IsRefusedAtOnceAndNamesItsField(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.bin");
        Checkpoint.Identity run = new Checkpoint.Identity("drift", "abc");
        try (Simulation sim = new Simulation(new Drift(500), 5, 1)) {
            sim.runTo(3);
            Checkpoint.write(sim, good, run);
        }
        byte[] bytes = Files.readAllBytes(good);
        // a double array (a column), an int array (the ids) and a count of strings (the column names),
        // each forged to 2^31 - 1 with the digest made to match: only the bound on lengths stands in the way
        String[][] fields = {{"wealth", "double array"}, {"ids", "int array"}, {"columns", "string array"}};
        byte[] tags = {0x47, 0x44, 0x48};
        for (int k = 0; k < fields.length; k++) {
            byte[] forged = forge(bytes, fields[k][0], tags[k], Integer.MAX_VALUE);
            Path f = dir.resolve("forged-" + k + ".bin");
            Files.write(f, forged);
            long t0 = System.nanoTime();
            String message = refusal(f, run);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "CheckpointFuzzTest: forged %s refused in %.3f s: %s%n", fields[k][1], seconds, message);
            assertThat(message).as(fields[k][1]).contains(f.toString()).contains("field '" + fields[k][0] + "'")
                    .contains("2147483647").contains("bytes left");
            assertThat(seconds).as("refused in %.3f s", seconds).isLessThan(2.0);
        }
        // a negative length likewise
        Path neg = dir.resolve("negative.bin");
        Files.write(neg, forge(bytes, "wealth", (byte) 0x47, -1));
        assertThat(refusal(neg, run)).contains("field 'wealth'").contains("-1 values");
    }

    @Test
    void aCheckpointOfAnotherFormatSaysWhichItIsAndWhichIsRead(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.bin");
        Checkpoint.Identity run = new Checkpoint.Identity("drift", "abc");
        try (Simulation sim = new Simulation(new Drift(100), 5, 1)) {
            sim.runTo(2);
            Checkpoint.write(sim, good, run);
        }
        byte[] old = Files.readAllBytes(good);
        java.nio.ByteBuffer.wrap(old).putInt(16, 2);
        Path f = dir.resolve("format2.bin");
        Files.write(f, redigest(old.clone()));
        assertThat(refusal(f, run)).contains(f.toString()).contains("is a checkpoint of format 2")
                .contains("reads format " + Checkpoint.FORMAT);
        // the same field damaged (digest not matching) is called damaged, not another format
        Files.write(f, old);
        assertThat(refusal(f, run)).contains("is damaged");
    }

    @Test
    void aModelWithOtherColumnsIsRefusedNamingThem(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.bin");
        try (Simulation sim = new Simulation(new Drift(100), 5, 1)) {
            sim.runTo(2);
            Checkpoint.write(sim, good);
        }
        // read into a model whose state has other fields: the first field that differs is named
        try (Simulation s = Checkpoint.read(good, 1, step -> new InvariantTest.Broken(99, 0.5, "share"))) {
            throw new AssertionError("read as a run at step " + s.stepNumber());
        } catch (Checkpoint.Refused expected) {
            assertThat(expected.getMessage()).contains("section 'model'").contains("expected long 'step'")
                    .contains("found int 'size'");
        }
    }

    /** {@code bytes} with the length of the array field {@code name} (of type tag {@code tag}) set to {@code value}, digest redone. */
    static byte[] forge(byte[] bytes, String name, byte tag, int value) throws Exception {
        byte[] b = bytes.clone();
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] pattern = new byte[2 + n.length + 1];
        pattern[1] = (byte) n.length;
        System.arraycopy(n, 0, pattern, 2, n.length);
        pattern[pattern.length - 1] = tag;
        int at = indexOf(b, pattern);
        assertThat(at).as("field " + name + " in the checkpoint").isPositive();
        java.nio.ByteBuffer.wrap(b).putInt(at + pattern.length, value);
        return redigest(b);
    }

    static byte[] redigest(byte[] b) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(b, b.length - 32));
        System.arraycopy(digest, 0, b, b.length - 32, 32);
        return b;
    }

    private static int indexOf(byte[] b, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= b.length; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (b[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String refusal(Path file, Checkpoint.Identity run) throws Exception {
        try (Simulation s = Checkpoint.read(file, 1, run, DRIFT)) {
            throw new AssertionError("read as a run at step " + s.stepNumber());
        } catch (Checkpoint.Refused expected) {
            return expected.getMessage();
        }
    }
}
