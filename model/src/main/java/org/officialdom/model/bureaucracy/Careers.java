package org.officialdom.model.bureaucracy;

import org.officialdom.engine.Metric.ChartStyle;
import org.officialdom.engine.MetricSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.officialdom.engine.Parallel;
import org.officialdom.engine.random.RandomStream;
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
            int transferTries) {

        public static final Parameters DEFAULTS = new Parameters(60, 0.03, 20);
    }

    private Careers() {
    }

    /** The figures of the careers pass: heads rotated, reformers transferred. */
    static final String FIGURES = "careers";
    static final int ROTATIONS = 0;
    static final int TRANSFERS = 1;

    /** The declared outputs of careers. */
    static void metrics(MetricSet s, Counts c) {
        double[] f = c.figures(FIGURES, 2);
        s.chart("Careers: rotations and punitive transfers", ChartStyle.LINES);
        s.add("rotations", "officials per step", "Unit heads rotated to another unit", () -> f[ROTATIONS]);
        s.add("punitive_transfers", "officials per step", "Reformers transferred to a sideline unit", () -> f[TRANSFERS]);
    }

    /** What the careers pass did this step. */
    record Moves(long rotations, long punitiveTransfers) {
    }

    /**
     * The pass: rotation of unit heads, then the punitive transfers the voice pass asked for.
     * Stream "careers": draw 0 for (id, step) puts a head up for rotation, a sequential generator
     * for (0, step) shuffles each level's list (taken in id order), draws 1.. for (id, step) pick
     * sideline units. Officials are taken in id order wherever one's move changes another's.
     *
     * @param transfers the ids of the officials to transfer, ascending (some may have left since)
     */
    static Moves move(Parameters p, double months, Officials o, Organisation org, int[] transfers, RandomStream s,
                      long step, Parallel parallel, Chronicle chronicle) {
        long rotations = rotate(p, months, o, org, s, step, parallel, chronicle);
        long moved = transfer(p, o, org, transfers, s, step, chronicle);
        return new Moves(rotations, moved);
    }

    /** Heads up for rotation, grouped by level, shuffled and swapped in pairs; returns the officials moved. */
    private static long rotate(Parameters p, double months, Officials o, Organisation org, RandomStream s, long step,
                               Parallel parallel, Chronicle chronicle) {
        int[] unit = o.unit.values();
        byte[] rank = o.rank.values();
        short[] inPost = o.inPost.values();
        double rate = 1 - Math.pow(1 - p.rotationRate(), months);
        List<List<Integer>> byLevel = new ArrayList<>();
        for (int l = 0; l < org.levels(); l++) {
            byLevel.add(new ArrayList<>());
        }
        if (rate > 0 && org.units() > 1) {
            int[] ids = o.table.ids();
            int[] due = parallel.select(o.size(), (c, out) -> {
                int k = 0;
                for (int i = c.from(); i < c.to(); i++) {
                    int u = unit[i];
                    if (u != 0 && rank[i] == org.topRank(u) && inPost[i] >= p.rotationMonths()
                            && s.uniform(ids[i], step, 0) < rate) {
                        out[k++] = i;
                    }
                }
                return k;
            });
            Integer[] byId = Arrays.stream(due).boxed().toArray(Integer[]::new);
            Arrays.sort(byId, Comparator.comparingInt(o.table::id));
            for (int i : byId) {
                byLevel.get(org.levelOf(unit[i])).add(i);
            }
        }
        long moved = 0;
        SplittableRandom shuffle = s.sequential(0, step);
        for (List<Integer> list : byLevel) {
            for (int k = list.size() - 1; k > 0; k--) {
                int j = shuffle.nextInt(k + 1);
                Integer tmp = list.get(k);
                list.set(k, list.get(j));
                list.set(j, tmp);
            }
            for (int k = 0; k + 1 < list.size(); k += 2) {
                int a = list.get(k);
                // a head is swapped with a head of another unit: look ahead for one
                for (int j = k + 1; j < list.size() && unit[list.get(k + 1)] == unit[a]; j++) {
                    if (unit[list.get(j)] != unit[a]) {
                        Integer tmp = list.get(k + 1);
                        list.set(k + 1, list.get(j));
                        list.set(j, tmp);
                    }
                }
                int b = list.get(k + 1);
                if (unit[b] == unit[a]) {
                    break;
                }
                int ua = unit[a];
                unit[a] = unit[b];
                unit[b] = ua;
                inPost[a] = 0;
                inPost[b] = 0;
                moved += 2;
                for (int x : new int[] {a, b}) {
                    int id = o.table.id(x);
                    if (chronicle.tracked(id)) {
                        chronicle.add(id, new CareerEvent.Rotated(unit[x]));
                    }
                }
            }
        }
        return moved;
    }

    /**
     * Each official to transfer who is still in post moves to a vacant post of its rank in a sideline
     * unit of its level, the first of up to {@code transferTries} random units that has one; returns
     * the officials moved.
     */
    private static long transfer(Parameters p, Officials o, Organisation org, int[] transfers, RandomStream s, long step,
                                 Chronicle chronicle) {
        int[] unit = o.unit.values();
        byte[] rank = o.rank.values();
        short[] inPost = o.inPost.values();
        long moved = 0;
        for (int id : transfers) {
            int i = o.table.rowOf(id);
            if (i < 0) {
                continue;
            }
            int lv = org.levelOf(unit[i]);
            int from = org.firstUnit(lv);
            int width = org.firstUnit(lv + 1) - from;
            int target = -1;
            for (int k = 0; k < p.transferTries() && width > 1; k++) {
                int u = from + s.nextInt(width, id, step, 1 + k);
                if (u != unit[i] && org.sectorOf(u).sideline() && rank[i] <= org.topRank(u) && org.vacancies(u, rank[i]) > 0) {
                    target = u;
                    break;
                }
            }
            if (target < 0) {
                continue;
            }
            org.move(unit[i], rank[i], target, rank[i]);
            unit[i] = target;
            inPost[i] = 0;
            moved++;
            if (chronicle.tracked(id)) {
                chronicle.add(id, new CareerEvent.Transferred(target));
            }
        }
        return moved;
    }
}
