package org.officialdom.engine;

/** A run broke one of its invariants (a NaN metric, a share outside [0, 1], posts over-filled...). */
public final class InvariantViolation extends RuntimeException {

    private final long step;

    public InvariantViolation(long step, String what) {
        super("invariant broken at step " + step + ": " + what);
        this.step = step;
    }

    public long step() {
        return step;
    }
}
