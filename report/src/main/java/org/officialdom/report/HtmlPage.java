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
        return chart(option, points, 0);
    }

    /** A chart of {@code height} pixels (0: the default). */
    HtmlPage chart(ObjectNode option, int points, int height) {
        return views(List.of(new View("", option)), points, height);
    }

    /** One way of drawing a chart: its button's label and its ECharts option. */
    record View(String label, ObjectNode option) {
    }

    /**
     * A chart drawn several ways (a 12-month sum and the monthly values, say): the first view is
     * drawn, and a button per view switches between them.
     */
    HtmlPage views(List<View> views, int points, int height) {
        String id = "chart" + charts++;
        if (views.size() > 1) {
            body.append("<div class=\"views\" role=\"group\">");
            for (int i = 0; i < views.size(); i++) {
                body.append("<button type=\"button\" data-chart=\"").append(id).append("\" data-view=\"").append(i).append('"')
                        .append(i == 0 ? " class=\"on\"" : "").append(">").append(esc(views.get(i).label())).append("</button>");
            }
            body.append("</div>");
        }
        String heading = views.get(0).option().path("title").path("text").asString("");
        body.append("<div class=\"chart\" id=\"").append(id).append("\" data-title=\"").append(esc(heading))
                .append("\" data-points=\"").append(points).append('"')
                .append(height > 0 ? " style=\"height:" + height + "px\"" : "").append("></div>\n");
        init.append("draw('").append(id).append("',[");
        for (int i = 0; i < views.size(); i++) {
            ObjectNode option = views.get(i).option();
            option.put("animation", false);
            init.append(i == 0 ? "" : ",").append(JSON.writeValueAsString(option).replace("</", "<\\/"));
        }
        init.append("]);\n");
        return this;
    }

    /** Opens a folded part: closed until the reader opens it by its summary line. */
    HtmlPage fold(String summary) {
        body.append("<details><summary>").append(esc(summary)).append("</summary>\n");
        return this;
    }

    HtmlPage endFold() {
        body.append("</details>\n");
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
                .append("<script>\n").append(SCRIPT)
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

    /**
     * Draws each chart: titles fit the chart's width, the tooltip leaves out band edges (series whose
     * id starts with "band") and rounds numbers, view buttons switch options, and charts in a folded
     * part are sized when it opens.
     */
    private static final String SCRIPT = """
            function fmt(v){if(v===null||v===undefined||v==='-'||isNaN(v))return '–';var a=Math.abs(v);
              if(a!==0&&(a<0.001||a>=1e6))return v.toExponential(2);if(Number.isInteger(v))return v.toLocaleString('en');
              return Number(v.toPrecision(a<1?3:4)).toLocaleString('en',{maximumFractionDigits:4});}
            function tip(ps){if(!Array.isArray(ps))ps=[ps];var h=ps.length?(ps[0].axisValueLabel||ps[0].name||''):'';
              ps.forEach(function(p){if(String(p.seriesId||'').indexOf('band')===0)return;var v=Array.isArray(p.value)?p.value[p.value.length-1]:p.value;
              if(v===null||v===undefined)return;h+='<br>'+p.marker+p.seriesName+': '+fmt(v);});return h;}
            function fit(el,opt){var w=Math.max(200,el.clientWidth-24);[].concat(opt.title||[]).forEach(function(t){
              t.textStyle=Object.assign({width:w,overflow:'truncate'},t.textStyle||{});
              t.subtextStyle=Object.assign({width:w,overflow:'truncate'},t.subtextStyle||{});});
              if(opt.tooltip&&opt.tooltip.trigger==='axis'&&!opt.tooltip.formatter)opt.tooltip.formatter=tip;
              if(opt.tooltip&&opt.tooltip.trigger==='axis')opt.tooltip.confine=true;return opt;}
            function draw(id,opts){var el=document.getElementById(id);var c=echarts.init(el,null,{renderer:'canvas'});
              c.setOption(fit(el,opts[0]));window.addEventListener('resize',function(){c.resize();});
              document.querySelectorAll('button[data-chart="'+id+'"]').forEach(function(b){b.addEventListener('click',function(){
                c.setOption(fit(el,opts[+b.dataset.view]),true);document.querySelectorAll('button[data-chart="'+id+'"]').forEach(function(o){
                o.classList.toggle('on',o===b);});});});}
            document.querySelectorAll('details').forEach(function(d){d.addEventListener('toggle',function(){
              d.querySelectorAll('.chart').forEach(function(el){var c=echarts.getInstanceByDom(el);if(c)c.resize();});});});
            """;

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1100px;margin:0 auto;padding:1em 2em;color:#222}
            h1{margin-bottom:.2em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}
            .note{color:#8a5a00;background:#fff6e0;padding:.4em .8em;border-radius:4px}
            table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border-bottom:1px solid #eee;padding:.25em .5em;text-align:left}
            .facts{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}.facts dt{color:#666}.facts dd{margin:0}
            .chart{height:340px;margin:1em 0}pre{background:#f6f6f6;padding:1em;overflow:auto;font-size:.85em}
            .bio .when{color:#666;font-variant-numeric:tabular-nums}footer{color:#888;margin:2em 0;font-size:.85em}
            .bio .times{color:#666}.summary li{margin:.3em 0}details{margin:1em 0}summary{cursor:pointer;color:#124;font-weight:600}
            .wide{overflow-x:auto}table.years td,table.years th{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            table.years{font-size:.8em}table.years td,table.years th{padding:.2em .35em}table.years td:first-child,table.years th:first-child{text-align:left;white-space:normal;min-width:12em}
            table.years tr.group th{text-align:left;background:#f4f6f8;font-weight:600}
            .views{margin:1.2em 0 -.6em}.views button{font:inherit;font-size:.8em;border:1px solid #bbb;background:#fff;padding:.15em .6em;cursor:pointer}
            .views button.on{background:#124;color:#fff;border-color:#124}
            """;
}
