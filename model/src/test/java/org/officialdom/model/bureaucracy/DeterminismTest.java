package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.engine.Checkpoint;
import org.officialdom.engine.Simulation;

/** The whole model gives the same bits on 1, 2 and 8 threads, and after a checkpoint is resumed. */
class DeterminismTest {

    // more than two chunks of 16,384 rows, so that threads really share the work
    private static final BureaucracyParameters P = Fixtures.small(40_000).withTiming(1, 50);
    // past Bureaucracy.COMPACT_EVERY steps, so that the rows are compacted once in every run
    private static final int STEPS = Bureaucracy.COMPACT_EVERY + 2;

    private static String[] run(int threads, int steps) throws IOException {
        try (Simulation sim = new Simulation(new Bureaucracy(P), 11, threads)) {
            sim.runTo(steps);
            return texts(sim);
        }
    }

    private static String[] texts(Simulation sim) throws IOException {
        StringWriter metrics = new StringWriter();
        sim.metrics().writeCsv(metrics);
        StringWriter events = new StringWriter();
        sim.model().events().writeCsv(events);
        return new String[] {metrics.toString(), events.toString(), String.join("\n", sim.model().summary(sim.metrics()))};
    }

    @Test
    void sameTextWhateverTheMachinesLocale() throws IOException {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            String[] us = run(2, 6);
            Locale.setDefault(Locale.GERMANY); // writes 0,5 for 0.5 and 1.000 for 1,000
            String[] german = run(2, 6);
            assertThat(german).containsExactly(us);
            assertThat(us[1]).contains("(morale 0.").contains("percentile ");
            assertThat(us[2]).contains(" officials in ").containsPattern("loyalty \\d+\\.\\d%");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void sameBitsOnOneTwoAndEightThreads() throws IOException {
        String[] one = run(1, STEPS);
        assertThat(one[1].lines().count()).isGreaterThan(100);
        assertThat(run(2, STEPS)).containsExactly(one);
        assertThat(run(8, STEPS)).containsExactly(one);
    }

    @Test
    void resumedRunEqualsUninterruptedRun(@TempDir Path dir) throws IOException {
        String[] straight = run(2, STEPS);
        Path file = dir.resolve("checkpoint.bin");
        try (Simulation sim = new Simulation(new Bureaucracy(P), 11, 2)) {
            sim.runTo(Bureaucracy.COMPACT_EVERY - 3); // resumed before the first compaction: the resumed run compacts at once
            Checkpoint.write(sim, file);
        }
        assertThat(Files.size(file)).isPositive();
        try (Simulation resumed = Checkpoint.read(file, 1, step -> new Bureaucracy(P))) {
            resumed.runTo(STEPS);
            assertThat(texts(resumed)).containsExactly(straight);
        }
    }
}
