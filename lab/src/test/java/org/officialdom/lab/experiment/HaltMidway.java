package org.officialdom.lab.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.officialdom.lab.Backend;
import org.officialdom.lab.LocalBackend;
import org.officialdom.lab.Progress;
import org.officialdom.lab.RunOutcome;
import org.officialdom.lab.RunSpec;
import org.officialdom.lab.store.ResultStore;

/**
 * Runs the test grid into the store named by args[0] and halts the JVM (no finally blocks, no
 * shutdown hooks, the database not closed) right after the {@code args[1]}-th run finished, with runs stored {@code args[2]} per
 * transaction: a crash.
 */
public final class HaltMidway {

    private HaltMidway() {
    }

    public static void main(String[] args) {
        int after = Integer.parseInt(args[1]);
        ResultStore st = ResultStore.open(Path.of(args[0]));
        LocalBackend inner = new LocalBackend(2, 1);
        Backend halting = new Backend() {
            int n;

            @Override
            public void run(List<RunSpec> specs, Consumer<RunOutcome> sink) {
                inner.run(specs, o -> {
                    sink.accept(o);
                    if (++n == after) {
                        Runtime.getRuntime().halt(9);
                    }
                });
            }

            @Override
            public int parallelism() {
                return 2;
            }
        };
        ExperimentRunner.run(ExperimentLoader.parse(ExperimentRunnerTest.GRID, "test.yaml", null), st, halting,
                Progress.NONE, Integer.parseInt(args[2]));
        Runtime.getRuntime().halt(0);
    }
}
