package org.officialdom.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.officialdom.engine.MetricTable;
import org.officialdom.lab.AtomicFile;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A self-contained HTML report of one run: it carries its charting library (ECharts, from the
 * WebJar in this jar) and its data inline, so it opens from disk with no server and no network.
 * Titles, axis labels and units come from the declared metrics; the scenario's calendar is drawn
 * as marks on every time axis.
 */
public final class HtmlReport {

    /** How many tracked officials' biographies the report tells. */
    public static final int BIOGRAPHIES = 3;

    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HtmlReport() {
    }

    /** Writes the report of a run folder to {@code target} (atomically). */
    public static void write(RunData run, Path target) throws IOException {
        String html = render(run);
        AtomicFile.writeString(target, html);
    }

    static String render(RunData run) throws IOException {
        StringBuilder h = new StringBuilder(1 << 16);
        String title = run.scenario() != null ? run.scenario().title() : run.folder().getFileName().toString();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(esc(title)).append(" — Officialdom report</title>\n<style>")
                .append(CSS).append("</style>\n<script>").append(echarts()).append("</script>\n</head><body>\n");
        h.append("<header><h1>").append(esc(title)).append("</h1>");
        if (run.scenario() != null && !run.scenario().description().isBlank()) {
            h.append("<p>").append(esc(run.scenario().description())).append("</p>");
        }
        h.append("<p class=\"note\">A simulation run explores the consequences of stated assumptions; it is a hypothesis to examine, not a forecast.</p></header>\n");

        section(h, "headline", "Headline numbers");
        h.append("<dl class=\"facts\">");
        fact(h, "scenario", run.runInfo().path("scenario").asString(""));
        fact(h, "model", run.runInfo().path("model").asString(""));
        fact(h, "seed", run.runInfo().path("seed").asString(""));
        fact(h, "steps", run.runInfo().path("steps").asString(""));
        fact(h, "agents at the end", run.runInfo().path("agents").asString(""));
        fact(h, "threads", run.runInfo().path("threads").asString(""));
        fact(h, "agent-steps per second", run.runInfo().path("agent_steps_per_second").asString(""));
        h.append("</dl>\n<table><thead><tr><th>metric</th><th>unit</th><th>at start</th><th>at end</th><th>min</th><th>max</th><th>what it is</th></tr></thead><tbody>\n");
        for (RunData.Series s : run.series()) {
            double[] v = s.values();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double x : v) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            h.append("<tr><td>").append(esc(s.name())).append("</td><td>").append(esc(s.unit())).append("</td><td>")
                    .append(num(v.length > 0 ? v[0] : Double.NaN)).append("</td><td>").append(num(v.length > 0 ? v[v.length - 1] : Double.NaN))
                    .append("</td><td>").append(num(min)).append("</td><td>").append(num(max)).append("</td><td>")
                    .append(esc(s.description())).append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");

        section(h, "charts", "Over time");
        int k = 0;
        StringBuilder init = new StringBuilder();
        for (Map.Entry<String, List<RunData.Series>> chart : run.charts().entrySet()) {
            String id = "chart" + k++;
            h.append("<div class=\"chart\" id=\"").append(id).append("\" data-points=\"")
                    .append(chart.getValue().get(0).values().length).append("\"></div>\n");
            String opt = JSON.writeValueAsString(option(run, chart.getKey(), chart.getValue())).replace("</", "<\\/");
            init.append("draw('").append(id).append("',").append(opt).append(");\n");
        }
        h.append("</section>\n");

        section(h, "calendar", "The scenario's calendar");
        if (run.marks().isEmpty()) {
            h.append("<p>No policy changes during the run.</p>");
        } else {
            h.append("<table><thead><tr><th>when</th><th>step</th><th>what changed</th></tr></thead><tbody>");
            for (RunData.Mark m : run.marks()) {
                h.append("<tr><td>").append(esc(m.label())).append("</td><td>").append(m.step()).append("</td><td>")
                        .append(esc(m.note())).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("</section>\n");

        section(h, "biographies", "Tracked officials");
        Map<Integer, List<RunData.Event>> byAgent = new LinkedHashMap<>();
        for (RunData.Event e : run.events()) {
            byAgent.computeIfAbsent(e.agent(), a -> new ArrayList<>()).add(e);
        }
        if (byAgent.isEmpty()) {
            h.append("<p>This model keeps no biographies.</p>");
        } else {
            List<Map.Entry<Integer, List<RunData.Event>>> richest = new ArrayList<>(byAgent.entrySet());
            richest.sort(Comparator.comparingInt((Map.Entry<Integer, List<RunData.Event>> e) -> -e.getValue().size())
                    .thenComparingInt(Map.Entry::getKey));
            String[] labels = run.labels();
            long[] steps = run.steps();
            for (var entry : richest.subList(0, Math.min(BIOGRAPHIES, richest.size()))) {
                h.append("<h3>Official ").append(entry.getKey()).append("</h3><ol class=\"bio\">");
                for (RunData.Event e : entry.getValue()) {
                    h.append("<li><span class=\"when\">").append(esc(labelOf(e.step(), steps, labels))).append("</span> <b>")
                            .append(esc(e.kind())).append("</b> ").append(esc(e.detail())).append("</li>");
                }
                h.append("</ol>");
            }
        }
        h.append("</section>\n");

        section(h, "parameters", "Parameters (the scenario as run)");
        h.append("<pre>").append(esc(run.scenarioText())).append("</pre></section>\n");
        h.append("<footer>Written by Officialdom ").append(esc(org.officialdom.lab.Version.get())).append(".</footer>\n");
        h.append("<script>\nfunction draw(id, opt){var el=document.getElementById(id);var c=echarts.init(el,null,{renderer:'canvas'});c.setOption(opt);window.addEventListener('resize',function(){c.resize();});}\n")
                .append(init).append("</script>\n</body></html>\n");
        return h.toString();
    }

    private static String labelOf(long step, long[] steps, String[] labels) {
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] == step) {
                return labels[i];
            }
        }
        return "step " + step;
    }

    /** The ECharts option of one chart. */
    static ObjectNode option(RunData run, String title, List<RunData.Series> series) {
        ObjectNode o = NODES.objectNode();
        o.put("animation", false);
        RunData.Series first = series.get(0);
        boolean alone = series.size() == 1 && first.chart().equals(first.name());
        ObjectNode t = o.putObject("title");
        t.put("text", alone ? first.name().replace('_', ' ') : title);
        t.put("subtext", alone ? first.description() + (first.unit().isEmpty() ? "" : " (" + first.unit() + ")") : first.unit());
        t.put("left", "left");
        o.putObject("tooltip").put("trigger", "axis");
        if (series.size() > 1) {
            o.putObject("legend").put("top", 40).put("type", "scroll");
        }
        o.putObject("grid").put("top", series.size() > 1 ? 80 : 60).put("left", 60).put("right", 30).put("bottom", 50);
        ObjectNode x = o.putObject("xAxis");
        x.put("type", "category");
        x.put("name", run.scenario() != null && run.scenario().start() != null ? "month" : "step");
        x.put("nameLocation", "middle").put("nameGap", 28);
        ArrayNode xs = x.putArray("data");
        for (String l : run.labels()) {
            xs.add(l);
        }
        o.putObject("yAxis").put("type", "value").put("name", first.unit()).put("scale", true);
        ArrayNode ss = o.putArray("series");
        String style = first.style();
        for (int i = 0; i < series.size(); i++) {
            RunData.Series s = series.get(i);
            ObjectNode so = ss.addObject();
            so.put("name", s.name().replace('_', ' '));
            so.put("type", "line");
            so.put("showSymbol", false);
            if ("stacked".equals(style)) {
                so.put("stack", "total");
                so.putObject("areaStyle");
            }
            if ("band".equals(style)) {
                if (i == 0) {
                    so.putObject("lineStyle").put("width", 3);
                } else {
                    so.putObject("lineStyle").put("width", 1).put("opacity", 0.45);
                }
            }
            ArrayNode data = so.putArray("data");
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    data.add(v);
                } else {
                    data.addNull();
                }
            }
            if (i == 0 && !run.marks().isEmpty()) {
                ObjectNode ml = so.putObject("markLine");
                ml.put("symbol", "none");
                ml.putObject("lineStyle").put("color", "#999").put("type", "dotted");
                ml.putObject("label").put("formatter", "{b}").put("fontSize", 9);
                ArrayNode md = ml.putArray("data");
                for (RunData.Mark m : run.marks()) {
                    md.addObject().put("xAxis", m.label()).put("name", m.note());
                }
            }
        }
        return o;
    }

    private static void section(StringBuilder h, String id, String title) {
        h.append("<section id=\"").append(id).append("\"><h2>").append(esc(title)).append("</h2>\n");
    }

    private static void fact(StringBuilder h, String k, String v) {
        if (!v.isEmpty()) {
            h.append("<dt>").append(esc(k)).append("</dt><dd>").append(esc(v)).append("</dd>");
        }
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return MetricTable.format(v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String echarts() throws IOException {
        try (InputStream in = HtmlReport.class.getResourceAsStream(ECHARTS)) {
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
