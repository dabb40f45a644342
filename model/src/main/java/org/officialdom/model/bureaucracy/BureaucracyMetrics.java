package org.officialdom.model.bureaucracy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.officialdom.engine.Metric.ChartStyle;
import org.officialdom.engine.MetricSet;
import org.officialdom.engine.MetricTable;

/**
 * The outputs of the bureaucracy model that belong to no one mechanism (headcounts, competence, the
 * live page's charts) and its three-line summary. Each mechanism declares its own outputs in its
 * class; {@link Bureaucracy#metrics} lists them in order.
 */
final class BureaucracyMetrics {

    private BureaucracyMetrics() {
    }

    /** The organisation's headcount: in all, by rank and by level. */
    static void headcounts(MetricSet s, Counts c, Organisation org) {
        int R = org.ranks();
        s.alone();
        s.add("headcount", "officials", "Officials in post at the end of the step", () -> c.headcount);
        s.chart("Headcount by rank", ChartStyle.STACKED);
        for (int r = 0; r < R; r++) {
            int rr = r;
            String name = rankName(r, R);
            s.add("headcount_" + name, "officials", "Officials at rank " + Rank.label(r, R), () -> c.headByRank.length > rr ? c.headByRank[rr] : 0);
        }
        s.chart("Headcount by level", ChartStyle.STACKED);
        if (org.levels() == Level.values().length) {
            for (Level l : Level.values()) {
                s.add("headcount_" + l.label(), "officials", "Officials in units at " + l.label() + " level",
                        () -> c.headByLevel.length > l.ordinal() ? c.headByLevel[l.ordinal()] : 0);
            }
        }
    }

    /** A rank's name in metric names: clerk … ministerial, or level_k for an organisation with another number of ranks. */
    static String rankName(int r, int ranks) {
        return ranks == Rank.values().length ? Rank.values()[r].name().toLowerCase() : "level_" + (ranks - r);
    }

    /** The organisation's competence: Pluchino et al.'s global efficiency (under the tournament's weights in force) and the mean. */
    static void competence(MetricSet s, Counts c, Supplier<Tournament.Parameters> tournament) {
        s.alone();
        s.add("efficiency", "percent", "Pluchino et al.'s global efficiency: 100 Σ w_r C_r / (10 Σ w_r n_r)",
                () -> Tournament.efficiency(tournament.get(), c.competenceByRank, c.postsByRank));
        s.add("competence_mean", "competence (1-10)", "Mean competence of officials in post", () -> {
            double sum = 0;
            for (double v : c.competenceByRank) {
                sum += v;
            }
            return c.headcount == 0 ? 0 : sum / c.headcount;
        });
    }

    /**
     * The live page's charts: the headline charts, then the organisation now; each group is read
     * back from the report chart its loop declared it in, so the page cannot drift from the metrics.
     */
    static void page(MetricSet s, Organisation org) {
        s.page("EVLN mix", ChartStyle.STACKED, s.inChart("EVLN mix"));
        s.page("Morale and stress", ChartStyle.LINES, "morale_mean", "stress_mean");
        s.page("Exits by route", ChartStyle.LINES, s.inChart("Exits by route"));
        s.page("Gift-circle share", ChartStyle.LINES, "circle_share");
        s.page("Public party exits", ChartStyle.LINES, "party_exits");
        s.page("Service output", ChartStyle.LINES, "output_per_official");
        if (org.levels() == Level.values().length) {
            s.page("Organisation now: officials by level", ChartStyle.BARS, s.inChart("Headcount by level"));
        }
        s.page("Organisation now: officials by rank", ChartStyle.BARS, s.inChart("Headcount by rank"));
    }

    static List<String> summary(Bureaucracy m, MetricTable t) {
        int last = t.rowCount() - 1;
        double[] head = t.column("headcount");
        double[] exits = t.column("exits");
        double[] hires = t.column("hires");
        double totalExits = 0;
        double totalHires = 0;
        double resign = 0;
        double emig = 0;
        double[] priv = t.column("exits_private_sector");
        double[] em = t.column("exits_emigration");
        double[] gift = t.column("promotions_gift");
        double[] merit = t.column("promotions_merit");
        double g = 0;
        double mr = 0;
        for (int i = 1; i <= last; i++) {
            totalExits += exits[i];
            totalHires += hires[i];
            resign += priv[i];
            emig += em[i];
            g += gift[i];
            mr += merit[i];
        }
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Bureaucracy: %,d officials in %,d units; %d steps. Headcount %,.0f -> %,.0f (%,.0f hired, %,.0f left: %,.0f to the private sector, %,.0f emigrated).",
                (long) head[0], m.organisation().units(), last, head[0], head[last], totalHires, totalExits, resign, emig));
        out.add(String.format(Locale.ROOT, "EVLN at the end: loyalty %.1f%%, voice %.1f%%, neglect %.1f%%, exit %.1f%%; morale %.2f -> %.2f, stress %.2f -> %.2f.",
                100 * t.column("evln_loyalty")[last], 100 * t.column("evln_voice")[last], 100 * t.column("evln_neglect")[last],
                100 * t.column("evln_exit")[last], t.column("morale_mean")[0], t.column("morale_mean")[last],
                t.column("stress_mean")[0], t.column("stress_mean")[last]));
        out.add(String.format(Locale.ROOT, "Circle share %.1f%% -> %.1f%%; promotions %,.0f on merit, %,.0f by gift; public party exits %,.0f; falsification gap %.1f%%; efficiency %.1f%% -> %.1f%%.",
                100 * t.column("circle_share")[0], 100 * t.column("circle_share")[last], mr, g,
                t.column("party_exits_cumulative")[last], 100 * t.column("falsification_gap")[last],
                t.column("efficiency")[0], t.column("efficiency")[last]));
        out.add("Start / lowest / highest / end: " + span(t, "evln_loyalty", "loyalty", 100, "%.1f", "%") + "; "
                + span(t, "evln_voice", "voice", 100, "%.1f", "%") + "; " + span(t, "evln_neglect", "neglect", 100, "%.1f", "%") + "; "
                + span(t, "evln_exit", "exit", 100, "%.1f", "%") + ".");
        out.add("Start / lowest / highest / end: " + span(t, "morale_mean", "morale", 1, "%.2f", "") + "; "
                + span(t, "stress_mean", "stress", 1, "%.2f", "") + "; " + span(t, "circle_share", "circle", 100, "%.1f", "%") + "; "
                + span(t, "output_per_official", "output per official", 1, "%.2f", "") + "; "
                + span(t, "public_quit_share", "members quit in public", 100, "%.1f", "%") + ".");
        return out;
    }

    /** A metric's start (step 0), lowest, highest and end value: {@code "morale 0.82 / 0.71 / 0.82 / 0.72"}. */
    static String span(MetricTable t, String metric, String label, double scale, String format, String unit) {
        double[] v = t.column(metric);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        String f = format + " / " + format + " / " + format + " / " + format + "%s";
        return label + " " + String.format(Locale.ROOT, f, scale * v[0], scale * lo, scale * hi, scale * v[v.length - 1], unit);
    }
}
