package org.officialdom.model.bureaucracy;

import java.util.Arrays;
import org.officialdom.engine.GroupCounts;
import org.officialdom.engine.Parallel;

/**
 * What each unit's officials see of their colleagues, measured once a step and read by the next
 * passes: the share in the gift circle (the unit's norm, mechanism 5), the share of reformers
 * (mechanism 8), the share who left (mechanism 9's colleagues, mechanism 10's exit pressure), the
 * share of members who quit the party in public and the share punished (mechanism 14); and, by
 * level, the circle's promotion premium (mechanism 5). Passes read values measured before them, so
 * that no official sees a neighbour's change of the same pass.
 */
final class UnitClimate {

    private final float[] circleShare;
    private final float[] reformShare;
    private final float[] exitRate;
    private final float[] quitShare;
    private final float[] punishedRate;
    /** Per unit: how what its officials have seen (colleagues quitting, colleagues punished) has moved their private support. */
    private final float[] seen;
    /** By level: officials in the circle and all officials, at the last measure. */
    private long[] membersByLevel = new long[0];
    private long[] staffByLevel = new long[0];
    /** By level: the circle's promotion premium (annual), as officials saw it over the last year. */
    private double[] premium = new double[0];
    private GroupCounts perUnit;

    UnitClimate(int units, int levels) {
        circleShare = new float[units];
        reformShare = new float[units];
        exitRate = new float[units];
        quitShare = new float[units];
        punishedRate = new float[units];
        seen = new float[units];
        premium = new double[levels];
    }

    /** The circle's premium over all levels, each level weighted by its officials. */
    double meanPremium() {
        long staff = 0;
        double sum = 0;
        for (int l = 0; l < premium.length && l < staffByLevel.length; l++) {
            staff += staffByLevel[l];
            sum += premium[l] * staffByLevel[l];
        }
        return staff == 0 ? 0 : sum / staff;
    }

    /** Per unit: the share in the gift circle, last step. */
    float[] circleShares() {
        return circleShare;
    }

    /** Per unit: the share in the Voice stance, last step. */
    float[] reformShares() {
        return reformShare;
    }

    /** Per unit: the share who left, last step (per step, not per year). */
    float[] exitRates() {
        return exitRate;
    }

    /** Per unit: the share of its party members who have quit the party in public, last step. */
    float[] quitShares() {
        return quitShare;
    }

    /** Per unit: the share of its officials dismissed after an investigation, last step (per step). */
    float[] punishedRates() {
        return punishedRate;
    }

    /** Per unit: how much what its officials have seen has moved their private support ({@link PartyExit#seen}). */
    float[] seen() {
        return seen;
    }

    /**
     * By level: the circle's promotion premium, what a gift buys: the annual probability of
     * promotion of the circle's members at that level minus that of the others, averaged over about
     * the last year ({@link #promotions}).
     */
    double[] premium() {
        return premium;
    }

    /**
     * Takes this step's promotions by the winner's new level and membership into the premium: the
     * step's rates (wins over the members, and over the others, at the level at the last measure),
     * per year, averaged exponentially with a mean age of a year.
     */
    void promotions(long[] memberWins, long[] otherWins, double months) {
        int levels = memberWins.length;
        double weight = 1 - Math.exp(-months / 12);
        for (int l = 0; l < levels; l++) {
            long members = membersByLevel.length > l ? membersByLevel[l] : 0;
            long others = staffByLevel.length > l ? staffByLevel[l] - members : 0;
            double now = 12 / months * ((members == 0 ? 0 : (double) memberWins[l] / members)
                    - (others == 0 ? 0 : (double) otherWins[l] / others));
            premium[l] += weight * (now - premium[l]);
        }
    }

    /** The sums by level and (level, sector) that {@link #measure} returns with the unit values. */
    record Sums(double[] circleByLevel, long[] staffByCell) {
    }

    /**
     * Measures every unit from the officials in post; leavers count toward the exit rate when
     * {@code withLeavers} (at initialisation no one has left).
     */
    Sums measure(Officials o, Organisation org, boolean withLeavers, Parallel parallel) {
        int units = org.units();
        if (perUnit == null || perUnit.groups() != units) {
            perUnit = new GroupCounts(units, WIDTH, parallel.threads());
        }
        // per unit: staff, in the circle, leaving, in Voice, party members, public quitters, punished
        // (dismissed after an investigation). The rows are mostly in unit order (the index compacts
        // them), so a run of one unit's rows is counted in locals and added at once.
        GroupCounts ut = perUnit;
        ut.reset(parallel);
        parallel.forEach(o.size(), c -> {
            int[] unit = o.unit.values();
            boolean[] circle = o.circle.values();
            boolean[] leave = o.leave.values();
            byte[] stance = o.stance.values();
            boolean[] member = o.member.values();
            boolean[] quit = o.publicExit.values();
            byte[] route = o.route.values();
            int w = c.worker();
            int current = -1;
            int[] n = new int[WIDTH];
            for (int i = c.from(); i < c.to(); i++) {
                int u = unit[i];
                if (u != current) {
                    if (n[STAFF] > 0) {
                        add(ut, w, current, n);
                    }
                    current = u;
                    java.util.Arrays.fill(n, 0);
                }
                n[STAFF]++;
                n[CIRCLE] += circle[i] ? 1 : 0;
                n[LEAVING] += withLeavers && leave[i] ? 1 : 0;
                n[VOICE] += stance[i] == Stance.VOICE.ordinal() ? 1 : 0;
                n[MEMBERS] += member[i] ? 1 : 0;
                n[QUITTERS] += member[i] & quit[i] ? 1 : 0;
                n[PUNISHED] += withLeavers && leave[i] && ExitRoute.punishment(route[i]) ? 1 : 0;
            }
            if (n[STAFF] > 0) {
                add(ut, w, current, n);
            }
        });
        int levels = org.levels();
        int sectors = Sector.values().length;
        // in the circle by level, then staff by level, then staff by (level, sector)
        long[] sums = parallel.counts(units, 2 * levels + levels * sectors, (c, n) -> {
            for (int u = c.from(); u < c.to(); u++) {
                long staff = ut.count(u, STAFF);
                long cs = ut.count(u, CIRCLE);
                long members = ut.count(u, MEMBERS);
                circleShare[u] = staff == 0 ? 0f : (float) ((double) cs / staff);
                exitRate[u] = staff == 0 ? 0f : (float) ((double) ut.count(u, LEAVING) / staff);
                reformShare[u] = staff == 0 ? 0f : (float) ((double) ut.count(u, VOICE) / staff);
                quitShare[u] = members == 0 ? 0f : (float) ((double) ut.count(u, QUITTERS) / members);
                punishedRate[u] = staff == 0 ? 0f : (float) ((double) ut.count(u, PUNISHED) / staff);
                n[org.levelOf(u)] += cs;
                n[levels + org.levelOf(u)] += staff;
                n[2 * levels + org.levelOf(u) * sectors + org.sectorIndex(u)] += staff;
            }
        });
        double[] circleByLevel = new double[levels];
        membersByLevel = Arrays.copyOfRange(sums, 0, levels);
        staffByLevel = Arrays.copyOfRange(sums, levels, 2 * levels);
        for (int l = 0; l < levels; l++) {
            long staff = sums[levels + l];
            circleByLevel[l] = staff == 0 ? 0 : (double) sums[l] / staff;
        }
        return new Sums(circleByLevel, Arrays.copyOfRange(sums, 2 * levels, sums.length));
    }

    private static final int STAFF = 0;
    private static final int CIRCLE = 1;
    private static final int LEAVING = 2;
    private static final int VOICE = 3;
    private static final int MEMBERS = 4;
    private static final int QUITTERS = 5;
    private static final int PUNISHED = 6;
    private static final int WIDTH = 7;

    private static void add(GroupCounts ut, int worker, int unit, int[] n) {
        for (int k = 0; k < WIDTH; k++) {
            ut.add(worker, unit, k, n[k]);
        }
    }

    /** Writes the climate to a checkpoint: every unit's shares and rates, and the sums and premium by level. */
    void save(org.officialdom.engine.CheckpointWriter out) throws java.io.IOException {
        out.putFloats("circle_share", circleShare);
        out.putFloats("reform_share", reformShare);
        out.putFloats("exit_rate", exitRate);
        out.putFloats("quit_share", quitShare);
        out.putFloats("punished_rate", punishedRate);
        out.putFloats("seen", seen);
        out.putLongs("members_by_level", membersByLevel);
        out.putLongs("staff_by_level", staffByLevel);
        out.putDoubles("premium", premium);
    }

    /** Reads what {@link #save} wrote into this climate, made for as many units and levels. */
    void load(org.officialdom.engine.CheckpointReader in) throws java.io.IOException {
        in.getFloatsInto("circle_share", circleShare);
        in.getFloatsInto("reform_share", reformShare);
        in.getFloatsInto("exit_rate", exitRate);
        in.getFloatsInto("quit_share", quitShare);
        in.getFloatsInto("punished_rate", punishedRate);
        in.getFloatsInto("seen", seen);
        membersByLevel = in.getLongs("members_by_level");
        staffByLevel = in.getLongs("staff_by_level");
        premium = in.getDoubles("premium", premium.length, 0);
    }
}
