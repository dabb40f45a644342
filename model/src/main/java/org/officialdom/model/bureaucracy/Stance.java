package org.officialdom.model.bureaucracy;

/**
 * The four answers to dissatisfaction in the EVLN typology (Hirschman 1970; Farrell 1983; Rusbult,
 * Farrell, Rogers and Mainous 1988). Ms. Chang is Exit; Liu Yun is Voice, then Exit; "lying flat"
 * (000) is Neglect. Stored as a byte (the ordinal).
 */
public enum Stance {
    LOYALTY, VOICE, NEGLECT, EXIT;

    public String label() {
        return switch (this) {
            case LOYALTY -> "loyal";
            case VOICE -> "speaking up (voice)";
            case NEGLECT -> "lying flat (neglect)";
            case EXIT -> "looking for a way out (exit)";
        };
    }
}
