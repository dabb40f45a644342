package org.officialdom.model.bureaucracy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.officialdom.engine.Metric.ChartStyle;
import org.officialdom.engine.MetricSet;
import org.officialdom.engine.MetricTable;

/** The declared outputs of the bureaucracy model (name, unit, description, probe) and its summary. */
final class BureaucracyMetrics {

    private BureaucracyMetrics() {
    }

    static MetricSet declare(Bureaucracy m) {
        Counts c = m.counts();
        MetricSet s = new MetricSet();
        int R = m.organisation().ranks;
        s.add("headcount", "officials", "Officials in post at the end of the step", () -> c.headcount);
        s.chart("Headcount by rank", ChartStyle.STACKED);
        for (int r = 0; r < R; r++) {
            int rr = r;
            String name = R == Rank.values().length ? Rank.values()[r].name().toLowerCase() : "level_" + (R - r);
            s.add("headcount_" + name, "officials", "Officials at rank " + Rank.label(r, R), () -> c.headByRank.length > rr ? c.headByRank[rr] : 0);
        }
        s.chart("Headcount by level", ChartStyle.STACKED);
        if (m.organisation().levels == Level.values().length) {
            for (Level l : Level.values()) {
                s.add("headcount_" + l.label(), "officials", "Officials in units at " + l.label() + " level",
                        () -> c.headByLevel.length > l.ordinal() ? c.headByLevel[l.ordinal()] : 0);
            }
        }
        s.alone();
        s.add("vacancies_bottom", "posts", "Vacant bottom-rank posts before recruitment", () -> c.vacancies);
        s.add("hires", "officials per step", "Recruits who entered this step", () -> c.hires);
        s.add("applicants_per_post", "applicants per post", "Exam applicants per vacant bottom post", () -> c.applicantsPerPost);
        s.add("exits", "officials per step", "Officials who left this step, all routes", c::exitsTotal);
        s.chart("Exits by route", ChartStyle.STACKED);
        for (ExitRoute r : ExitRoute.values()) {
            if (r != ExitRoute.NONE) {
                s.add("exits_" + r.name().toLowerCase(), "officials per step", "Officials who left this step: " + r.label(), () -> c.exits[r.ordinal()]);
            }
        }
        s.chart("Promotions: merit vs gift", ChartStyle.LINES);
        s.add("promotions_merit", "promotions per step", "Promotions won on merit (or without gifts deciding)", () -> c.meritPromotions);
        s.add("promotions_gift", "promotions per step", "Promotions won by a circle member over a more competent rival", () -> c.giftPromotions);
        s.chart("Careers: rotations and punitive transfers", ChartStyle.LINES);
        s.add("rotations", "officials per step", "Unit heads rotated to another unit", () -> c.rotations);
        s.add("punitive_transfers", "officials per step", "Reformers transferred to a sideline unit", () -> c.punitiveTransfers);
        s.chart("Gift circle share, overall and by level", ChartStyle.LINES);
        s.add("circle_share", "share", "Share of officials in the gift circle", () -> c.circleShare);
        if (m.organisation().levels == Level.values().length) {
            for (Level l : Level.values()) {
                s.add("circle_share_" + l.label(), "share", "Share in the gift circle, " + l.label() + " level",
                        () -> c.circleByLevel.length > l.ordinal() ? c.circleByLevel[l.ordinal()] : 0);
            }
        }
        s.chart("Gift circle: joined, refused, left", ChartStyle.LINES);
        s.add("circle_joined", "officials per step", "Officials who gave gifts and entered the circle", () -> c.circle[Circle.Kernel.JOINED]);
        s.add("circle_refused", "officials per step", "Officials who refused an invitation into the circle", () -> c.circle[Circle.Kernel.REFUSED]);
        s.add("circle_left", "officials per step", "Members who left the circle", () -> c.circle[Circle.Kernel.LEFT]);
        s.chart("Investigations and dismissals: guilty vs fabricated", ChartStyle.LINES);
        s.add("investigations", "officials per step", "Officials investigated by the discipline commission", () -> c.investigations[Investigation.Kernel.INVESTIGATED]);
        s.add("dismissals_guilty", "officials per step", "Dismissals of guilty circle members", () -> c.exits[ExitRoute.DISMISSAL_GUILTY.ordinal()]);
        s.add("dismissals_fabricated", "officials per step", "Dismissals of innocents on fabricated accusations", () -> c.exits[ExitRoute.DISMISSAL_FABRICATED.ordinal()]);
        s.chart("Voice and retaliation", ChartStyle.LINES);
        s.add("voice_actions", "actions per step", "Reform actions by officials in the Voice stance", () -> c.voice[Voice.Kernel.ACTIONS]);
        s.add("enemies_made", "enemies per step", "Enemies made by reform actions", () -> c.voice[Voice.Kernel.ENEMIES]);
        s.add("retaliations", "retaliations per step", "Retaliations against reformers (blocked promotion, transfer, accusation)", () -> c.voice[Voice.Kernel.RETALIATIONS]);
        s.chart("EVLN mix", ChartStyle.STACKED);
        for (Stance st : Stance.values()) {
            s.add("evln_" + st.name().toLowerCase(), "share", "Share of officials in the " + st.name().toLowerCase() + " stance", () -> c.stances[st.ordinal()]);
        }
        s.chart("Morale: mean and deciles", ChartStyle.BAND);
        s.add("morale_mean", "morale (0-1)", "Mean morale", () -> c.morale[0]);
        for (int d = 1; d <= 9; d++) {
            int dd = d;
            s.add("morale_p" + d * 10, "morale (0-1)", d * 10 + "th percentile of morale (0.01 bins)", () -> c.morale[dd]);
        }
        s.chart("Stress: mean and deciles", ChartStyle.BAND);
        s.add("stress_mean", "stress (0-1)", "Mean stress", () -> c.stress[0]);
        for (int d = 1; d <= 9; d++) {
            int dd = d;
            s.add("stress_p" + d * 10, "stress (0-1)", d * 10 + "th percentile of stress (0.01 bins)", () -> c.stress[dd]);
        }
        s.chart("Quotas: met, paid out of pocket, penalised", ChartStyle.LINES);
        s.add("quota_met", "officials per step", "Quotas met by work", () -> c.quotas[Pressures.MET]);
        s.add("quota_out_of_pocket", "officials per step", "Quotas met by paying out of one's own pocket", () -> c.quotas[Pressures.PAID]);
        s.add("quota_penalties", "officials per step", "Penalties for missed quotas", () -> c.quotas[Pressures.PENALISED]);
        s.alone();
        s.add("output", "competence-10 full-time months", "Public-service output of all officials this step", () -> c.output);
        s.add("output_per_official", "share", "Output per official (1: a competence-10 official working fully)", () -> c.headcount == 0 ? 0 : c.output / c.headcount);
        s.chart("Public party exits per step", ChartStyle.LINES);
        s.add("party_exits", "officials per step", "Members who publicly renounced the party this step", () -> c.partyExits);
        s.alone();
        s.add("party_exits_cumulative", "officials", "Public party exits since the start (including those who left since)", () -> c.partyExitsCumulative);
        s.add("falsification_gap", "share", "Share of officials privately opposed (support < 1/2) yet publicly compliant",
                () -> c.headcount == 0 ? 0 : (double) c.falsifiers / c.headcount);
        s.add("efficiency", "percent", "Pluchino et al.'s global efficiency: 100 Σ w_r C_r / (10 Σ w_r n_r)",
                () -> Tournament.efficiency(m.parameters().tournament(), c.competenceByRank, c.postsByRank));
        s.add("competence_mean", "competence (1-10)", "Mean competence of officials in post", () -> {
            double sum = 0;
            for (double v : c.competenceByRank) {
                sum += v;
            }
            return c.headcount == 0 ? 0 : sum / c.headcount;
        });
        // the live page: the headline charts, then the organisation now; each group is read back
        // from the report chart its loop declared it in, so the page cannot drift from the metrics
        s.page("EVLN mix", ChartStyle.STACKED, s.inChart("EVLN mix"));
        s.page("Morale and stress", ChartStyle.LINES, "morale_mean", "stress_mean");
        s.page("Exits by route", ChartStyle.LINES, s.inChart("Exits by route"));
        s.page("Gift-circle share", ChartStyle.LINES, "circle_share");
        s.page("Public party exits", ChartStyle.LINES, "party_exits");
        s.page("Service output", ChartStyle.LINES, "output_per_official");
        if (m.organisation().levels == Level.values().length) {
            s.page("Organisation now: officials by level", ChartStyle.BARS, s.inChart("Headcount by level"));
        }
        s.page("Organisation now: officials by rank", ChartStyle.BARS, s.inChart("Headcount by rank"));
        return s;
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
        return out;
    }
}
