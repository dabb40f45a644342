package org.officialdom.web;

import java.util.ArrayList;
import java.util.List;
import org.officialdom.engine.Metric;
import org.officialdom.engine.MetricSet;

/**
 * The charts the page draws live: the model's page charts ({@link MetricSet#page}), as it declares
 * them with its metrics; a model that declares none gets its first report charts. Labels and units
 * come from the metric declarations.
 */
final class Dashboard {

    /** One chart: its title, how it is drawn, and the metrics in it. */
    record Chart(String title, String style, List<Metric> metrics) {
    }

    private static final int MAX_REPORT_CHARTS = 6;

    private Dashboard() {
    }

    static List<Chart> of(MetricSet declared) {
        List<MetricSet.PageChart> pages = declared.pages();
        if (!pages.isEmpty()) {
            return pages.stream().map(p -> new Chart(p.title(), p.style().name(), p.metrics())).toList();
        }
        List<String> titles = new ArrayList<>();
        for (Metric m : declared.list()) {
            if (!titles.contains(m.chart())) {
                titles.add(m.chart());
            }
        }
        List<Chart> out = new ArrayList<>();
        for (String t : titles.subList(0, Math.min(MAX_REPORT_CHARTS, titles.size()))) {
            List<Metric> ms = declared.list().stream().filter(m -> m.chart().equals(t)).toList();
            out.add(new Chart(t, ms.get(0).style().name(), ms));
        }
        return out;
    }
}
