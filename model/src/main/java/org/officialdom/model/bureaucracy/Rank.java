package org.officialdom.model.bureaucracy;

/**
 * The rank ladder of Chinese civil servants: clerk (section member), section, division, bureau and
 * ministerial level. Ranks are stored as a byte (the ordinal); an organisation with a custom pyramid
 * (Pluchino's six levels) uses rank numbers 0..R-1 and these names only for display.
 */
public enum Rank {
    CLERK, SECTION, DIVISION, BUREAU, MINISTERIAL;

    /** Display name of rank number {@code r} in a ladder of {@code ranks} ranks. */
    public static String label(int r, int ranks) {
        return ranks == values().length ? values()[r].name().toLowerCase() + " level" : "level " + (ranks - r) + " (from the top)";
    }
}
