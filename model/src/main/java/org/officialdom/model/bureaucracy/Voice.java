package org.officialdom.model.bureaucracy;

import org.officialdom.engine.Metric.ChartStyle;
import org.officialdom.engine.MetricSet;
import java.util.ArrayList;
import java.util.List;
import org.officialdom.engine.Chunk;
import org.officialdom.engine.EventBuffer;
import org.officialdom.engine.random.RandomStream;
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
            @Param(value = "Relative weight of fabricated accusation among retaliations.", min = 0) double fabricated) {

        public static final Parameters DEFAULTS = new Parameters(0.3, 0.5, 0.3, 1, 1, 1);
    }

    /** The circle's answer to a reformer. */
    public enum Retaliation { NONE, BLOCKED_PROMOTION, PUNITIVE_TRANSFER, FABRICATED_ACCUSATION }

    private Voice() {
    }

    /** The figures of the voice pass: {@link Kernel#ACTIONS}, {@link Kernel#ENEMIES}, {@link Kernel#RETALIATIONS}. */
    static final String FIGURES = "voice";

    /** The declared outputs of voice. */
    static void metrics(MetricSet s, Counts c) {
        double[] f = c.figures(FIGURES, Kernel.COUNTS);
        s.chart("Voice and retaliation", ChartStyle.LINES);
        s.add("voice_actions", "actions per step", "Reform actions by officials in the Voice stance", () -> f[Kernel.ACTIONS]);
        s.add("enemies_made", "enemies per step", "Enemies made by reform actions", () -> f[Kernel.ENEMIES]);
        s.add("retaliations", "retaliations per step", "Retaliations against reformers (blocked promotion, transfer, accusation)",
                () -> f[Kernel.RETALIATIONS]);
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

    /**
     * The pass: each official in Voice acts with probability {@code 1 − (1 − actionRate)^months}
     * (draw 0 of stream "voice"), makes an enemy (draw 1) and draws retaliation (draw 2). The ids of
     * those the circle moves to transfer are kept for the careers pass ({@link #transfers}).
     */
    static final class Kernel implements RowKernel {

        static final int ACTIONS = 0;
        static final int ENEMIES = 1;
        static final int RETALIATIONS = 2;
        static final int COUNTS = 3;

        private final Parameters p;
        private final double act;
        private final Officials o;
        private final UnitClimate climate;
        private final RandomStream s;
        private final long step;
        /** The rows of this step's punitive transfers, noted for every official. */
        private final EventBuffer transfer;

        Kernel(Parameters p, double months, Officials o, UnitClimate climate, RandomStream s, long step, int workers) {
            this.p = p;
            this.act = 1 - Math.pow(1 - p.actionRate(), months);
            this.o = o;
            this.climate = climate;
            this.s = s;
            this.step = step;
            this.transfer = new EventBuffer(1, workers);
            transfer.begin(o.size());
        }

        @Override
        public void apply(Chunk c, long[] counts, EventBuffer notes) {
            byte[] stance = o.stance.values();
            int[] unit = o.unit.values();
            byte[] enemies = o.enemies.values();
            byte[] ret = o.retaliations.values();
            float[] circleShare = climate.circleShares();
            long[] noted = notes.buffer(c.worker());
            int noteAt = 0;
            long[] moved = transfer.buffer(c.worker());
            int movedAt = 0;
            for (int i = c.from(); i < c.to(); i++) {
                if (stance[i] != Stance.VOICE.ordinal()) {
                    continue;
                }
                long id = o.table.id(i);
                if (s.uniform(id, step, 0) >= act) {
                    continue;
                }
                counts[ACTIONS]++;
                double cs = circleShare[unit[i]];
                boolean enemy = s.uniform(id, step, 1) < p.enemyRate() * cs;
                if (enemy) {
                    enemies[i] = Officials.bump(enemies[i], 1);
                    counts[ENEMIES]++;
                }
                Retaliation r = retaliation(p, cs, s.uniform(id, step, 2));
                if (r != Retaliation.NONE) {
                    ret[i] = Officials.bump(ret[i], 1);
                    counts[RETALIATIONS]++;
                    if (r == Retaliation.PUNITIVE_TRANSFER) {
                        movedAt = transfer.note(moved, movedAt, (int) id, i, 0);
                    } else if (r == Retaliation.FABRICATED_ACCUSATION) {
                        enemies[i] = Officials.bump(enemies[i], 2);
                    }
                }
                noteAt = notes.note(noted, noteAt, (int) id, i, (enemy ? 1 : 0) | r.ordinal() << 1);
            }
            notes.keep(c, noted, noteAt);
            transfer.keep(c, moved, movedAt);
        }

        /** After the pass: the ids of the officials the circle moved to have transferred, ascending. */
        int[] transfers() {
            List<Integer> ids = new ArrayList<>();
            transfer.forEach((row, code) -> ids.add(o.table.id(row)));
            return ids.stream().mapToInt(Integer::intValue).sorted().toArray();
        }

        @Override
        public CareerEvent event(int row, int code) {
            return new CareerEvent.SpokeUp((code & 1) != 0, Retaliation.values()[code >> 1]);
        }
    }
}
