package org.officialdom.model.bureaucracy;

/**
 * How an official leaves the organisation (mechanism 11, {@link Exits}). Stored as a byte; 0 means staying.
 */
public enum ExitRoute {
    NONE, RETIREMENT, DEATH, DISMISSAL_GUILTY, DISMISSAL_FABRICATED, DISMISSAL_INCOMPETENCE, PRIVATE_SECTOR, EMIGRATION,
    DISMISSAL_PARTY_EXIT;

    public String label() {
        return switch (this) {
            case NONE -> "none";
            case RETIREMENT -> "retired";
            case DEATH -> "died in office";
            case DISMISSAL_GUILTY -> "dismissed after an investigation found bribery";
            case DISMISSAL_FABRICATED -> "dismissed on a fabricated accusation";
            case DISMISSAL_INCOMPETENCE -> "dismissed for incompetence";
            case PRIVATE_SECTOR -> "resigned for the private sector";
            case EMIGRATION -> "resigned and emigrated";
            case DISMISSAL_PARTY_EXIT -> "dismissed after renouncing the party in public";
        };
    }

    /** Whether colleagues see it as a punishment: a dismissal after an investigation. */
    public boolean punishment() {
        return this == DISMISSAL_GUILTY || this == DISMISSAL_FABRICATED || this == DISMISSAL_PARTY_EXIT;
    }

    private static final boolean[] PUNISHMENT = new boolean[values().length];

    static {
        for (ExitRoute r : values()) {
            PUNISHMENT[r.ordinal()] = r.punishment();
        }
    }

    /** {@link #punishment()} of the route stored as a byte. */
    static boolean punishment(byte route) {
        return PUNISHMENT[route];
    }
}
