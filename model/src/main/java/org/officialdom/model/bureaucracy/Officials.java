package org.officialdom.model.bureaucracy;

import org.officialdom.engine.GroupIndex;
import org.officialdom.engine.Parallel;
import org.officialdom.engine.table.AgentTable;
import org.officialdom.engine.table.BoolColumn;
import org.officialdom.engine.table.ByteColumn;
import org.officialdom.engine.table.DoubleColumn;
import org.officialdom.engine.table.FloatColumn;
import org.officialdom.engine.table.IntColumn;
import org.officialdom.engine.table.ShortColumn;

/**
 * The officials as columns of one {@link AgentTable} (64 bytes per official with the table's id and
 * index). Fixed traits in [0, 1] are kept as unsigned bytes ({@link #trait(byte)}), times in months
 * as shorts, changing states as floats. The party-exit threshold is a double because the cascade
 * rule it feeds ({@code ThresholdCascade}) is shared, bit for bit, with Granovetter's model.
 *
 * <p>Column arrays are re-read through the accessors at the start of every pass: the table grows
 * when recruits arrive.
 */
public final class Officials {

    final AgentTable table;
    final IntColumn unit;
    final IntColumn patron;
    final ByteColumn rank;
    final ShortColumn age;        // months
    final ShortColumn tenure;     // months in the organisation
    final ShortColumn inPost;     // months in the current post
    final BoolColumn member;
    final BoolColumn circle;
    final BoolColumn publicExit;
    final BoolColumn leave;
    final ByteColumn route;       // ExitRoute ordinal of a leaver
    final ByteColumn stance;      // Stance ordinal
    final ByteColumn enemies;
    final ByteColumn retaliations;
    final ByteColumn support;     // private regime support, trait byte
    final ByteColumn motivation;  // public-service motivation, trait byte
    final ByteColumn ambition;
    final ByteColumn riskAversion;
    final ByteColumn foreignTies;
    final FloatColumn competence; // 1..10 (Pluchino's scale)
    final FloatColumn integrity;  // 0..1
    final FloatColumn morale;     // 0..1
    final FloatColumn stress;     // 0..1
    final FloatColumn savings;    // months of own pay
    final DoubleColumn threshold; // party-exit threshold (share of members seen quitting)

    Officials(int capacity) {
        table = new AgentTable(capacity);
        unit = table.addInt("unit");
        patron = table.addInt("patron");
        rank = table.addByte("rank");
        age = table.addShort("age_months");
        tenure = table.addShort("tenure_months");
        inPost = table.addShort("months_in_post");
        member = table.addBool("party_member");
        circle = table.addBool("gift_circle");
        publicExit = table.addBool("public_party_exit");
        leave = table.addBool("leaving");
        route = table.addByte("exit_route");
        stance = table.addByte("evln_stance");
        enemies = table.addByte("enemies");
        retaliations = table.addByte("retaliations");
        support = table.addByte("private_support");
        motivation = table.addByte("service_motivation");
        ambition = table.addByte("ambition");
        riskAversion = table.addByte("risk_aversion");
        foreignTies = table.addByte("foreign_ties");
        competence = table.addFloat("competence");
        integrity = table.addFloat("integrity");
        morale = table.addFloat("morale");
        stress = table.addFloat("stress");
        savings = table.addFloat("savings");
        threshold = table.addDouble("party_exit_threshold");
    }

    public int size() {
        return table.size();
    }

    public AgentTable table() {
        return table;
    }

    /** Everyone {@code months} older, in age, service and post (each saturates at {@code Short.MAX_VALUE}). */
    void age(int months, Parallel parallel) {
        short[] age = this.age.values();
        short[] ten = tenure.values();
        short[] post = inPost.values();
        short last = (short) (Short.MAX_VALUE - months); // older than this saturates at Short.MAX_VALUE
        parallel.forEach(size(), c -> {
            for (int i = c.from(); i < c.to(); i++) {
                age[i] = age[i] > last ? Short.MAX_VALUE : (short) (age[i] + months);
                ten[i] = ten[i] > last ? Short.MAX_VALUE : (short) (ten[i] + months);
                post[i] = post[i] > last ? Short.MAX_VALUE : (short) (post[i] + months);
            }
        });
    }

    /**
     * The key {@code unit × ranks + rank} of each row, read from the columns as they are now (a
     * reordering swaps the arrays: ask again after one): the groups of the (unit, rank) index.
     */
    GroupIndex.Keys byUnitAndRank(int ranks) {
        int[] u = unit.values();
        byte[] r = rank.values();
        return new GroupIndex.Keys() {
            @Override
            public int of(int row) {
                return u[row] * ranks + r[row];
            }

            @Override
            public void fill(int from, int to, int[] out) {
                for (int i = from; i < to; i++) {
                    out[i - from] = u[i] * ranks + r[i];
                }
            }
        };
    }

    /** A trait byte read as a number in [0, 1]. */
    public static float trait(byte b) {
        return (b & 0xFF) * (1f / 255f);
    }

    /** A number in [0, 1] stored as a trait byte (rounded to the nearest 1/255). */
    public static byte toTrait(double v) {
        double c = v < 0 ? 0 : (v > 1 ? 1 : v);
        return (byte) Math.round(c * 255.0);
    }

    /** Adds 1 to a counter byte, saturating at 127. */
    static byte bump(byte b, int by) {
        return (byte) Math.min(127, b + by);
    }

    static short months(double m) {
        return (short) Math.max(0, Math.min(Short.MAX_VALUE, Math.round(m)));
    }
}
