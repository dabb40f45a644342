package org.officialdom.web;

/**
 * What one server allows, so that a page left open (or a script) cannot exhaust the machine.
 *
 * @param maxSize        largest size of a run (the parameter its model marks as its size: officials, actors)
 * @param maxRuns        runs (sessions) open at the same time
 * @param maxSteps       longest run, in steps
 * @param maxWatchers    event streams open at the same time, all runs together
 * @param maxExplainRuns most runs one explanation may make (coalitions × replicates); one explanation runs at a time
 */
public record Limits(long maxSize, int maxRuns, int maxSteps, int maxWatchers, int maxExplainRuns) {

    public static final Limits DEFAULTS = new Limits(50_000, 4, 2_000, 200, 256);

    public Limits {
        if (maxSize < 1 || maxRuns < 1 || maxSteps < 1 || maxWatchers < 1 || maxExplainRuns < 1) {
            throw new IllegalArgumentException("every limit must be at least 1");
        }
    }

    /** The limits with the default number of runs an explanation may make. */
    public Limits(long maxSize, int maxRuns, int maxSteps, int maxWatchers) {
        this(maxSize, maxRuns, maxSteps, maxWatchers, 256);
    }
}
