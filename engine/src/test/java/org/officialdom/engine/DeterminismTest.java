package org.officialdom.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {

    private static final int AGENTS = 5 * Parallel.CHUNK + 123; // several chunks, a ragged last one

    static String run(int threads, long seed, int steps) throws Exception {
        try (Simulation sim = new Simulation(new Drift(AGENTS), seed, threads)) {
            sim.runTo(steps);
            StringWriter w = new StringWriter();
            sim.metrics().writeCsv(w);
            return w.toString();
        }
    }

    @Test
    void sameBitsWhateverTheThreadCount() throws Exception {
        String one = run(1, 42, 30);
        assertThat(run(2, 42, 30)).isEqualTo(one);
        assertThat(run(8, 42, 30)).isEqualTo(one);
        // agents really left and joined, so removal order was exercised
        assertThat(one.lines().skip(2).anyMatch(l -> !l.endsWith(",0"))).isTrue();
    }

    @Test
    void sameSeedSameRunDifferentSeedDifferentRun() throws Exception {
        assertThat(run(2, 7, 10)).isEqualTo(run(2, 7, 10));
        assertThat(run(2, 7, 10)).isNotEqualTo(run(2, 8, 10));
    }

    @Test
    void checkpointAndResumeGiveTheUninterruptedRun(@TempDir Path dir) throws Exception {
        String straight = run(2, 99, 100);
        Path file = dir.resolve("ckpt.bin");
        try (Simulation sim = new Simulation(new Drift(AGENTS), 99, 2)) {
            sim.runTo(40);
            Checkpoint.write(sim, file);
        }
        try (Simulation resumed = Checkpoint.read(file, 3, step -> new Drift(AGENTS))) {
            assertThat(resumed.stepNumber()).isEqualTo(40);
            resumed.runTo(100);
            StringWriter w = new StringWriter();
            resumed.metrics().writeCsv(w);
            assertThat(w.toString()).isEqualTo(straight);
        }
    }
}
