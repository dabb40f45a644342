package org.officialdom.model.bureaucracy;

import org.officialdom.engine.Chunk;
import org.officialdom.engine.EventBuffer;

/**
 * A pass's work on one chunk of officials, prepared for one step: it changes only the rows of its
 * chunk, adds what happened to {@code counts} (integers, so the totals do not depend on how the
 * rows are split among threads) and notes the events of tracked officials, told after the pass by
 * {@link #event}.
 */
interface RowKernel {

    void apply(Chunk c, long[] counts, EventBuffer notes);

    /** The event noted with {@code code} for the official now in {@code row}, told once the pass is over. */
    default CareerEvent event(int row, int code) {
        throw new IllegalStateException(getClass().getSimpleName() + " notes no events");
    }
}
