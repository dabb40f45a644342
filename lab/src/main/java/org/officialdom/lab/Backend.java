package org.officialdom.lab;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where runs execute. The experiment core hands a back end a list of independent {@link RunSpec}s
 * and receives each {@link RunOutcome} on the calling thread, in any order; outcomes are keyed by
 * run id, so nothing downstream depends on the order or on the parallelism. The local back end
 * uses the machine's cores; a cluster back end can run each spec as a task ({@link RunTask#execute}
 * needs nothing but the spec).
 */
public interface Backend extends AutoCloseable {

    /**
     * Runs every spec and passes each outcome to {@code sink} on the calling thread. If the sink
     * throws, the remaining runs are abandoned and the exception propagates.
     */
    void run(List<RunSpec> specs, Consumer<RunOutcome> sink);

    /** How many runs execute at once (for messages). */
    int parallelism();

    @Override
    default void close() {
    }

    /**
     * A back end that lives in a module of its own (Spark), found through {@link java.util.ServiceLoader}
     * so that whoever never asks for it does not carry it.
     */
    interface Factory {

        /** The name the command line knows it by ({@code spark}). */
        String name();

        /**
         * Opens the back end at {@code address} (a Spark master URL, say).
         *
         * @throws IllegalArgumentException with a message for a person when the address is malformed
         *                                  or nothing answers there
         */
        Backend open(String address, int threadsPerRun);
    }
}
