package org.officialdom.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.officialdom.lab.analysis.PairedDifference;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report of a comparison, ranked: the differences that matter first (by standardised effect,
 * {@link PairedDifference#LARGEST_FIRST}) with their intervals, the metrics identical in A and B
 * in one line, the largest differences as a dot chart with intervals, A and B over time with their
 * paired difference and its band for the metrics that differ most (on the run's months, ending
 * where the runs end), and the full table last, folded.
 */
final class ComparisonReport {

    /** Differences drawn in the dot chart and the first table. */
    static final int TOP = 12;
    /** Metrics drawn over time outside the folded part. */
    static final int OVER_TIME = 6;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One row of the comparison: a metric's statistic and its paired difference. */
    record Row(String metric, String statistic, PairedDifference diff) {
    }

    private ComparisonReport() {
    }

    static String render(Connection c, String id) throws SQLException, IOException {
        List<Row> rows = new ArrayList<>();
        String a = null;
        String b = null;
        long replicates = 0;
        double confidence = 0.95;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT metric, statistic, scenario_a, scenario_b, replicates, mean_a, mean_b, mean_diff, sd_diff, ci_low, ci_high,
                       confidence, verdict FROM comparisons WHERE comparison_id = ?""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    a = rs.getString(3);
                    b = rs.getString(4);
                    replicates = rs.getLong(5);
                    confidence = rs.getDouble(12);
                    rows.add(new Row(rs.getString(1), rs.getString(2), new PairedDifference((int) replicates, rs.getDouble(6),
                            rs.getDouble(7), rs.getDouble(8), orNaN(rs, 9), orNaN(rs, 10), orNaN(rs, 11), confidence, rs.getString(13))));
                }
            }
        }
        List<Row> ranked = rank(rows);
        List<Row> differing = ranked.stream().filter(r -> !PairedDifference.IDENTICAL.equals(r.diff().verdict())).toList();
        List<Row> identical = ranked.subList(differing.size(), ranked.size());
        long clear = differing.stream().filter(r -> r.diff().clear()).count();
        String model = StoreReport.first(c, "SELECT r.model FROM comparison_runs x JOIN runs r USING (run_id) WHERE x.comparison_id = ? LIMIT 1", id);
        Map<String, String[]> declared = StoreReport.declarations(c, model);
        String percent = Math.round(confidence * 100) + " %";

        HtmlPage page = new HtmlPage("Comparison: " + b + " against " + a).header(
                "Both scenarios were run with the same seeds, replicate by replicate (common random numbers), so each"
                        + " difference is paired.",
                "Differences are between hypotheses, not forecasts.");

        page.section("summary", "In short");
        page.paragraph(String.format(Locale.ROOT, "Of %d compared summaries (%d metrics; %s), %d differ clearly (the %s interval of B − A "
                + "excludes 0), %d show no clear difference and %d are identical in A and B. Ranked by standardised effect: the mean "
                + "paired difference over the standard deviation of the differences (a difference the same in every replicate has no "
                + "spread and comes after the others).", rows.size(),
                rows.stream().map(Row::metric).distinct().count(), String.join(", ", rows.stream().map(Row::statistic).distinct().toList()),
                clear, percent, differing.size() - clear, identical.size()));
        StringBuilder ol = new StringBuilder("<ol class=\"summary\">");
        for (Row r : differing.stream().filter(r -> r.diff().clear()).limit(5).toList()) {
            PairedDifference d = r.diff();
            ol.append("<li><b>").append(d.meanDiff() > 0 ? "B higher" : "B lower").append("</b>: ").append(HtmlPage.esc(label(r, declared)))
                    .append(": ").append(HtmlPage.num(d.meanA())).append(" in A, ").append(HtmlPage.num(d.meanB())).append(" in B (")
                    .append(signed(d.meanDiff())).append(relative(d)).append("; ").append(percent).append(" interval ")
                    .append(HtmlPage.num(d.ciLow())).append(" to ").append(HtmlPage.num(d.ciHigh())).append(")</li>");
        }
        page.raw(ol.append("</ol>\n").toString());
        if (!identical.isEmpty()) {
            Set<String> same = new LinkedHashSet<>();
            identical.forEach(r -> same.add(r.metric()));
            page.raw("<p id=\"identical\">Identical in A and B (" + identical.size() + " rows, " + same.size() + " metrics): "
                    + HtmlPage.esc(String.join(", ", same)) + ".</p>\n");
        }
        page.table(table(differing.subList(0, Math.min(TOP, differing.size())), declared, percent, true));
        page.endSection();

        page.section("headline", "Headline numbers").facts(List.of(new String[] {"comparison", id},
                new String[] {"A", a}, new String[] {"B", b}, new String[] {"replicates", Long.toString(replicates)},
                new String[] {"intervals", percent + " t intervals of the paired differences"})).endSection();

        page.section("differences", "The largest differences, with their intervals");
        List<Row> charted = differing.stream().filter(r -> Double.isFinite(r.diff().effect())).limit(TOP).toList();
        if (charted.isEmpty()) {
            page.paragraph(differing.isEmpty() ? "No metric differs between A and B." : "Every difference is the same in every replicate "
                    + "(no spread to standardise by); see the table above.");
        } else {
            page.chart(effects(charted, declared, percent), charted.size(), 90 + 30 * charted.size());
        }
        page.endSection();

        String[] axis = axis(c, id);
        page.section("series", "A and B over time");
        page.paragraph("The metrics that differ most: the median over replicates of A and of B with their 10–90 % bands, and below, "
                + "the paired difference B − A replicate by replicate (median and 10–90 % band).");
        Set<String> metrics = new LinkedHashSet<>();
        differing.forEach(r -> metrics.add(r.metric()));
        List<String> order = new ArrayList<>(metrics);
        int drawn = 0;
        for (String m : order.subList(0, Math.min(OVER_TIME, order.size()))) {
            drawn += overTime(page, c, id, m, declared.getOrDefault(m, new String[] {"", ""}), a, b, axis);
        }
        if (order.size() > OVER_TIME) {
            page.fold("The other " + (order.size() - OVER_TIME) + " metrics that differ, in the same order");
            for (String m : order.subList(OVER_TIME, order.size())) {
                drawn += overTime(page, c, id, m, declared.getOrDefault(m, new String[] {"", ""}), a, b, axis);
            }
            page.endFold();
        }
        if (drawn == 0) {
            page.paragraph("Nothing to draw: A and B are identical.");
        }
        page.endSection();

        page.section("table", "Every row");
        page.fold("All " + rows.size() + " rows, ranked as above").table(table(ranked, declared, percent, false)).endFold().endSection();
        return page.render();
    }

    /** Differences that matter first; ties in declaration order of the rows. */
    static List<Row> rank(List<Row> rows) {
        List<Row> out = new ArrayList<>(rows);
        out.sort((x, y) -> PairedDifference.LARGEST_FIRST.compare(x.diff(), y.diff()));
        return out;
    }

    private static List<List<String>> table(List<Row> rows, Map<String, String[]> declared, String percent, boolean described) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("metric", "statistic", "mean A", "mean B", "B − A", percent + " interval", "B − A in % of A", "effect (sd)", "verdict"));
        for (Row r : rows) {
            PairedDifference d = r.diff();
            out.add(List.of(described ? label(r, declared).replace(" (" + r.statistic() + ")", "") : r.metric(), r.statistic(),
                    HtmlPage.num(d.meanA()), HtmlPage.num(d.meanB()), signed(d.meanDiff()),
                    "[" + HtmlPage.num(d.ciLow()) + ", " + HtmlPage.num(d.ciHigh()) + "]",
                    d.meanA() != 0 ? String.format(Locale.ROOT, "%+.1f %%", 100 * d.meanDiff() / Math.abs(d.meanA())) : "–",
                    effect(d.effect()), d.verdict()));
        }
        return out;
    }

    /** A metric's readable name with its statistic: its description when short, else its name in words. */
    static String label(Row r, Map<String, String[]> declared) {
        String[] d = declared.get(r.metric());
        String name = d != null && d[1] != null && !d[1].isBlank() && d[1].length() <= 56 ? d[1] : r.metric().replace('_', ' ');
        return name + " (" + r.statistic() + ")";
    }

    private static String relative(PairedDifference d) {
        return d.meanA() != 0 ? String.format(Locale.ROOT, ", %+.1f %% of A", 100 * d.meanDiff() / Math.abs(d.meanA())) : "";
    }

    private static String signed(double v) {
        return (v > 0 ? "+" : "") + HtmlPage.num(v);
    }

    private static String effect(double e) {
        if (Double.isInfinite(e)) {
            return e > 0 ? "+∞" : "−∞";
        }
        return Double.isNaN(e) ? "–" : String.format(Locale.ROOT, "%+.2f", e);
    }

    private static double orNaN(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    /** The largest differences as dots with their intervals, in standard deviations of the paired differences. */
    static ObjectNode effects(List<Row> rows, Map<String, String[]> declared, String percent) {
        ObjectNode o = NODES.objectNode();
        o.putObject("title").put("text", "B − A, largest standardised effect first").put("left", 4)
                .put("subtext", "dot: mean paired difference ÷ sd of the differences; line: its " + percent + " interval on the same scale");
        o.putObject("tooltip").put("trigger", "item");
        o.putObject("grid").put("top", 62).put("left", 12).put("right", 40).put("bottom", 24).put("containLabel", true);
        o.putObject("xAxis").put("type", "value").putObject("splitLine").put("show", true);
        ObjectNode y = o.putObject("yAxis").put("type", "category").put("inverse", true);
        ArrayNode names = y.putArray("data");
        y.putObject("axisLabel").put("interval", 0);
        ArrayNode series = o.putArray("series");
        ObjectNode whiskers = series.addObject().put("name", percent + " interval").put("type", "boxplot").put("layout", "horizontal");
        whiskers.putArray("boxWidth").add(2).add(2);
        whiskers.putObject("itemStyle").put("color", "#4e79a7").put("borderColor", "#4e79a7");
        ArrayNode wd = whiskers.putArray("data");
        ObjectNode dots = series.addObject().put("name", "standardised effect").put("type", "scatter").put("symbolSize", 10);
        dots.putObject("itemStyle").put("color", "#1f3b73");
        ArrayNode dd = dots.putArray("data");
        for (Row r : rows) {
            PairedDifference d = r.diff();
            String name = label(r, declared);
            names.add(name.length() > 52 ? name.substring(0, 50) + "…" : name);
            double lo = d.ciLow() / d.sdDiff();
            double hi = d.ciHigh() / d.sdDiff();
            double e = Math.round(d.effect() * 1000) / 1000.0;
            wd.addArray().add(round(lo)).add(e).add(e).add(e).add(round(hi));
            dd.addArray().add(e).add(names.get(names.size() - 1).asString());
        }
        ObjectNode zero = dots.putObject("markLine").put("symbol", "none").put("silent", true);
        zero.putObject("lineStyle").put("color", "#888");
        zero.putObject("label").put("show", false);
        zero.putArray("data").addObject().put("xAxis", 0);
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The time axis of the comparison: month labels when A's scenario has dates, step numbers else; it ends at the last step run. */
    static String[] axis(Connection c, String id) throws SQLException {
        int last = 0;
        String source = null;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT max(m.step), any_value(r.scenario_source) FROM comparison_runs x JOIN runs r USING (run_id)
                JOIN metrics m ON m.run_id = x.run_id WHERE x.comparison_id = ? AND x.side = 'A'""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    last = rs.getInt(1);
                    source = rs.getString(2);
                }
            }
        }
        Scenario sc = scenario(source);
        String[] out = new String[last + 1];
        for (int s = 0; s <= last; s++) {
            out[s] = sc != null && sc.start() != null ? sc.labelOf(s) : Integer.toString(s);
        }
        return out;
    }

    /** The scenario a run came from, when it can still be read (a built-in one, or a file that is still there). */
    private static Scenario scenario(String source) {
        if (source == null) {
            return null;
        }
        try {
            if (source.startsWith("built-in scenario ")) {
                return ScenarioLoader.builtIn(source.substring("built-in scenario ".length()).strip());
            }
            Path file = Path.of(source);
            return Files.isRegularFile(file) ? ScenarioLoader.load(file) : null;
        } catch (RuntimeException e) {
            return null; // the axis falls back to step numbers
        }
    }

    /** A and B over time (median and 10–90 % band), and their paired difference below; returns the points drawn. */
    private static int overTime(HtmlPage page, Connection c, String id, String metric, String[] declared, String a, String b, String[] axis)
            throws SQLException {
        ObjectNode o = NODES.objectNode();
        String unit = declared[0] == null ? "" : declared[0];
        String description = declared[1] == null ? "" : declared[1];
        o.putObject("title").put("left", 4).put("text", description.isBlank() || description.length() > 70 ? metric.replace('_', ' ') : description)
                .put("subtext", (unit.isBlank() ? "" : unit + "; ") + "median over replicates and 10–90 % band; below: B − A, paired");
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("legend").put("top", 48).put("left", 4);
        o.putObject("axisPointer").putArray("link").addObject().put("xAxisIndex", "all");
        ArrayNode grids = o.putArray("grid");
        grids.addObject().put("top", 102).put("height", 160).put("left", 72).put("right", 36);
        grids.addObject().put("top", 296).put("height", 90).put("left", 72).put("right", 36);
        ArrayNode xs = o.putArray("xAxis");
        ArrayNode ys = o.putArray("yAxis");
        for (int g = 0; g < 2; g++) {
            ObjectNode x = xs.addObject().put("type", "category").put("gridIndex", g).put("boundaryGap", false);
            ArrayNode data = x.putArray("data");
            for (String l : axis) {
                data.add(l);
            }
            x.putObject("axisLabel").put("show", g == 1).put("hideOverlap", true);
            ObjectNode y = ys.addObject().put("type", "value").put("gridIndex", g).put("scale", true).put("splitNumber", g == 0 ? 4 : 2);
            y.put("name", g == 0 ? "A and B" : "B − A").put("nameLocation", "end").putObject("nameTextStyle").put("align", "left");
        }
        ArrayNode series = o.putArray("series");
        int points = 0;
        String[] colours = {"#4e79a7", "#e15759"};
        for (int side = 0; side < 2; side++) {
            double[][] q = quantiles(c, """
                    SELECT m.step, median(m.value), quantile_cont(m.value, 0.1), quantile_cont(m.value, 0.9)
                    FROM comparison_runs x JOIN metrics m ON m.run_id = x.run_id
                    WHERE x.comparison_id = ? AND m.metric = ? AND x.side = ? GROUP BY m.step ORDER BY m.step""",
                    axis.length, id, metric, side == 0 ? "A" : "B");
            String name = (side == 0 ? "A: " : "B: ") + (side == 0 ? a : b);
            RunChart.area(series, "band-" + side, name, colours[side], 0, q[1], q[2], 0.18);
            ObjectNode line = series.addObject().put("id", "median-" + side).put("name", name).put("type", "line").put("showSymbol", false)
                    .put("xAxisIndex", 0).put("yAxisIndex", 0);
            line.set("data", RunChart.values(q[0]));
            line.putObject("itemStyle").put("color", colours[side]);
            points += count(q[0]);
        }
        double[][] d = quantiles(c, """
                SELECT ma.step, median(mb.value - ma.value), quantile_cont(mb.value - ma.value, 0.1), quantile_cont(mb.value - ma.value, 0.9)
                FROM comparison_runs xa JOIN comparison_runs xb
                  ON xb.comparison_id = xa.comparison_id AND xb.replicate = xa.replicate AND xb.side = 'B'
                JOIN metrics ma ON ma.run_id = xa.run_id
                JOIN metrics mb ON mb.run_id = xb.run_id AND mb.step = ma.step AND mb.metric = ma.metric
                WHERE xa.comparison_id = ? AND xa.side = 'A' AND ma.metric = ? GROUP BY ma.step ORDER BY ma.step""",
                axis.length, id, metric);
        RunChart.area(series, "band-d", "B − A", "#555", 1, d[1], d[2], 0.18);
        ObjectNode diff = series.addObject().put("id", "difference").put("name", "B − A").put("type", "line").put("showSymbol", false)
                .put("xAxisIndex", 1).put("yAxisIndex", 1);
        diff.set("data", RunChart.values(d[0]));
        diff.putObject("itemStyle").put("color", "#333");
        ObjectNode zero = diff.putObject("markLine").put("symbol", "none").put("silent", true);
        zero.putObject("lineStyle").put("color", "#999").put("type", "dashed");
        zero.putObject("label").put("show", false);
        zero.putArray("data").addObject().put("yAxis", 0);
        if (points == 0) {
            return 0;
        }
        page.chart(o, points, 430);
        return points;
    }

    /** Median, low and high per step on the axis (NaN where a step has no value). */
    private static double[][] quantiles(Connection c, String sql, int steps, Object... params) throws SQLException {
        double[][] q = new double[3][steps];
        for (double[] row : q) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int step = rs.getInt(1);
                    if (step >= 0 && step < steps) {
                        for (int k = 0; k < 3; k++) {
                            q[k][step] = rs.getDouble(k + 2);
                        }
                    }
                }
            }
        }
        return q;
    }

    private static int count(double[] v) {
        int n = 0;
        for (double x : v) {
            n += Double.isFinite(x) ? 1 : 0;
        }
        return n;
    }
}
