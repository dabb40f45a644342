package org.officialdom.model.bureaucracy;

import org.officialdom.model.parameter.Param;

/**
 * Mechanism 13, careers and transfers. Seed (001): Liu Yun's path from "the State Letters and
 * Complaints Bureau" to "the Shenzhen Municipal Foreign Affairs Office", "the Special Economic Zone",
 * "a county committee member in Hunan", "the Municipal Economic and Trade Commission", "Changsha
 * University" and "the Changsha Municipal People's Congress".
 *
 * <p>Rotation: each month a unit head (an official at the unit's top rank, below the centre) who has
 * held the post at least {@code rotationMonths} is put up for rotation with probability
 * {@code rotationRate}; those put up at the same level and rank are shuffled and swapped in pairs, so
 * leaders cross units and sectors and no post is ever over-filled. Punitive transfer (mechanism 8):
 * the reformer moves to a vacant post of equal rank in a sideline unit (a university or a people's
 * congress) at the same level, tried up to {@code transferTries} random units; if none has a
 * vacancy, the transfer fails and the retaliation stays a blocked promotion.
 */
public final class Careers {

    public record Parameters(
            @Param(value = "Months a head must hold a post before rotation.", unit = "months", min = 0, max = 600)
            double rotationMonths,
            @Param(value = "Probability per month that an eligible head is rotated.", unit = "share per month", min = 0, max = 1)
            double rotationRate,
            @Param(value = "Random sideline units tried for a punitive transfer.", unit = "units", min = 0, max = 1000)
            int transferTries) implements java.io.Serializable {

        public static final Parameters DEFAULTS = new Parameters(60, 0.03, 20);
    }

    private Careers() {
    }
}
