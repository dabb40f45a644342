package org.officialdom.engine;

import java.io.IOException;
import java.util.List;

/**
 * A model on the engine: the ordered passes of one step, the metrics it declares, and the state it
 * keeps between steps, which it writes to a checkpoint and reads back field by field
 * ({@link #save}, {@link #load}).
 *
 * <p>{@link #passes()} and {@link #metrics()} are asked for again after a checkpoint is read, so
 * they must be rebuilt from the state, not stored in it.
 */
public interface Model {

    /** Builds the initial population and structures; called once, at step 0. */
    void init(Simulation sim);

    /**
     * Writes the state the model keeps from one step to the next as named, typed fields. Its
     * parameters are not written: a checkpoint is read into a model built from the parameters in
     * force at its step (the scenario's, which the checkpoint's header names by hash). The events of
     * {@link #events()} are written by the simulation.
     */
    void save(CheckpointWriter out) throws IOException;

    /**
     * Reads what {@link #save} wrote, in the same order, into this model, built from the parameters
     * in force at the checkpoint's step and not initialised ({@link #init} is not called); {@code sim}
     * gives the run's random streams and threads. A field that does not fit is refused through
     * {@link CheckpointReader#refused}.
     */
    void load(CheckpointReader in, Simulation sim) throws IOException;

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
