package org.officialdom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of runs: a child JVM running the flagship scenario with checkpoints is killed with
 * SIGKILL at random moments, resumed each time from its folder, and must end byte-identical to an
 * uninterrupted run.
 */
class KillAndResumeTest {

    static final int KILLS = 4;

    private static Process start(Path out, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Officialdom.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile()).start();
    }

    private static String[] runArgs(Path out) {
        return new String[] {"run", "china-2012-2025", "--scale", "0.1", "--steps", "80", "--threads", "2",
                "--checkpoint-every", "4", "--out", out.toString(), "-q", "--no-store"};
    }

    private static void deleteFolder(Path folder) throws Exception {
        try (var files = Files.walk(folder)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    @Test
    void aRunKilledAtRandomMomentsResumesToTheSameBytes(@TempDir Path dir) throws Exception {
        Path straight = dir.resolve("straight");
        Process p = start(straight, runArgs(straight));
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isZero();

        Path killed = dir.resolve("killed");
        SplittableRandom rnd = new SplittableRandom(20261123);
        Process child = start(killed, runArgs(killed));
        int kills = 0;
        for (int attempt = 0; attempt < 60 && kills < KILLS; attempt++) {
            // let it get somewhere: wait for a checkpoint, then kill at a random moment after it
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (child.isAlive() && !Files.exists(killed.resolve("checkpoint.bin")) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(rnd.nextInt(1, 150));
            if (!child.isAlive()) {
                // it finished (or failed) before the kill came: start the whole run again; not a kill
                child.waitFor();
                assertThat(child.exitValue()).as(Files.readString(killed.resolveSibling("killed.log"))).isZero();
                deleteFolder(killed);
                child = start(killed, runArgs(killed));
                continue;
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
            kills++;
            assertThat(killed.resolve("metrics.csv")).doesNotExist();
            child = Files.exists(killed.resolve("checkpoint.bin"))
                    ? start(killed, "run", "--resume", killed.toString(), "--threads", "1", "-q", "--no-store")
                    : start(killed, runArgs(killed));
        }
        assertThat(kills).isEqualTo(KILLS);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(killed.resolveSibling("killed.log"))).isZero();
        for (String file : List.of("metrics.csv", "events.csv", "summary.txt")) {
            assertThat(Files.readString(killed.resolve(file))).as(file).isEqualTo(Files.readString(straight.resolve(file)));
        }
        // nothing half-written is left beside the results
        try (var files = Files.list(killed)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList())
                    .allSatisfy(n -> assertThat(n).startsWith("checkpoint.bin"));
        }
    }
}
