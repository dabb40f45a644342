package org.officialdom.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's headline metrics in numbers, one column per calendar year (per 12 steps for a run
 * without dates): flows (units "per step") as the total over the year, levels as their value at
 * the year's last step. Rows are grouped under the model's headline charts.
 */
final class YearTable {

    /** A column: its heading and the indices of the steps it covers. */
    record Period(String label, int from, int to) {
    }

    private YearTable() {
    }

    /** The periods of the run: calendar years by the run's month labels, or blocks of 12 steps. */
    static List<Period> periods(RunData run) {
        String[] labels = run.labels();
        List<Period> out = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= labels.length; i++) {
            boolean end = i == labels.length
                    || (run.monthly() ? !labels[i].substring(0, 4).equals(labels[from].substring(0, 4)) : i - from == 12);
            if (end) {
                out.add(new Period(run.monthly() ? labels[from].substring(0, 4) : "steps " + labels[from] + "–" + labels[i - 1], from, i - 1));
                from = i;
            }
        }
        return out;
    }

    /** The value of a metric over a period: a flow's total, a level's last value. */
    static double value(RunData.Series s, Period p) {
        double[] v = s.values();
        if (RunChart.flow(List.of(s))) {
            double sum = 0;
            for (int i = p.from(); i <= p.to(); i++) {
                sum += Double.isFinite(v[i]) ? v[i] : 0;
            }
            return sum;
        }
        return v[p.to()];
    }

    static String format(RunData.Series s, double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        if (s.unit().equals("share")) {
            return String.format(Locale.ROOT, "%.1f %%", 100 * v);
        }
        if (RunChart.flow(List.of(s)) || (v == Math.rint(v) && Math.abs(v) >= 1)) {
            return String.format(Locale.ROOT, "%,d", Math.round(v));
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    /** The table as HTML, or nothing when the folder does not say which metrics are its headline. */
    static String html(RunData run) {
        if (run.headlines().isEmpty() || run.labels().length == 0) {
            return "";
        }
        Map<String, RunData.Series> byName = new LinkedHashMap<>();
        run.series().forEach(s -> byName.put(s.name(), s));
        List<Period> periods = periods(run);
        StringBuilder h = new StringBuilder();
        h.append("<h3>").append(run.monthly() ? "Year by year" : "Every 12 steps").append("</h3>\n<p class=\"caption\">")
                .append("Counts per step are totals over the ").append(run.monthly() ? "year" : "12 steps")
                .append("; levels and shares are the value at its last ").append(run.monthly() ? "month" : "step")
                .append(". The run covers ").append(HtmlPage.esc(run.labels()[0])).append(" to ")
                .append(HtmlPage.esc(run.labels()[run.labels().length - 1])).append(", so the first and last columns may be part-years.</p>\n");
        h.append("<div class=\"wide\"><table class=\"years\"><thead><tr><th></th>");
        for (Period p : periods) {
            h.append("<th>").append(HtmlPage.esc(p.label())).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (RunData.Headline chart : run.headlines()) {
            List<RunData.Series> ss = chart.metrics().stream().map(byName::get).filter(java.util.Objects::nonNull).toList();
            if (ss.isEmpty()) {
                continue;
            }
            List<String> names = RunChart.names(ss);
            String unit = ss.get(0).unit();
            h.append("<tr class=\"group\"><th colspan=\"").append(periods.size() + 1).append("\">").append(HtmlPage.esc(chart.title()))
                    .append(unit.isEmpty() ? "" : " <small>(" + HtmlPage.esc(RunChart.flow(ss) ? unit.replace("per step", "per year") : unit) + ")</small>")
                    .append("</th></tr>\n");
            for (int i = 0; i < ss.size(); i++) {
                RunData.Series s = ss.get(i);
                h.append("<tr data-metric=\"").append(HtmlPage.esc(s.name())).append("\"><td title=\"").append(HtmlPage.esc(s.description()))
                        .append("\">").append(HtmlPage.esc(ss.size() == 1 ? RunChart.readable(s) : names.get(i))).append("</td>");
                for (Period p : periods) {
                    h.append("<td>").append(format(s, value(s, p))).append("</td>");
                }
                h.append("</tr>\n");
            }
        }
        return h.append("</tbody></table></div>\n").toString();
    }
}
