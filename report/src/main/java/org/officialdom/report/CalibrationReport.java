package org.officialdom.report;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.officialdom.lab.calibration.Prior;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report of an ABC-SMC calibration, read from the store's {@code abc_*} tables: the tolerance
 * schedule, each parameter's posterior against its prior, the posterior's correlations and the
 * most correlated pairs (identifiability), and the posterior predictive check per target with the
 * held-out years marked.
 */
final class CalibrationReport {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int BINS = 24;
    private static final int PAIRS_DRAWN = 6;
    /** A parameter counts as pinned down when its 90 % posterior interval is narrower than this share of its prior's. */
    static final double PINNED = 0.6;

    private CalibrationReport() {
    }

    static String render(Connection c, String id) throws SQLException, IOException {
        String name;
        String facts;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, scenario, parameters, particles, replicates, stop, simulations, seconds FROM abc_calibrations WHERE calibration_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                name = rs.getString(1);
                facts = String.format(Locale.ROOT, "scenario %s; %d parameters, %d particles, %d replicate(s) per proposal; %d simulations "
                        + "in %.0f s; stopped by %s", rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getLong(7),
                        rs.getDouble(8), rs.getString(6));
            }
        }
        List<Prior> priors = priors(c, id);
        int last = (int) single(c, "SELECT max(generation) FROM abc_generations WHERE calibration_id = ?", id);
        // the posterior sample: the last generation's particles and weights
        List<double[]> theta = new ArrayList<>();
        List<Double> weight = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT w.proposal, w.weight, p.parameter, p.value FROM abc_particles w
                JOIN abc_parameters p USING (calibration_id, generation, proposal)
                WHERE w.calibration_id = ? AND w.generation = ? ORDER BY w.proposal""")) {
            ps.setString(1, id);
            ps.setInt(2, last);
            Map<Integer, double[]> byProposal = new LinkedHashMap<>();
            Map<Integer, Double> w = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double[] t = byProposal.computeIfAbsent(rs.getInt(1), k -> new double[priors.size()]);
                    w.put(rs.getInt(1), rs.getDouble(2));
                    t[index(priors, rs.getString(3))] = rs.getDouble(4);
                }
            }
            theta.addAll(byProposal.values());
            weight.addAll(w.values());
        }

        // what the sections below show, computed first so that the page can open with it
        List<List<String>> postRows = new ArrayList<>();
        postRows.add(List.of("parameter", "prior", "mean", "sd", "median", "90 % interval", "90 % width / prior's"));
        List<String> pinned = new ArrayList<>();
        List<String> loose = new ArrayList<>();
        for (int j = 0; j < priors.size(); j++) {
            Prior pr = priors.get(j);
            double lo = quantile(theta, weight, j, 0.05);
            double hi = quantile(theta, weight, j, 0.95);
            double mean = 0;
            for (int i = 0; i < theta.size(); i++) {
                mean += weight.get(i) * theta.get(i)[j];
            }
            double var = 0;
            for (int i = 0; i < theta.size(); i++) {
                var += weight.get(i) * Math.pow(theta.get(i)[j] - mean, 2);
            }
            double narrowed = (hi - lo) / (pr.inverse(0.95) - pr.inverse(0.05));
            String median = HtmlPage.num(quantile(theta, weight, j, 0.5));
            postRows.add(List.of(pr.path(), pr.describe(), HtmlPage.num(mean), HtmlPage.num(Math.sqrt(var)), median,
                    "[" + HtmlPage.num(lo) + ", " + HtmlPage.num(hi) + "]", String.format(Locale.ROOT, "%.0f %%", 100 * narrowed)));
            if (narrowed < PINNED) {
                pinned.add(pr.path() + " (median " + median + ", 90 % interval " + HtmlPage.num(lo) + " to " + HtmlPage.num(hi)
                        + String.format(Locale.ROOT, ", %.0f %% of the prior's width)", 100 * narrowed));
            } else {
                loose.add(pr.path());
            }
        }
        List<Check> checks = new ArrayList<>();
        for (String target : strings(c, "SELECT DISTINCT target FROM abc_targets WHERE calibration_id = ? ORDER BY target", id)) {
            checks.add(predictive(c, id, target));
        }
        int fittedIn = checks.stream().mapToInt(Check::fittedInside).sum();
        int fitted = checks.stream().mapToInt(Check::fitted).sum();
        int heldIn = checks.stream().mapToInt(Check::heldInside).sum();
        int held = checks.stream().mapToInt(Check::held).sum();

        HtmlPage page = new HtmlPage("Calibration " + name).header("Calibration " + name + " (ABC-SMC)",
                "A posterior sample of the parameters given the targets, by approximate Bayesian computation (sequential Monte Carlo). "
                        + "Generation 0 is the prior; each later generation accepts only proposals closer to the data.");
        page.section("summary", "In short");
        StringBuilder ul = new StringBuilder("<ul class=\"summary\">");
        ul.append("<li>").append(HtmlPage.esc(facts)).append(".</li>");
        ul.append("<li><b>Pinned down</b> (90 % interval narrower than ").append(Math.round(100 * PINNED)).append(" % of the prior's): ")
                .append(HtmlPage.esc(pinned.isEmpty() ? "none of the parameters" : String.join("; ", pinned))).append(".</li>");
        ul.append("<li><b>Not pinned down</b> (the data leave them about as wide as their priors): ")
                .append(HtmlPage.esc(loose.isEmpty() ? "none" : String.join(", ", loose))).append(".</li>");
        ul.append("<li><b>Posterior predictive check</b>: ").append(fittedIn).append(" of ").append(fitted)
                .append(" fitted values inside the model's 90 % band").append(held > 0 ? "; " + heldIn + " of " + held + " held-out values" : "")
                .append(" (the table at the end of the page has each).</li>");
        page.raw(ul.append("</ul>\n").toString()).endSection();
        page.section("headline", "Headline numbers").facts(List.of(new String[] {"calibration", id}, new String[] {"design", facts}))
                .endSection();

        page.section("schedule", "Tolerance schedule");
        List<List<String>> genRows = new ArrayList<>();
        genRows.add(List.of("generation", "tolerance", "simulations", "acceptance", "ESS"));
        ObjectNode tol = NODES.objectNode();
        tol.putObject("title").put("text", "Tolerance and acceptance by generation");
        tol.putObject("tooltip").put("trigger", "axis");
        tol.putObject("legend").put("top", 30);
        tol.putObject("grid").put("top", 70).put("left", 70).put("right", 70).put("bottom", 50);
        tol.putObject("xAxis").put("type", "category").put("name", "generation").put("nameLocation", "middle").put("nameGap", 28);
        ArrayNode yAxes = tol.putArray("yAxis");
        yAxes.addObject().put("type", "log").put("name", "tolerance");
        yAxes.addObject().put("type", "value").put("name", "acceptance %").put("min", 0).put("max", 100);
        ArrayNode tolData = NODES.arrayNode();
        ArrayNode accData = NODES.arrayNode();
        ArrayNode gens = ((ObjectNode) tol.get("xAxis")).putArray("data");
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT generation, tolerance, simulations, acceptance, ess FROM abc_generations WHERE calibration_id = ? ORDER BY generation")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    gens.add(rs.getInt(1));
                    tolData.add(rs.getDouble(2));
                    accData.add(100 * rs.getDouble(4));
                    genRows.add(List.of(Integer.toString(rs.getInt(1)), HtmlPage.num(rs.getDouble(2)), Integer.toString(rs.getInt(3)),
                            String.format(Locale.ROOT, "%.1f %%", 100 * rs.getDouble(4)), Long.toString(Math.round(rs.getDouble(5)))));
                }
            }
        }
        ArrayNode series = tol.putArray("series");
        series.addObject().put("name", "tolerance").put("type", "line").set("data", tolData);
        ObjectNode acc = series.addObject().put("name", "acceptance").put("type", "bar").put("yAxisIndex", 1);
        acc.set("data", accData);
        page.chart(tol, gens.size()).fold("Every generation (table)").table(genRows).endFold().endSection();

        page.section("marginals", "Posteriors against priors");
        page.paragraph("Bars: the posterior (weighted particles of the last generation); line: the prior density on the same scale. "
                + "A posterior as wide as its prior means the targets do not pin the parameter down.");
        page.table(postRows);
        for (int j = 0; j < priors.size(); j++) {
            page.chart(marginal(priors.get(j), theta, weight, j), BINS);
        }
        page.endSection();

        page.section("pairs", "Correlations of the posterior (identifiability)");
        page.paragraph("Strong correlations mean the targets pin down a combination of parameters rather than each one; "
                + "the " + PAIRS_DRAWN + " most correlated pairs are drawn.");
        double[][] corr = correlations(theta, weight, priors.size());
        page.chart(heatmap(priors, corr), priors.size() * priors.size());
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < priors.size(); a++) {
            for (int b = a + 1; b < priors.size(); b++) {
                pairs.add(new int[] {a, b});
            }
        }
        pairs.sort((x, y) -> Double.compare(Math.abs(corr[y[0]][y[1]]), Math.abs(corr[x[0]][x[1]])));
        for (int[] p : pairs.subList(0, Math.min(PAIRS_DRAWN, pairs.size()))) {
            page.chart(scatter(priors, theta, p[0], p[1], corr[p[0]][p[1]]), theta.size());
        }
        page.endSection();

        page.section("predictive", "Posterior predictive check");
        page.paragraph("Posterior draws run again over every target value: median and 90 % band of the model, the data as points. "
                + "Values not fitted (held out) test the calibration out of sample.");
        List<List<String>> ppcRows = new ArrayList<>();
        ppcRows.add(List.of("target", "year", "observed", "median", "90 % band", "inside", "fitted", "source"));
        for (Check check : checks) {
            page.chart(check.chart(), check.points());
            ppcRows.addAll(check.rows());
        }
        page.fold("Every target value (table)").table(ppcRows).endFold().endSection();
        return page.render();
    }

    /** One target's posterior predictive check: its chart, its table rows, and how many values fell inside the band. */
    private record Check(ObjectNode chart, int points, List<List<String>> rows, int fittedInside, int fitted, int heldInside, int held) {
    }

    private static Check predictive(Connection c, String id, String target) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        int[] counts = new int[4];
        ObjectNode o = NODES.objectNode();
        o.putObject("title").put("text", target).put("subtext", "line: model median; dashed: 90 % band; points: data (hollow: held out)");
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("legend").put("top", 40);
        o.putObject("grid").put("top", 80).put("left", 70).put("right", 30).put("bottom", 50);
        ArrayNode labels = o.putObject("xAxis").put("type", "category").putArray("data");
        o.putObject("yAxis").put("type", "value").put("scale", true);
        ArrayNode med = NODES.arrayNode();
        ArrayNode lo = NODES.arrayNode();
        ArrayNode hi = NODES.arrayNode();
        ArrayNode fitted = NODES.arrayNode();
        ArrayNode held = NODES.arrayNode();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT t.label, t.observed, t.fitted, t.source,
                       quantile_cont(p.simulated, 0.5), quantile_cont(p.simulated, 0.05), quantile_cont(p.simulated, 0.95)
                FROM abc_targets t JOIN abc_predictive p USING (calibration_id, target, label)
                WHERE t.calibration_id = ? AND t.target = ?
                GROUP BY t.label, t.observed, t.fitted, t.source ORDER BY t.label""")) {
            ps.setString(1, id);
            ps.setString(2, target);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String label = rs.getString(1);
                    double obs = rs.getDouble(2);
                    boolean fit = rs.getBoolean(3);
                    labels.add(label);
                    med.add(rs.getDouble(5));
                    lo.add(rs.getDouble(6));
                    hi.add(rs.getDouble(7));
                    fitted.add(fit ? NODES.numberNode(obs) : NODES.nullNode());
                    held.add(fit ? NODES.nullNode() : NODES.numberNode(obs));
                    boolean inside = obs >= rs.getDouble(6) && obs <= rs.getDouble(7);
                    counts[fit ? 1 : 3]++;
                    if (inside) {
                        counts[fit ? 0 : 2]++;
                    }
                    rows.add(List.of(target, label, HtmlPage.num(obs), HtmlPage.num(rs.getDouble(5)),
                            "[" + HtmlPage.num(rs.getDouble(6)) + ", " + HtmlPage.num(rs.getDouble(7)) + "]", inside ? "yes" : "no",
                            fit ? "yes" : "held out", rs.getString(4)));
                }
            }
        }
        ArrayNode series = o.putArray("series");
        series.addObject().put("name", "model median").put("type", "line").set("data", med);
        for (ArrayNode edge : List.of(lo, hi)) {
            ObjectNode e = series.addObject().put("name", "90 % band").put("type", "line").put("showSymbol", false);
            e.set("data", edge);
            e.putObject("lineStyle").put("type", "dashed").put("opacity", 0.6);
        }
        series.addObject().put("name", "data (fitted)").put("type", "scatter").put("symbolSize", 10).set("data", fitted);
        ObjectNode h = series.addObject().put("name", "data (held out)").put("type", "scatter").put("symbol", "emptyCircle")
                .put("symbolSize", 10);
        h.set("data", held);
        return new Check(o, labels.size(), rows, counts[0], counts[1], counts[2], counts[3]);
    }

    private static ObjectNode marginal(Prior pr, List<double[]> theta, List<Double> weight, int j) {
        double lo = pr.low();
        double hi = pr.high();
        boolean log = pr.kind().equals("log-uniform");
        double a = log ? Math.log(lo) : lo;
        double b = log ? Math.log(hi) : hi;
        double width = (b - a) / BINS;
        double[] mass = new double[BINS];
        for (int i = 0; i < theta.size(); i++) {
            double x = log ? Math.log(theta.get(i)[j]) : theta.get(i)[j];
            int k = (int) Math.min(BINS - 1, Math.max(0, Math.floor((x - a) / width)));
            mass[k] += weight.get(i);
        }
        ObjectNode o = NODES.objectNode();
        o.putObject("title").put("text", pr.path()).put("subtext", "prior: " + pr.describe() + (log ? " (log axis bins)" : ""));
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("legend").put("top", 40);
        o.putObject("grid").put("top", 80).put("left", 60).put("right", 30).put("bottom", 50);
        ArrayNode cats = o.putObject("xAxis").put("type", "category").putArray("data");
        o.putObject("yAxis").put("type", "value").put("name", "probability per bin");
        ArrayNode post = NODES.arrayNode();
        ArrayNode prior = NODES.arrayNode();
        for (int k = 0; k < BINS; k++) {
            double from = a + k * width;
            double to = from + width;
            double mid = log ? Math.exp((from + to) / 2) : (from + to) / 2;
            cats.add(HtmlPage.num(mid));
            post.add(mass[k]);
            // the prior's probability of the bin
            double pFrom = log ? Math.exp(from) : from;
            double pTo = log ? Math.exp(to) : to;
            double p = 0;
            int sub = 20;
            for (int s = 0; s < sub; s++) {
                double x0 = pFrom + (pTo - pFrom) * s / sub;
                double x1 = pFrom + (pTo - pFrom) * (s + 1) / sub;
                p += pr.density((x0 + x1) / 2) * (x1 - x0);
            }
            prior.add(p);
        }
        ArrayNode series = o.putArray("series");
        series.addObject().put("name", "posterior").put("type", "bar").put("barCategoryGap", "5%").set("data", post);
        ObjectNode pl = series.addObject().put("name", "prior").put("type", "line").put("showSymbol", false);
        pl.set("data", prior);
        return o;
    }

    private static ObjectNode heatmap(List<Prior> priors, double[][] corr) {
        ObjectNode o = NODES.objectNode();
        o.putObject("title").put("text", "Posterior correlations");
        o.putObject("tooltip").put("position", "top");
        o.putObject("grid").put("top", 50).put("left", 230).put("right", 30).put("bottom", 160);
        ArrayNode x = o.putObject("xAxis").put("type", "category").putArray("data");
        ArrayNode y = o.putObject("yAxis").put("type", "category").putArray("data");
        ((ObjectNode) o.get("xAxis")).putObject("axisLabel").put("rotate", 40).put("interval", 0);
        for (Prior p : priors) {
            x.add(p.path());
            y.add(p.path());
        }
        ObjectNode vm = o.putObject("visualMap").put("min", -1).put("max", 1).put("calculable", true).put("orient", "horizontal")
                .put("left", "center").put("bottom", 0);
        vm.putObject("inRange").putArray("color").add("#2166ac").add("#f7f7f7").add("#b2182b");
        ArrayNode data = NODES.arrayNode();
        for (int a = 0; a < priors.size(); a++) {
            for (int b = 0; b < priors.size(); b++) {
                data.addArray().add(a).add(b).add(Math.round(corr[a][b] * 100) / 100.0);
            }
        }
        ObjectNode s = o.putArray("series").addObject().put("type", "heatmap");
        s.set("data", data);
        s.putObject("label").put("show", true);
        return o;
    }

    private static ObjectNode scatter(List<Prior> priors, List<double[]> theta, int a, int b, double r) {
        ObjectNode o = NODES.objectNode();
        o.putObject("title").put("text", priors.get(a).path() + " × " + priors.get(b).path())
                .put("subtext", String.format(Locale.ROOT, "posterior particles; correlation %.2f", r));
        o.putObject("grid").put("top", 70).put("left", 70).put("right", 30).put("bottom", 50);
        o.putObject("xAxis").put("type", priors.get(a).kind().equals("log-uniform") ? "log" : "value").put("name", priors.get(a).path())
                .put("nameLocation", "middle").put("nameGap", 28).put("min", priors.get(a).low()).put("max", priors.get(a).high());
        o.putObject("yAxis").put("type", priors.get(b).kind().equals("log-uniform") ? "log" : "value").put("name", priors.get(b).path())
                .put("min", priors.get(b).low()).put("max", priors.get(b).high());
        ArrayNode data = NODES.arrayNode();
        for (double[] t : theta) {
            data.addArray().add(t[a]).add(t[b]);
        }
        ObjectNode s = o.putArray("series").addObject().put("type", "scatter").put("symbolSize", 5);
        s.set("data", data);
        return o;
    }

    static double[][] correlations(List<double[]> theta, List<Double> weight, int k) {
        double[] mean = new double[k];
        for (int i = 0; i < theta.size(); i++) {
            for (int j = 0; j < k; j++) {
                mean[j] += weight.get(i) * theta.get(i)[j];
            }
        }
        double[][] cov = new double[k][k];
        for (int i = 0; i < theta.size(); i++) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    cov[a][b] += weight.get(i) * (theta.get(i)[a] - mean[a]) * (theta.get(i)[b] - mean[b]);
                }
            }
        }
        double[][] r = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double d = Math.sqrt(cov[a][a] * cov[b][b]);
                r[a][b] = d > 0 ? cov[a][b] / d : (a == b ? 1 : 0);
            }
        }
        return r;
    }

    static double quantile(List<double[]> theta, List<Double> weight, int j, double q) {
        Integer[] order = new Integer[theta.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(theta.get(x)[j], theta.get(y)[j]));
        double cum = 0;
        for (int i : order) {
            cum += weight.get(i);
            if (cum >= q - 1e-12) {
                return theta.get(i)[j];
            }
        }
        return theta.get(order[order.length - 1])[j];
    }

    private static List<Prior> priors(Connection c, String id) throws SQLException {
        List<Prior> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT parameter, kind, low, high, mean, sd FROM abc_priors WHERE calibration_id = ? ORDER BY position")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Prior(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)));
                }
            }
        }
        return out;
    }

    private static int index(List<Prior> priors, String path) {
        for (int j = 0; j < priors.size(); j++) {
            if (priors.get(j).path().equals(path)) {
                return j;
            }
        }
        throw new IllegalStateException("no prior for " + path);
    }

    private static double single(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    private static List<String> strings(Connection c, String sql, String id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
