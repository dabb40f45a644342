package org.officialdom.engine;

import java.io.Serializable;
import java.util.List;

/**
 * A model on the engine: state that can be written to a checkpoint (it is {@link Serializable}),
 * the ordered passes of one step, and the metrics it declares.
 *
 * <p>{@link #passes()} and {@link #metrics()} are asked for again after a checkpoint is read, so
 * they must be rebuilt from the state, not stored in it.
 */
public interface Model extends Serializable {

    /** Builds the initial population and structures; called once, at step 0. */
    void init(Simulation sim);

    /** The passes of one step, in order. */
    List<Pass> passes();

    /** The declared outputs, measured after {@link #init} and after every step. */
    MetricSet metrics();

    /** Number of live agents now (for agent-steps per second). */
    long agents();

    /** Bytes per agent of the model's agent table(s). */
    long bytesPerAgent();

    /** Events of tracked agents, written as {@code events.csv}; null for a model that keeps none. */
    default EventLog events() {
        return null;
    }

    /**
     * Views of the state at the end of the run (the organisation's levels by sectors coloured by
     * morale, say), written as {@code matrices.json} and drawn as heat maps; none by default.
     */
    default List<Matrix> matrices() {
        return List.of();
    }

    /**
     * Checks the model's own invariants (headcount conservation, posts not over-filled...) and
     * returns what is broken, or an empty list. Called after every step in checking mode.
     */
    default List<String> invariantViolations() {
        return List.of();
    }

    /** Three short lines for a person at a terminal: what happened in this run. */
    List<String> summary(MetricTable table);
}
