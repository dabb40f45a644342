package org.officialdom.model.bureaucracy;

/**
 * Administrative levels of the party-state, from the centre to the grassroots. The top rank a unit
 * can hold depends on its level: a township is headed at section level, a county at division level,
 * and so on (docs/odd.md, "Entities").
 */
public enum Level {
    CENTRAL(Rank.MINISTERIAL),
    PROVINCE(Rank.MINISTERIAL),
    PREFECTURE(Rank.BUREAU),
    COUNTY(Rank.DIVISION),
    TOWNSHIP(Rank.SECTION);

    private final Rank top;

    Level(Rank top) {
        this.top = top;
    }

    /** The highest rank a unit at this level holds (its head's rank). */
    public Rank top() {
        return top;
    }

    public String label() {
        return name().toLowerCase();
    }
}
