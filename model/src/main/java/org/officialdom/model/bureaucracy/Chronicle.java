package org.officialdom.model.bureaucracy;

import org.officialdom.engine.EventLog;

/**
 * The careers of the tracked officials (every {@code track_every}-th id), as the passes record them:
 * a pass asks whether an official is tracked and adds what happened to it at the current step, as
 * a {@link CareerEvent}; {@link Biography} tells them.
 */
final class Chronicle {

    private final EventLog log;
    private int every;
    private long step;

    Chronicle(Organisation org, int trackEvery) {
        this.log = new EventLog(new Biography.Narrator(org));
        this.every = trackEvery;
    }

    /** The step whose events are added next, and the tracking in force (the calendar may change it). */
    void at(long step, int trackEvery) {
        this.step = step;
        this.every = trackEvery;
    }

    int trackEvery() {
        return every;
    }

    boolean tracked(long id) {
        return every > 0 && id % every == 0;
    }

    void add(int id, CareerEvent e) {
        log.add(step, id, e);
    }

    EventLog log() {
        return log;
    }

    /** Writes the tracking in force and the step of the events added next (the events themselves are the simulation's to write). */
    void save(org.officialdom.engine.CheckpointWriter out) throws java.io.IOException {
        out.putInt("track_every", every);
        out.putLong("event_step", step);
    }

    /** Reads what {@link #save} wrote. */
    void load(org.officialdom.engine.CheckpointReader in) throws java.io.IOException {
        every = in.getInt("track_every", 0, Integer.MAX_VALUE);
        step = in.getLong("event_step");
    }
}
