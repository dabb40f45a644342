package org.officialdom.model.bureaucracy;

import org.officialdom.engine.Metric.ChartStyle;
import org.officialdom.engine.MetricSet;
import org.officialdom.engine.Chunk;
import org.officialdom.engine.EventBuffer;
import org.officialdom.engine.random.RandomStream;
import org.officialdom.model.parameter.Param;

/**
 * Mechanism 7, anti-corruption enforcement. Seed (001): "if someone wants to give you a hard time,
 * they can accuse you of bribery"; "You will be OK if no one makes trouble for you."
 *
 * <p>Monthly hazard of investigation:
 * {@code h = base · campaign · (1 + circleWeight·[circle] + enemyWeight·enemies + exitWeight·[public party exit])
 *            · (1 − patronProtection·[live patron])}, capped at 1.
 * An investigated circle member is convicted with probability {@code convictGuilty} (guilty
 * dismissal); an investigated official outside the circle who has quit the party in public is dismissed
 * for it with probability {@code dismissQuitter}; otherwise one with enemies is convicted with
 * probability {@code fabricate} (a fabricated conviction); a conviction is a dismissal. Fear of investigation,
 * {@code campaign · baseFear}, is added to the fear that breeds Neglect (mechanism 10).
 *
 * <p>Default base: about 0.03% of officials a year investigated before 2013, a stated assumption; the
 * CCDI punished 182,000 people in 2013 and 621,000 in 2018, roughly 0.2-0.7% of party members a year; the 2013 campaign multiplies it (calendar).
 */
public final class Investigation {

    public record Parameters(
            @Param(value = "Base probability of investigation per month.", unit = "share per month", min = 0, max = 1)
            double base,
            @Param(value = "Campaign intensity multiplying the base hazard.", unit = "multiplier", min = 0, max = 100, lever = true)
            double campaign,
            @Param(value = "Added relative hazard of gift-circle members.", unit = "multiplier", min = 0, max = 1000)
            double circleWeight,
            @Param(value = "Added relative hazard per enemy.", unit = "multiplier per enemy", min = 0, max = 1000)
            double enemyWeight,
            @Param(value = "Added relative hazard after a public party exit.", unit = "multiplier", min = 0, max = 100000)
            double exitWeight,
            @Param(value = "Share of the hazard a live patron removes.", unit = "share", min = 0, max = 1)
            double patronProtection,
            @Param(value = "Probability that an investigated circle member is convicted.", unit = "share", min = 0, max = 1)
            double convictGuilty,
            @Param(value = "Probability that an investigated innocent official with enemies is convicted anyway.", unit = "share", min = 0, max = 1)
            double fabricate,
            @Param(value = "Probability that an investigated official who quit the party in public is dismissed for it.", unit = "share", min = 0, max = 1)
            double dismissQuitter,
            @Param(value = "Fear of investigation per unit of campaign intensity.", unit = "fear (0-1)", min = 0, max = 1)
            double baseFear) {

        public static final Parameters DEFAULTS = new Parameters(0.00002, 1, 4, 3, 1000, 0.6, 0.8, 0.3, 0.8, 0.01);
    }

    /** What an investigation found. */
    public enum Verdict { NONE, ACQUITTED, GUILTY, FABRICATED, QUIT_DISMISSED }

    private Investigation() {
    }

    /** The figures of the investigation pass: {@link Kernel#INVESTIGATED}. */
    static final String FIGURES = "investigation";

    /**
     * The declared outputs of enforcement: investigations, the officials punished (convicted and
     * dismissed: guilty, fabricated, or for a public party exit), by rank, and the dismissals by cause.
     * The punished by rank are the model's side of the discipline commission's counts by cadre level.
     */
    static void metrics(MetricSet s, Counts c, int ranks) {
        double[] f = c.figures(FIGURES, Kernel.width(ranks));
        double[] exits = c.figures(Exits.DEPARTURES, Exits.ROUTES);
        s.chart("Investigations and dismissals: guilty vs fabricated", ChartStyle.LINES);
        s.add("investigations", "officials per step", "Officials investigated by the discipline commission", () -> f[Kernel.INVESTIGATED]);
        s.add("dismissals_guilty", "officials per step", "Dismissals of guilty circle members", () -> exits[ExitRoute.DISMISSAL_GUILTY.ordinal()]);
        s.add("dismissals_fabricated", "officials per step", "Dismissals of innocents on fabricated accusations",
                () -> exits[ExitRoute.DISMISSAL_FABRICATED.ordinal()]);
        s.chart("Officials punished by rank", ChartStyle.STACKED);
        s.add("punished", "officials per step", "Officials convicted and dismissed after an investigation (guilty, fabricated or for a public party exit)",
                () -> f[Kernel.PUNISHED]);
        for (int r = 0; r < ranks; r++) {
            int rr = r;
            s.add("punished_" + BureaucracyMetrics.rankName(r, ranks), "officials per step", "Officials punished at rank " + Rank.label(r, ranks),
                    () -> f[Kernel.PUNISHED + 1 + rr]);
        }
    }

    public static double hazard(Parameters p, boolean circle, int enemies, boolean publicExit, boolean protectedByPatron) {
        double h = p.base() * p.campaign() * (1 + (circle ? p.circleWeight() : 0) + p.enemyWeight() * enemies
                + (publicExit ? p.exitWeight() : 0)) * (protectedByPatron ? 1 - p.patronProtection() : 1);
        return Math.min(1.0, h);
    }

    /** Outcome given two uniforms: u1 decides the investigation, u2 the conviction. */
    public static Verdict verdict(Parameters p, double hazard, double u1, double u2, boolean circle, int enemies, boolean publicExit) {
        if (u1 >= hazard) {
            return Verdict.NONE;
        }
        if (circle) {
            return u2 < p.convictGuilty() ? Verdict.GUILTY : Verdict.ACQUITTED;
        }
        if (publicExit && u2 < p.dismissQuitter()) {
            return Verdict.QUIT_DISMISSED;
        }
        return enemies > 0 && u2 < p.fabricate() ? Verdict.FABRICATED : Verdict.ACQUITTED;
    }

    /**
     * What the circle risks: a member's added annual probability of being convicted,
     * {@code min(1, 12 · base · campaign · circleWeight · convictGuilty)} (the hazard's circle term,
     * without a patron's protection).
     */
    public static double addedRisk(Parameters p) {
        return Math.min(1.0, 12 * p.base() * p.campaign() * p.circleWeight() * p.convictGuilty());
    }

    public static double fear(Parameters p) {
        return Math.min(1.0, p.campaign() * p.baseFear());
    }

    /** A monthly probability turned into the probability over one step of {@code months} months. */
    static double perStep(double monthly, double months) {
        return months == 1 ? monthly : 1 - Math.pow(1 - monthly, months);
    }

    /**
     * The pass: draw 0 of stream "investigation" decides an investigation against the step's
     * hazard, draw 1 the verdict; a conviction marks the official to leave by dismissal.
     *
     * <p>The hazard without a patron's protection bounds the true one, and the verdict is NONE
     * whenever the first draw is above the hazard: most officials are settled by that bound, looked
     * up by (in the circle, quit the party in public, enemies), without reading whether their patron
     * still serves.
     */
    static final class Kernel implements RowKernel {

        static final int INVESTIGATED = 0;
        static final int PUNISHED = 1;

        /** The pass's figures: investigated, punished, punished at each of the {@code ranks} ranks. */
        static int width(int ranks) {
            return PUNISHED + 1 + ranks;
        }

        private final Parameters p;
        private final double months;
        /** The unprotected hazard per step, by {@code ((circle ? 2 : 0) + (quit ? 1 : 0)) · 256 + enemies}. */
        private final double[] bound;
        private final Officials o;
        private final RandomStream s;
        private final long step;

        Kernel(Parameters p, double months, Officials o, RandomStream s, long step) {
            this.p = p;
            this.months = months;
            this.bound = new double[4 * 256];
            for (int k = 0; k < 4; k++) {
                for (int b = 0; b < 256; b++) {
                    bound[k * 256 + b] = perStep(hazard(p, k >= 2, (byte) b, (k & 1) == 1, false), months);
                }
            }
            this.o = o;
            this.s = s;
            this.step = step;
        }

        @Override
        public void apply(Chunk c, long[] counts, EventBuffer notes) {
            boolean[] circle = o.circle.values();
            byte[] enemies = o.enemies.values();
            boolean[] quit = o.publicExit.values();
            int[] patron = o.patron.values();
            boolean[] leave = o.leave.values();
            byte[] route = o.route.values();
            byte[] rank = o.rank.values();
            int[] ids = o.table.ids();
            double[] bound = this.bound;
            long[] noted = notes.buffer(c.worker());
            int noteAt = 0;
            for (int i = c.from(); i < c.to(); i++) {
                int id = ids[i];
                double u1 = s.uniform(id, step, 0);
                if (u1 >= bound[((circle[i] ? 2 : 0) + (quit[i] ? 1 : 0)) * 256 + (enemies[i] & 0xFF)]) {
                    continue;
                }
                boolean protectedBy = patron[i] >= 0 && o.table.isLive(patron[i]);
                double h = perStep(hazard(p, circle[i], enemies[i], quit[i], protectedBy), months);
                Verdict v = verdict(p, h, u1, s.uniform(id, step, 1), circle[i], enemies[i], quit[i]);
                if (v == Verdict.NONE) {
                    continue;
                }
                counts[INVESTIGATED]++;
                if (v == Verdict.GUILTY || v == Verdict.FABRICATED || v == Verdict.QUIT_DISMISSED) {
                    leave[i] = true;
                    counts[PUNISHED]++;
                    counts[PUNISHED + 1 + rank[i]]++;
                    route[i] = (byte) (v == Verdict.GUILTY ? ExitRoute.DISMISSAL_GUILTY
                            : v == Verdict.FABRICATED ? ExitRoute.DISMISSAL_FABRICATED : ExitRoute.DISMISSAL_PARTY_EXIT).ordinal();
                }
                noteAt = notes.note(noted, noteAt, id, i, v.ordinal());
            }
            notes.keep(c, noted, noteAt);
        }

        @Override
        public CareerEvent event(int row, int code) {
            return new CareerEvent.Investigated(Verdict.values()[code]);
        }
    }
}
