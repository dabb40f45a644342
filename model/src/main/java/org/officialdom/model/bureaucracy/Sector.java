package org.officialdom.model.bureaucracy;

/**
 * The kind of body a unit is. Liu Yun's career (001) crossed most of them: "the State Letters and
 * Complaints Bureau", "the Municipal Foreign Affairs Office", "Changsha University", "the Municipal
 * People's Congress". Universities and congresses are where punitive transfers send reformers.
 */
public enum Sector {
    PARTY_COMMITTEE, GOVERNMENT_BUREAU, PEOPLES_CONGRESS, UNIVERSITY, STATE_ENTERPRISE;

    /** Sidelines: posts of equal rank but little power, where a reformer can be parked. */
    public boolean sideline() {
        return this == PEOPLES_CONGRESS || this == UNIVERSITY;
    }

    public String label() {
        return switch (this) {
            case PARTY_COMMITTEE -> "party committee";
            case GOVERNMENT_BUREAU -> "government bureau";
            case PEOPLES_CONGRESS -> "people's congress";
            case UNIVERSITY -> "university";
            case STATE_ENTERPRISE -> "state enterprise";
        };
    }
}
