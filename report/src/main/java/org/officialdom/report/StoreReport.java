package org.officialdom.report;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.officialdom.lab.AtomicFile;
import org.officialdom.lab.store.ResultStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reports of experiments and comparisons, read from the result store: every analysed metric with
 * its spread over replicates (median and a 10–90 % band), factor effects, sensitivity indices as
 * bars with their intervals, and a comparison's paired differences with intervals.
 */
public final class StoreReport {

    /** Design points drawn one by one; beyond this, one median and band over all runs. */
    static final int MAX_POINTS_DRAWN = 8;
    /** How many sensitivity results the summary of an experiment names. */
    static final int SENSITIVITY_TOLD = 6;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StoreReport() {
    }

    /** What a report was written from, for messages. */
    public record Written(Path file, String kind, String id) {
    }

    /** Draws the report of one kind of stored work from its id. */
    private interface Renderer {
        String render(Connection c, String id) throws SQLException, IOException;
    }

    /** A kind of stored work: its name in messages, the query that finds its id (bound to the id or name), its report. */
    private record Kind(String label, String lookup, int binds, Renderer renderer) {
    }

    /** Looked up in this order; ids and names are distinct across kinds in practice. */
    private static final List<Kind> KINDS = List.of(
            new Kind("experiment", "SELECT experiment_id FROM experiments WHERE experiment_id = ? OR name = ? ORDER BY created_at DESC LIMIT 1",
                    2, StoreReport::experiment),
            new Kind("comparison", "SELECT comparison_id FROM comparisons WHERE comparison_id = ? LIMIT 1", 1, ComparisonReport::render),
            new Kind("lever table", "SELECT lever_table_id FROM lever_tables WHERE lever_table_id = ? OR name = ? ORDER BY created_at DESC LIMIT 1",
                    2, StoreReport::leverTable),
            new Kind("explanation", "SELECT explain_id FROM explanations WHERE explain_id = ? LIMIT 1", 1, StoreReport::explanation),
            new Kind("calibration", "SELECT calibration_id FROM abc_calibrations WHERE calibration_id = ? OR name = ? "
                    + "ORDER BY created_at DESC LIMIT 1", 2, CalibrationReport::render));

    /**
     * Writes the report of the experiment, comparison, lever table, explanation or ABC calibration
     * with this id (or an experiment's, lever table's or calibration's name, the latest of that name).
     *
     * @throws IllegalArgumentException if the store holds none of them by that id or name
     */
    public static Written write(ResultStore store, String idOrName, Path target) throws IOException, SQLException {
        Connection c = store.connection();
        for (Kind k : KINDS) {
            String id = k.binds() == 2 ? first(c, k.lookup(), idOrName, idOrName) : first(c, k.lookup(), idOrName);
            if (id != null) {
                AtomicFile.writeString(target, k.renderer().render(c, id));
                return new Written(target, k.label(), id);
            }
        }
        throw new IllegalArgumentException("no experiment, comparison, lever table, explanation or ABC calibration '" + idOrName
                + "' in " + store.file());
    }

    static String experiment(Connection c, String id) throws SQLException, IOException {
        String name;
        String design;
        String text;
        long runs;
        try (PreparedStatement ps = c.prepareStatement("SELECT name, design, text, runs FROM experiments WHERE experiment_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                name = rs.getString(1);
                design = rs.getString(2);
                text = rs.getString(3);
                runs = rs.getLong(4);
            }
        }
        JsonNode spec = YAMLMapper.builder().build().readTree(text);
        String model = first(c, "SELECT r.model FROM experiment_runs e JOIN runs r USING (run_id) WHERE e.experiment_id = ? LIMIT 1", id);
        Map<String, String[]> declared = declarations(c, model);
        List<String> metrics = new ArrayList<>();
        if (spec.has("metrics")) {
            spec.get("metrics").forEach(m -> metrics.add(m.asString()));
        } else {
            metrics.addAll(declared.keySet());
        }
        int points = Integer.parseInt(first(c, "SELECT count(DISTINCT point) FROM experiment_runs WHERE experiment_id = ?", id));
        int replicates = Integer.parseInt(first(c, "SELECT count(DISTINCT replicate) FROM experiment_runs WHERE experiment_id = ?", id));
        List<String> factors = strings(c, "SELECT DISTINCT factor FROM design_points WHERE experiment_id = ? ORDER BY factor", id);

        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        Map<String, List<String>> groupFactors = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT method, metric, statistic, measure, factor, estimate, ci_low, ci_high FROM sensitivity
                WHERE experiment_id = ? ORDER BY method, metric, statistic, measure, factor""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) + ": " + rs.getString(4) + " of " + rs.getString(2) + " (" + rs.getString(3) + ")";
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {rs.getDouble(6), rs.getDouble(7), rs.getDouble(8)});
                    groupFactors.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString(5));
                }
            }
        }
        StringBuilder ul = new StringBuilder("<ul class=\"summary\">");
        ul.append("<li>").append(HtmlPage.esc(String.format(Locale.ROOT, "%s design over %s: %d design points × %d replicates = %d runs of %s.",
                design, factors.isEmpty() ? "no factor" : String.join(", ", factors), points, replicates, runs, model))).append("</li>");
        int told = 0;
        for (var g : groups.entrySet()) {
            if (told++ == SENSITIVITY_TOLD) {
                ul.append("<li>… and ").append(groups.size() - SENSITIVITY_TOLD).append(" more, in the sensitivity section.</li>");
                break;
            }
            List<double[]> est = g.getValue();
            List<String> fs = groupFactors.get(g.getKey());
            Integer[] order = new Integer[est.size()];
            java.util.Arrays.setAll(order, k -> k);
            java.util.Arrays.sort(order, (x, y) -> Double.compare(Math.abs(est.get(y)[0]), Math.abs(est.get(x)[0])));
            StringBuilder li = new StringBuilder(g.getKey()).append(": ");
            for (int k = 0; k < Math.min(2, order.length); k++) {
                double[] e = est.get(order[k]);
                li.append(k == 0 ? "largest " : ", then ").append(fs.get(order[k])).append(" ").append(HtmlPage.num(e[0]))
                        .append(Double.isNaN(e[1]) ? "" : " [" + HtmlPage.num(e[1]) + ", " + HtmlPage.num(e[2]) + "]");
            }
            ul.append("<li>").append(HtmlPage.esc(li.toString())).append("</li>");
        }
        if (groups.isEmpty()) {
            ul.append("<li>No sensitivity analysis (a morris or sobol design has one): the charts show each metric's spread and each factor's effect.</li>");
        }
        HtmlPage page = new HtmlPage("Experiment " + name).header(spec.path("title").asString(""),
                "Each point of the design was run with several seeds (replicates); bands show the spread over them.");
        page.section("summary", "In short").raw(ul.append("</ul>\n").toString()).endSection();
        page.section("headline", "Headline numbers").facts(List.of(
                new String[] {"experiment", id}, new String[] {"design", design}, new String[] {"model", model},
                new String[] {"design points", Integer.toString(points)}, new String[] {"replicates", Integer.toString(replicates)},
                new String[] {"runs", Long.toString(runs)}, new String[] {"factors", String.join(", ", factors)}));
        page.endSection();

        page.section("sensitivity", "Sensitivity indices with their intervals");
        if (groups.isEmpty()) {
            page.paragraph("This design has no sensitivity analysis (use a morris or sobol design).");
        }
        for (var g : groups.entrySet()) {
            page.chart(intervalBars(g.getKey(), groupFactors.get(g.getKey()), g.getValue()), g.getValue().size());
        }
        page.endSection();
        page.section("spread", "Metrics over time: median and 10–90 % band over replicates");
        for (String metric : metrics) {
            String[] d = declared.getOrDefault(metric, new String[] {"", ""});
            ObjectNode o = timeChart(metric.replace('_', ' '), d[1] + (d[0].isEmpty() ? "" : " (" + d[0] + ")"), d[0]);
            int drawn = 0;
            if (points <= MAX_POINTS_DRAWN) {
                Map<String, String> labels = pointLabels(c, id);
                for (int p = 0; p < points; p++) {
                    drawn += band(o, c, """
                            SELECT m.step, median(m.value), quantile_cont(m.value, 0.1), quantile_cont(m.value, 0.9)
                            FROM experiment_runs r JOIN metrics m ON m.run_id = r.run_id
                            WHERE r.experiment_id = ? AND m.metric = ? AND r.point = ? GROUP BY m.step ORDER BY m.step""",
                            labels.getOrDefault(Integer.toString(p), "point " + p), id, metric, p);
                }
            } else {
                drawn += band(o, c, """
                        SELECT m.step, median(m.value), quantile_cont(m.value, 0.1), quantile_cont(m.value, 0.9)
                        FROM experiment_runs r JOIN metrics m ON m.run_id = r.run_id
                        WHERE r.experiment_id = ? AND m.metric = ? GROUP BY m.step ORDER BY m.step""", "all runs", id, metric);
            }
            page.chart(o, drawn);
        }
        page.endSection();

        page.section("effects", "Factor effects: the final value of each run against each factor");
        for (String factor : factors) {
            for (String metric : metrics) {
                ObjectNode o = NODES.objectNode();
                o.putObject("title").put("text", metric.replace('_', ' ') + " by " + factor)
                        .put("subtext", "final value of each run; unit: " + declared.getOrDefault(metric, new String[] {"", ""})[0]);
                o.putObject("tooltip").put("trigger", "item");
                o.putObject("grid").put("top", 60).put("left", 70).put("right", 30).put("bottom", 50);
                o.putObject("xAxis").put("type", "value").put("name", factor).put("nameLocation", "middle").put("nameGap", 28).put("scale", true);
                o.putObject("yAxis").put("type", "value").put("scale", true);
                ObjectNode series = o.putArray("series").addObject().put("type", "scatter").put("symbolSize", 5);
                ArrayNode data = series.putArray("data");
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT d.value, s.final FROM experiment_runs r
                        JOIN design_points d ON d.experiment_id = r.experiment_id AND d.point = r.point AND d.factor = ?
                        JOIN summaries s ON s.run_id = r.run_id AND s.metric = ?
                        WHERE r.experiment_id = ? AND d.value IS NOT NULL ORDER BY r.point, r.replicate""")) {
                    ps.setString(1, factor);
                    ps.setString(2, metric);
                    ps.setString(3, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            data.addArray().add(rs.getDouble(1)).add(rs.getDouble(2));
                        }
                    }
                }
                if (!data.isEmpty()) {
                    page.chart(o, data.size());
                }
            }
        }
        page.endSection();

        page.section("file", "The experiment file").fold("The file as run").raw("<pre>" + HtmlPage.esc(text) + "</pre>").endFold().endSection();
        return page.render();
    }

    /** A lever table: per outcome, each lever's paired difference from the baseline with its interval, then every cell. */
    static String leverTable(Connection c, String id) throws SQLException, IOException {
        String name;
        String title;
        String baseline;
        String facts;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, title, baseline, levers, replicates, seed, window_from, window_to, confidence FROM lever_tables WHERE lever_table_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                name = rs.getString(1);
                title = rs.getString(2);
                baseline = rs.getString(3);
                facts = rs.getInt(4) + " levers, " + rs.getInt(5) + " paired replicates (seeds " + rs.getLong(6) + " to "
                        + (rs.getLong(6) + rs.getInt(5) - 1) + "), outcomes over steps " + rs.getInt(7) + " to " + rs.getInt(8)
                        + ", " + Math.round(rs.getDouble(9) * 100) + " % t intervals";
            }
        }
        HtmlPage page = new HtmlPage("Lever table " + name).header(title,
                "Each lever arm ran with the baseline's seeds, replicate by replicate (common random numbers), so each difference is paired.");
        page.section("headline", "Headline numbers").facts(List.of(new String[] {"lever table", id},
                new String[] {"baseline", baseline}, new String[] {"design", facts})).endSection();
        Map<String, List<String>> labels = new LinkedHashMap<>();
        Map<String, List<double[]>> values = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("lever", "outcome", "baseline", "lever arm", "lever − baseline", "interval", "excludes 0"));
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT lever_label, outcome_label, baseline_mean, lever_mean, mean_diff, ci_low, ci_high, excludes_zero
                FROM lever_effects WHERE lever_table_id = ? ORDER BY outcome, lever""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String outcome = rs.getString(2);
                    double diff = rs.getDouble(5);
                    boolean defined = !rs.wasNull();
                    double lo = rs.getDouble(6);
                    double hi = rs.getDouble(7);
                    if (defined) {
                        labels.computeIfAbsent(outcome, k -> new ArrayList<>()).add(rs.getString(1));
                        values.computeIfAbsent(outcome, k -> new ArrayList<>()).add(new double[] {diff, lo, hi});
                    }
                    rows.add(List.of(rs.getString(1), outcome, HtmlPage.num(rs.getDouble(3)), HtmlPage.num(rs.getDouble(4)),
                            defined ? HtmlPage.num(diff) : "-", "[" + HtmlPage.num(lo) + ", " + HtmlPage.num(hi) + "]",
                            rs.getBoolean(8) ? "yes" : ""));
                }
            }
        }
        page.section("effects", "Lever arm − baseline, by outcome, with intervals");
        for (Map.Entry<String, List<String>> o : labels.entrySet()) {
            page.chart(intervalBars(o.getKey(), o.getValue(), values.get(o.getKey())), o.getValue().size());
        }
        page.table(rows).endSection();
        return page.render();
    }

    /** An explanation: per metric a waterfall from the start through the drift and each group's contribution to the end, and the table. */
    static String explanation(Connection c, String id) throws SQLException, IOException {
        Map<String, List<Object[]>> parts = new LinkedHashMap<>();
        String facts = "";
        String scenario = "";
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT metric, part, mean, ci_low, ci_high, scenario, from_label, to_label, "window", replicates, method
                FROM explanations WHERE explain_id = ? ORDER BY metric, position""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Object[] {rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)});
                    scenario = rs.getString(6);
                    facts = "from " + rs.getString(7) + " to " + rs.getString(8) + " (means of " + rs.getInt(9) + " steps at each end); "
                            + rs.getInt(10) + " replicates under common random numbers; " + rs.getString(11);
                }
            }
        }
        HtmlPage page = new HtmlPage("Why it happened: " + scenario).header("Why it happened: " + scenario,
                "Each metric's change over the period, split into the model's own drift (no calendar) and one contribution per group "
                        + "of calendar entries (Shapley values: each group's effect averaged over every order in which the groups "
                        + "could have been added). The contributions add up to the change exactly.");
        page.section("headline", "Headline numbers").facts(List.of(new String[] {"explanation", id}, new String[] {"design", facts}))
                .endSection();
        page.section("waterfalls", "Contributions by group");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("metric", "part", "mean", "95 % interval"));
        for (Map.Entry<String, List<Object[]>> m : parts.entrySet()) {
            List<String> labels = new ArrayList<>();
            ArrayNode base = NODES.arrayNode();
            ArrayNode up = NODES.arrayNode();
            ArrayNode down = NODES.arrayNode();
            double running = 0;
            for (Object[] p : m.getValue()) {
                String part = (String) p[0];
                double v = (Double) p[1];
                rows.add(List.of(m.getKey(), part, HtmlPage.num(v),
                        part.equals("start") || part.equals("end") ? "" : "[" + HtmlPage.num((Double) p[2]) + ", " + HtmlPage.num((Double) p[3]) + "]"));
                if (part.startsWith("interaction") || part.equals("total change")) {
                    continue; // the interaction is inside the contributions; the total is the distance from start to end
                }
                labels.add(part);
                if (part.equals("start") || part.equals("end")) {
                    base.add(0);
                    up.add(v);
                    down.add(NODES.nullNode());
                    running = v;
                } else {
                    base.add(Math.min(running, running + v));
                    up.add(v >= 0 ? NODES.numberNode(v) : NODES.nullNode());
                    down.add(v < 0 ? NODES.numberNode(-v) : NODES.nullNode());
                    running += v;
                }
            }
            ObjectNode o = NODES.objectNode();
            o.putObject("title").put("text", m.getKey()).put("subtext", "start, the drift and each group's contribution, end");
            o.putObject("tooltip").put("trigger", "axis");
            o.putObject("grid").put("top", 60).put("left", 80).put("right", 30).put("bottom", 110);
            ArrayNode x = o.putObject("xAxis").put("type", "category").putArray("data");
            labels.forEach(x::add);
            ((ObjectNode) o.get("xAxis")).putObject("axisLabel").put("rotate", 35).put("interval", 0);
            o.putObject("yAxis").put("type", "value").put("scale", true);
            ArrayNode series = o.putArray("series");
            ObjectNode b = series.addObject().put("name", "base").put("type", "bar").put("stack", "w");
            b.putObject("itemStyle").put("color", "transparent");
            b.set("data", base);
            series.addObject().put("name", "raises").put("type", "bar").put("stack", "w").set("data", up);
            series.addObject().put("name", "lowers").put("type", "bar").put("stack", "w").set("data", down);
            page.chart(o, labels.size());
        }
        page.table(rows).endSection();
        return page.render();
    }

    private static ObjectNode timeChart(String title, String subtitle, String unit) {
        ObjectNode o = NODES.objectNode();
        o.putObject("title").put("text", title).put("subtext", subtitle);
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("legend").put("top", 40).put("type", "scroll");
        o.putObject("grid").put("top", 80).put("left", 70).put("right", 30).put("bottom", 50);
        o.putObject("xAxis").put("type", "value").put("name", "step").put("nameLocation", "middle").put("nameGap", 28);
        o.putObject("yAxis").put("type", "value").put("name", unit).put("scale", true);
        o.putArray("series");
        return o;
    }

    /** Adds a median line and a faint 10–90 % band; returns the number of points. */
    private static int band(ObjectNode chart, Connection c, String sql, String label, Object... params) throws SQLException {
        ArrayNode median = NODES.arrayNode();
        ArrayNode low = NODES.arrayNode();
        ArrayNode high = NODES.arrayNode();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int step = rs.getInt(1);
                    median.addArray().add(step).add(rs.getDouble(2));
                    low.addArray().add(step).add(rs.getDouble(3));
                    high.addArray().add(step).add(rs.getDouble(4));
                }
            }
        }
        ArrayNode series = (ArrayNode) chart.get("series");
        ObjectNode m = series.addObject().put("name", label).put("type", "line").put("showSymbol", false);
        m.set("data", median);
        m.putObject("lineStyle").put("width", 2);
        for (ArrayNode edge : List.of(low, high)) {
            ObjectNode e = series.addObject().put("name", label).put("type", "line").put("showSymbol", false);
            e.set("data", edge);
            e.putObject("lineStyle").put("width", 1).put("opacity", 0.4).put("type", "dashed");
        }
        return median.size();
    }

    /** Bars of estimates with whiskers for their intervals ([estimate, low, high] per label). */
    static ObjectNode intervalBars(String title, List<String> labels, List<double[]> values) {
        ObjectNode o = NODES.objectNode();
        o.putObject("title").put("text", title).put("subtext", "bars: estimate; whiskers: interval");
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("grid").put("top", 60).put("left", 70).put("right", 30).put("bottom", 90);
        ArrayNode x = o.putObject("xAxis").put("type", "category").putArray("data");
        labels.forEach(x::add);
        ((ObjectNode) o.get("xAxis")).putObject("axisLabel").put("rotate", labels.size() > 6 ? 40 : 0).put("interval", 0);
        o.putObject("yAxis").put("type", "value").put("scale", true);
        ArrayNode series = o.putArray("series");
        ArrayNode bars = series.addObject().put("name", "estimate").put("type", "bar").putArray("data");
        ArrayNode whiskers = series.addObject().put("name", "interval").put("type", "boxplot").put("boxWidth", 0).putArray("data");
        for (double[] v : values) {
            bars.add(v[0]);
            whiskers.addArray().add(v[1]).add(v[1]).add(v[0]).add(v[2]).add(v[2]);
        }
        return o;
    }

    static Map<String, String[]> declarations(Connection c, String model) throws SQLException {
        Map<String, String[]> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT metric, unit, description FROM metric_declarations WHERE model = ? ORDER BY rowid")) {
            ps.setString(1, model);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        return out;
    }

    /** "sd = 8, distribution = normal" for each design point. */
    private static Map<String, String> pointLabels(Connection c, String id) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT point, factor, level FROM design_points WHERE experiment_id = ? ORDER BY point, factor")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.merge(Integer.toString(rs.getInt(1)), rs.getString(2) + " = " + rs.getString(3), (p, q) -> p + ", " + q);
                }
            }
        }
        return out;
    }

    static String first(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static List<String> strings(Connection c, String sql, String param) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
