package org.officialdom.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.officialdom.engine.MetricTable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A self-contained HTML page: styles, the ECharts library (from the WebJar in this jar) and the
 * data inline, so that it opens from disk with no server and no network. The run, experiment and
 * comparison reports are all built with it.
 */
final class HtmlPage {

    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StringBuilder body = new StringBuilder(1 << 16);
    private final StringBuilder init = new StringBuilder();
    private final String title;
    private int charts;

    HtmlPage(String title) {
        this.title = title;
    }

    HtmlPage raw(String html) {
        body.append(html);
        return this;
    }

    HtmlPage header(String description, String note) {
        body.append("<header><h1>").append(esc(title)).append("</h1>");
        if (description != null && !description.isBlank()) {
            body.append("<p>").append(esc(description)).append("</p>");
        }
        if (note != null) {
            body.append("<p class=\"note\">").append(esc(note)).append("</p>");
        }
        body.append("</header>\n");
        return this;
    }

    HtmlPage section(String id, String heading) {
        body.append("<section id=\"").append(id).append("\"><h2>").append(esc(heading)).append("</h2>\n");
        return this;
    }

    HtmlPage endSection() {
        body.append("</section>\n");
        return this;
    }

    HtmlPage paragraph(String text) {
        body.append("<p>").append(esc(text)).append("</p>\n");
        return this;
    }

    /** A chart: an ECharts option; {@code points} is recorded on the element for tests. */
    HtmlPage chart(ObjectNode option, int points) {
        String id = "chart" + charts++;
        option.put("animation", false);
        body.append("<div class=\"chart\" id=\"").append(id).append("\" data-points=\"").append(points).append("\"></div>\n");
        init.append("draw('").append(id).append("',").append(JSON.writeValueAsString(option).replace("</", "<\\/")).append(");\n");
        return this;
    }

    /** A table of text cells; the first row is the header. */
    HtmlPage table(List<List<String>> rows) {
        body.append("<table><thead><tr>");
        for (String h : rows.get(0)) {
            body.append("<th>").append(esc(h)).append("</th>");
        }
        body.append("</tr></thead><tbody>\n");
        for (List<String> row : rows.subList(1, rows.size())) {
            body.append("<tr>");
            for (String c : row) {
                body.append("<td>").append(esc(c)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table>\n");
        return this;
    }

    HtmlPage facts(List<String[]> pairs) {
        body.append("<dl class=\"facts\">");
        for (String[] kv : pairs) {
            if (kv[1] != null && !kv[1].isEmpty()) {
                body.append("<dt>").append(esc(kv[0])).append("</dt><dd>").append(esc(kv[1])).append("</dd>");
            }
        }
        body.append("</dl>\n");
        return this;
    }

    String render() throws IOException {
        StringBuilder h = new StringBuilder(body.length() + 1_100_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(esc(title)).append(" — Officialdom report</title>\n<style>").append(CSS)
                .append("</style>\n<script>").append(echarts()).append("</script>\n</head><body>\n")
                .append(body)
                .append("<footer>Written by Officialdom ").append(esc(org.officialdom.lab.Version.get())).append(".</footer>\n")
                .append("<script>\nfunction draw(id, opt){var el=document.getElementById(id);var c=echarts.init(el,null,{renderer:'canvas'});c.setOption(opt);window.addEventListener('resize',function(){c.resize();});}\n")
                .append(init).append("</script>\n</body></html>\n");
        return h.toString();
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return MetricTable.format(v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String echarts() throws IOException {
        try (InputStream in = HtmlPage.class.getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IOException("the ECharts library is missing from the jar (" + ECHARTS + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
        }
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1100px;margin:0 auto;padding:1em 2em;color:#222}
            h1{margin-bottom:.2em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}
            .note{color:#8a5a00;background:#fff6e0;padding:.4em .8em;border-radius:4px}
            table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border-bottom:1px solid #eee;padding:.25em .5em;text-align:left}
            .facts{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}.facts dt{color:#666}.facts dd{margin:0}
            .chart{height:340px;margin:1em 0}pre{background:#f6f6f6;padding:1em;overflow:auto;font-size:.85em}
            .bio .when{color:#666;font-variant-numeric:tabular-nums}footer{color:#888;margin:2em 0;font-size:.85em}
            """;
}
