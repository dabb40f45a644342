package org.officialdom.web;

/**
 * What one server allows, so that a page left open (or a script) cannot exhaust the machine.
 *
 * @param maxSize     largest size of a run (the parameter its model marks as its size: officials, actors)
 * @param maxRuns     runs (sessions) open at the same time
 * @param maxSteps    longest run, in steps
 * @param maxWatchers event streams open at the same time, all runs together
 */
public record Limits(long maxSize, int maxRuns, int maxSteps, int maxWatchers) {

    public static final Limits DEFAULTS = new Limits(50_000, 4, 2_000, 200);

    public Limits {
        if (maxSize < 1 || maxRuns < 1 || maxSteps < 1 || maxWatchers < 1) {
            throw new IllegalArgumentException("every limit must be at least 1");
        }
    }
}
