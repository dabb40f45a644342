package org.officialdom.model.bureaucracy;

import org.officialdom.model.parameter.Param;

/**
 * Mechanism 8, voice and retaliation. Seed (001): "detaining owners of gambling businesses,
 * confiscating luxury automobiles, and not taking bribes"; "to his peers, he was a thorn in their
 * side"; "Once you are in don't try to clean it or pigs will bite you"; Liu Yun "was transferred ...
 * to Changsha University".
 *
 * <p>Each month an official in the Voice stance acts with probability {@code actionRate}. An action
 * counts toward the unit's reformer share (which drives members out of the circle, mechanism 5, and
 * raises output, mechanism 15); with probability {@code enemyRate · c} (c the unit's circle share) it
 * makes an enemy; with probability {@code retaliationRate · c} the circle retaliates, by one of:
 * blocked promotion (the tournament's score falls by {@code blockPenalty} per retaliation), a
 * punitive transfer to a sideline unit (university or people's congress, mechanism 13) or a
 * fabricated accusation (two more enemies, raising the investigation hazard). The split is
 * {@code blocked : transfer : fabricated}. Each retaliation lowers voice utility (disillusion,
 * mechanism 10) and recognition (mechanism 9).
 */
public final class Voice {

    public record Parameters(
            @Param(value = "Probability per month that an official in Voice acts.", unit = "share per month", min = 0, max = 1)
            double actionRate,
            @Param(value = "Probability that an action makes an enemy, in a unit wholly in the circle.", unit = "share", min = 0, max = 1)
            double enemyRate,
            @Param(value = "Probability that an action draws retaliation, in a unit wholly in the circle.", unit = "share", min = 0, max = 1)
            double retaliationRate,
            @Param(value = "Relative weight of blocked promotion among retaliations.", min = 0) double blocked,
            @Param(value = "Relative weight of punitive transfer among retaliations.", min = 0) double transfer,
            @Param(value = "Relative weight of fabricated accusation among retaliations.", min = 0) double fabricated) implements java.io.Serializable {

        public static final Parameters DEFAULTS = new Parameters(0.3, 0.5, 0.3, 1, 1, 1);
    }

    /** The circle's answer to a reformer. */
    public enum Retaliation { NONE, BLOCKED_PROMOTION, PUNITIVE_TRANSFER, FABRICATED_ACCUSATION }

    private Voice() {
    }

    /** Picks a retaliation from a uniform draw {@code u} against {@code retaliationRate · c}. */
    public static Retaliation retaliation(Parameters p, double circleShare, double u) {
        double r = p.retaliationRate() * circleShare;
        if (u >= r) {
            return Retaliation.NONE;
        }
        double total = p.blocked() + p.transfer() + p.fabricated();
        double x = u / r * total;
        if (x < p.blocked()) {
            return Retaliation.BLOCKED_PROMOTION;
        }
        return x < p.blocked() + p.transfer() ? Retaliation.PUNITIVE_TRANSFER : Retaliation.FABRICATED_ACCUSATION;
    }
}
