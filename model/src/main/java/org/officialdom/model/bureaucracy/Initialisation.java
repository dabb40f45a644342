package org.officialdom.model.bureaucracy;

import java.util.Arrays;
import org.officialdom.engine.Parallel;
import org.officialdom.engine.random.RandomStream;
import org.officialdom.engine.random.RandomStreams;

/**
 * The officials in post at the start (docs/odd.md, "Initialisation"): each unit's posts of each
 * rank are filled to about {@code fill} of them, the officials drawn from the same trait
 * distributions as recruits ({@link Recruitment#draw}), with ages and service spread over a career,
 * a party-exit threshold for members, and the head of their unit (of the parent unit, for a head) as
 * patron.
 */
final class Initialisation {

    private Initialisation() {
    }

    /** The officials of a fresh run of {@code org}, laid out unit by unit, rank by rank; fills {@code org}'s occupied posts. */
    static Officials staff(BureaucracyParameters parameters, Organisation org, RandomStreams streams, Parallel parallel) {
        int units = org.units();
        int R = org.ranks();
        RandomStream fillDraw = streams.stream("organisation");
        double fill = parameters.organisation().fill();
        long total = 0;
        int[] count = new int[units * R];
        for (int u = 0; u < units; u++) {
            for (int r = 0; r <= org.topRank(u); r++) {
                int n = (int) Math.floor(fill * org.posts(u, r) + fillDraw.uniform(u * (long) R + r, 0, 2));
                count[u * R + r] = Math.min(org.posts(u, r), n);
                total += count[u * R + r];
            }
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many officials for one table: " + total);
        }
        // no one holds more than one post, so the posts bound the headcount: the table never grows
        Officials o = new Officials(0);
        o.table.reserve((int) Math.min(Integer.MAX_VALUE - 16, Math.max(total, org.totalPosts())), parallel);
        o.table.addMany((int) total);
        int row = 0;
        int[] unit = o.unit.values();
        byte[] rank = o.rank.values();
        for (int k = 0; k < count.length; k++) {
            for (int i = 0; i < count[k]; i++) {
                unit[row] = k / R;
                rank[row] = (byte) (k % R);
                row++;
            }
            org.staff(k / R, k % R, count[k]);
        }
        Recruitment.Parameters rp = parameters.recruitment();
        RandomStream traits = streams.stream("officials");
        RandomStream thresholds = streams.stream("thresholds");
        double circle0 = parameters.circle().initialShare();
        double retire = parameters.exits().retirementAge();
        double oldest = Math.min(retire, 65);
        boolean custom = !parameters.organisation().customPosts().isEmpty();
        parallel.forEach(o.size(), c -> {
            for (int i = c.from(); i < c.to(); i++) {
                long id = o.table.id(i);
                int r = rank[i];
                double age = custom
                        ? Recruitment.clip(rp.entryAge() + rp.entryAgeSd() * traits.normal(id, 0, 20), 18, retire)
                        : youngest(rp, r, oldest) + (oldest - youngest(rp, r, oldest)) * traits.uniform(id, 0, 20);
                Recruitment.draw(o, i, rp, traits, 0, r, age, 0, circle0, 0);
                double tenure = custom ? 0 : Math.max(0, age - rp.entryAge() - rp.entryAgeSd() * Math.abs(traits.normal(id, 0, 21)));
                o.tenure.values()[i] = Officials.months(12 * tenure);
                o.inPost.values()[i] = Officials.months(12 * Math.min(tenure, 10 * traits.uniform(id, 0, 44)));
                o.threshold.values()[i] = o.member.values()[i]
                        ? PartyExit.threshold(parameters.partyExit(), thresholds.normal(id, 0, 0))
                        : Double.POSITIVE_INFINITY;
            }
        });
        assignPatrons(o, org);
        return o;
    }

    /**
     * The youngest age at a rank at the start: the entry age plus three years a rank, short of the
     * oldest age by at least a year. Ages at a rank are drawn uniform from it to the oldest, with no
     * one piled at the oldest age (who would all retire in the first months).
     */
    private static double youngest(Recruitment.Parameters rp, int rank, double oldest) {
        return Math.min(rp.entryAge() + 3 * rank, oldest - 1);
    }

    /**
     * Each official's patron is the head of its unit (of the parent unit for the head itself); of a
     * unit with several officials at its top rank, the one with the lowest id.
     */
    private static void assignPatrons(Officials o, Organisation org) {
        int units = org.units();
        int[] head = new int[units];
        Arrays.fill(head, -1);
        for (int i = 0; i < o.size(); i++) {
            int u = o.unit.values()[i];
            int id = o.table.id(i);
            if (o.rank.values()[i] == org.topRank(u) && (head[u] < 0 || id < head[u])) {
                head[u] = id;
            }
        }
        for (int i = 0; i < o.size(); i++) {
            int u = o.unit.values()[i];
            int h = head[u];
            int id = o.table.id(i);
            if (h == id || h < 0) {
                int p = org.tree().parent(u);
                h = p >= 0 ? head[p] : -1;
            }
            o.patron.values()[i] = h;
        }
    }
}
