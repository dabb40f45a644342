package org.officialdom.lab;

import java.nio.file.Path;

/**
 * How to run a scenario.
 *
 * @param seed            seed override, or null for the scenario's
 * @param steps           steps override, or null for the scenario's
 * @param threads         worker threads (results do not depend on it)
 * @param out             output folder
 * @param checkpointEvery write a checkpoint every this many steps (0: never)
 * @param check           check invariants after every step (slower; stops at the first broken one)
 * @param store           the result store the command records the run in, kept in {@code run.json} for a resumed
 *                        run: its path, "" for none ({@code --no-store}), or null when the caller does not say
 */
public record RunOptions(Long seed, Integer steps, int threads, Path out, int checkpointEvery, boolean check, String store) {

    public RunOptions(Long seed, Integer steps, int threads, Path out, int checkpointEvery) {
        this(seed, steps, threads, out, checkpointEvery, false);
    }

    public RunOptions(Long seed, Integer steps, int threads, Path out, int checkpointEvery, boolean check) {
        this(seed, steps, threads, out, checkpointEvery, check, null);
    }

    public RunOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("checkpoint interval must not be negative");
        }
    }
}
