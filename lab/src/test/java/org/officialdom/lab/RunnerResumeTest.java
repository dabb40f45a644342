package org.officialdom.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;

class RunnerResumeTest {

    private static final String SCENARIO = """
            name: resume-test
            model: granovetter
            seed: 4
            steps: 100
            parameters:
              population: 40000
              distribution: normal
              unit: share
              mean: 0.3
              sd: 0.12
            calendar:
              - step: 60
                set:
                  mean: 0.1
            """;

    /** Stops the run by failing once it has passed a given step, as a crash would. */
    private static final class CrashAt implements Progress {
        private final long step;

        CrashAt(long step) {
            this.step = step;
        }

        @Override
        public void start(String label, long total, long done) {
        }

        @Override
        public void advance(long done) {
            if (done == step) {
                throw new IllegalStateException("simulated crash at step " + done);
            }
        }

        @Override
        public void finish() {
        }
    }

    @Test
    void aRunResumedFromItsCheckpointEndsIdenticalToAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Scenario sc = ScenarioLoader.parse(SCENARIO, "resume-test.yaml");
        Path straight = dir.resolve("straight");
        Runner.run(sc, new RunOptions(null, null, 2, straight, 0), Progress.NONE);

        Path crashed = dir.resolve("crashed");
        assertThatThrownBy(() -> Runner.run(sc, new RunOptions(null, null, 2, crashed, 40), new CrashAt(55)))
                .hasMessageContaining("simulated crash");
        assertThat(crashed.resolve(Runner.CHECKPOINT)).exists();
        assertThat(crashed.resolve("metrics.csv")).doesNotExist();

        RunResult resumed = Runner.resume(crashed, 1, Progress.NONE);
        assertThat(resumed.stepsRun()).isEqualTo(60); // 40 -> 100
        assertThat(Files.readString(crashed.resolve("metrics.csv")))
                .isEqualTo(Files.readString(straight.resolve("metrics.csv")));
        // the checkpoint stays until the caller has recorded the run
        assertThat(crashed.resolve(Runner.CHECKPOINT)).exists();
        Runner.finish(crashed);
        assertThat(crashed.resolve(Runner.CHECKPOINT)).doesNotExist();
    }

    private static Path crashedRun(Path dir, String name, Scenario sc) {
        Path crashed = dir.resolve(name);
        assertThatThrownBy(() -> Runner.run(sc, new RunOptions(null, null, 1, crashed, 40), new CrashAt(55)))
                .hasMessageContaining("simulated crash");
        return crashed;
    }

    @Test
    void aResumedRunKeepsItsIdAndItsCheckingAndSweepsOrphans(@TempDir Path dir) throws Exception {
        Scenario sc = ScenarioLoader.override(ScenarioLoader.parse(SCENARIO, "resume-test.yaml"), java.util.List.of("sd=0.1"));
        RunResult straight = Runner.run(sc, new RunOptions(null, null, 1, dir.resolve("straight"), 0), Progress.NONE);
        Path crashed = crashedRun(dir, "crashed", sc);
        Path orphan = Files.writeString(crashed.resolve(Runner.CHECKPOINT + "123.tmp"), "half a checkpoint");
        RunResult resumed = Runner.resume(crashed, 1, true, Progress.NONE);
        assertThat(resumed.toOutcome("t").runId()).isEqualTo(straight.toOutcome("t").runId());
        assertThat(orphan).doesNotExist();
        assertThat(resumed.checks()).anyMatch(c -> c.startsWith("every one of the")).anyMatch(c -> c.startsWith("in [0, 1]: "));
        assertThat(Files.readString(crashed.resolve("run.json"))).contains("\"checked\": true");
    }

    @Test
    void aDamagedCheckpointOrOneOfAnotherRunIsRefused(@TempDir Path dir) throws Exception {
        Scenario sc = ScenarioLoader.parse(SCENARIO, "resume-test.yaml");
        Path a = crashedRun(dir, "a", sc);
        byte[] good = Files.readAllBytes(a.resolve(Runner.CHECKPOINT));
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 1;
        Files.write(a.resolve(Runner.CHECKPOINT), bad);
        assertThatThrownBy(() -> Runner.resume(a, 1, Progress.NONE)).isInstanceOf(org.officialdom.engine.Checkpoint.Refused.class)
                .hasMessageContaining("is damaged: its SHA-256 does not match");
        Files.write(a.resolve(Runner.CHECKPOINT), java.util.Arrays.copyOf(good, good.length - 100));
        assertThatThrownBy(() -> Runner.resume(a, 1, Progress.NONE)).isInstanceOf(org.officialdom.engine.Checkpoint.Refused.class);
        // a whole checkpoint, but of a run with another seed
        Path b = crashedRun(dir, "b", sc.with(99L, null));
        Files.write(a.resolve(Runner.CHECKPOINT), Files.readAllBytes(b.resolve(Runner.CHECKPOINT)));
        assertThatThrownBy(() -> Runner.resume(a, 1, Progress.NONE)).isInstanceOf(org.officialdom.engine.Checkpoint.Refused.class)
                .hasMessageContaining("belongs to another run");
        assertThat(a.resolve("metrics.csv")).doesNotExist();
    }

    @Test
    void aRunThatFailsBeforeItsFirstCheckpointLeavesNoFolder(@TempDir Path dir) throws Exception {
        Scenario sc = ScenarioLoader.parse(SCENARIO, "resume-test.yaml");
        Path failed = dir.resolve("failed");
        assertThatThrownBy(() -> Runner.run(sc, new RunOptions(null, null, 1, failed, 40), new CrashAt(30)))
                .hasMessageContaining("simulated crash");
        assertThat(failed).doesNotExist();
        assertThat(Runner.runsUnder(dir)).isEmpty();
    }

    @Test
    void aRunTooLargeForTheHeapIsRefusedBeforeItIsBuilt(@TempDir Path dir) throws Exception {
        // a torus whose cells alone (8 bytes each) take more than the heap, within Java's array limit
        long side = Math.min(46_000, (long) Math.ceil(Math.sqrt(Runtime.getRuntime().maxMemory() / 8.0)) + 1);
        Scenario sc = ScenarioLoader.parse("name: big\nmodel: epstein\nsteps: 3\nparameters:\n  width: " + side
                + "\n  height: " + side + "\n", "big.yaml");
        Path out = dir.resolve("big");
        assertThatThrownBy(() -> Runner.run(sc, new RunOptions(null, null, 1, out, 0), Progress.NONE))
                .isInstanceOf(org.officialdom.model.scenario.ScenarioException.class)
                .hasMessageContaining("expected a run that fits this Java heap").hasMessageContaining("grid cells");
        assertThat(out).doesNotExist();
        // nor is its checkpoint read into a heap that cannot hold it (this one is junk: never opened)
        Files.createDirectories(out);
        Files.writeString(out.resolve("scenario.yaml"), sc.text());
        Files.writeString(out.resolve(Runner.CHECKPOINT), "not read");
        assertThatThrownBy(() -> Runner.resume(out, 1, Progress.NONE))
                .isInstanceOf(org.officialdom.model.scenario.ScenarioException.class)
                .hasMessageContaining("expected a run that fits this Java heap");
    }

    @Test
    void aFailedRerunLeavesTheEarlierResultWhole(@TempDir Path dir) throws Exception {
        Scenario sc = ScenarioLoader.parse(SCENARIO, "resume-test.yaml");
        Runner.run(sc, new RunOptions(9L, 12, 1, dir, 0), Progress.NONE);
        String before = Files.readString(dir.resolve("scenario.yaml"));
        assertThatThrownBy(() -> Runner.run(sc, new RunOptions(10L, 20, 1, dir, 0), new CrashAt(5)))
                .hasMessageContaining("simulated crash");
        // the folder still describes the run that produced its metrics
        assertThat(Files.readString(dir.resolve("scenario.yaml"))).isEqualTo(before).contains("seed: 9");
    }

    @Test
    void theRunFolderHoldsTheScenarioAsRun(@TempDir Path dir) throws Exception {
        Scenario sc = ScenarioLoader.parse(SCENARIO, "resume-test.yaml");
        Runner.run(sc, new RunOptions(9L, 12, 1, dir, 0), Progress.NONE);
        Scenario again = ScenarioLoader.load(dir.resolve("scenario.yaml"));
        assertThat(again.seed()).isEqualTo(9);
        assertThat(again.steps()).isEqualTo(12);
        assertThat(Files.readAllLines(dir.resolve("metrics.csv"))).hasSize(14); // header + steps 0..12
        assertThat(Files.readString(dir.resolve("metrics.json"))).contains("\"unit\": \"actors\"");
    }
}
