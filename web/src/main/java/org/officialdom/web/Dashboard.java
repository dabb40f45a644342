package org.officialdom.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.officialdom.engine.Metric;
import org.officialdom.model.bureaucracy.Level;
import org.officialdom.model.bureaucracy.Rank;

/**
 * The charts the page draws live: for the bureaucracy model the six the issue names (EVLN mix,
 * morale, exits by route, circle share, public party exits, service output); for any other model
 * its own declared charts. Labels and units come from the metric declarations.
 */
final class Dashboard {

    /** One chart: its title, how it is drawn, and the metrics in it. */
    record Chart(String title, String style, List<Metric> metrics) {
    }

    private record Spec(String title, String style, Predicate<String> picks) {
    }

    private static final List<String> LEVELS = java.util.Arrays.stream(Level.values())
            .map(l -> "headcount_" + l.label()).toList();
    private static final List<String> RANKS = java.util.Arrays.stream(Rank.values())
            .map(r -> "headcount_" + r.name().toLowerCase(java.util.Locale.ROOT)).toList();

    private static final List<Spec> BUREAUCRACY = List.of(
            new Spec("EVLN mix", "STACKED", n -> n.startsWith("evln_")),
            new Spec("Morale and stress", "LINES", n -> n.equals("morale_mean") || n.equals("stress_mean")),
            new Spec("Exits by route", "LINES", n -> n.startsWith("exits_")),
            new Spec("Gift-circle share", "LINES", n -> n.equals("circle_share")),
            new Spec("Public party exits", "LINES", n -> n.equals("party_exits")),
            new Spec("Service output", "LINES", n -> n.equals("output_per_official")),
            // the organisation view: the hierarchy now, as bars of the latest step
            new Spec("Organisation now: officials by level", "BARS", n -> LEVELS.contains(n)),
            new Spec("Organisation now: officials by rank", "BARS", n -> RANKS.contains(n)));

    private static final int MAX_OTHER_CHARTS = 6;

    private Dashboard() {
    }

    static List<Chart> of(String model, List<Metric> declared) {
        List<Chart> out = new ArrayList<>();
        if (model.equals("bureaucracy")) {
            for (Spec s : BUREAUCRACY) {
                List<Metric> ms = declared.stream().filter(m -> s.picks().test(m.name())).toList();
                if (!ms.isEmpty()) {
                    out.add(new Chart(s.title(), s.style(), ms));
                }
            }
            return out;
        }
        List<String> titles = new ArrayList<>();
        for (Metric m : declared) {
            if (!titles.contains(m.chart())) {
                titles.add(m.chart());
            }
        }
        for (String t : titles.subList(0, Math.min(MAX_OTHER_CHARTS, titles.size()))) {
            List<Metric> ms = declared.stream().filter(m -> m.chart().equals(t)).toList();
            out.add(new Chart(t, ms.get(0).style().name(), ms));
        }
        return out;
    }
}
