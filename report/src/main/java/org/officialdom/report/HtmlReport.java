package org.officialdom.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.officialdom.lab.AtomicFile;
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

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HtmlReport() {
    }

    /** Writes the report of a run folder to {@code target} (atomically). */
    public static void write(RunData run, Path target) throws IOException {
        String html = render(run);
        AtomicFile.writeString(target, html);
    }

    static String render(RunData run) throws IOException {
        String title = run.scenario() != null ? run.scenario().title() : run.folder().getFileName().toString();
        HtmlPage page = new HtmlPage(title).header(run.scenario() == null ? null : run.scenario().description(),
                "A simulation run explores the consequences of stated assumptions; it is a hypothesis to examine, not a forecast.");

        page.section("headline", "Headline numbers");
        List<String[]> facts = new ArrayList<>();
        for (String[] kv : new String[][] {{"scenario", "scenario"}, {"model", "model"}, {"seed", "seed"}, {"steps", "steps"},
                {"agents at the end", "agents"}, {"threads", "threads"}, {"agent-steps per second", "agent_steps_per_second"}}) {
            facts.add(new String[] {kv[0], run.runInfo().path(kv[1]).asString("")});
        }
        page.facts(facts);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("metric", "unit", "at start", "at end", "min", "max", "what it is"));
        for (RunData.Series s : run.series()) {
            double[] v = s.values();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double x : v) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            rows.add(List.of(s.name(), s.unit(), HtmlPage.num(v.length > 0 ? v[0] : Double.NaN),
                    HtmlPage.num(v.length > 0 ? v[v.length - 1] : Double.NaN), HtmlPage.num(min), HtmlPage.num(max), s.description()));
        }
        page.table(rows).endSection();

        page.section("charts", "Over time");
        for (Map.Entry<String, List<RunData.Series>> chart : run.charts().entrySet()) {
            page.chart(option(run, chart.getKey(), chart.getValue()), chart.getValue().get(0).values().length);
        }
        page.endSection();

        if (!run.grids().isEmpty()) {
            page.section("organisation", "The organisation at the end of the run");
            for (RunData.Grid g : run.grids()) {
                page.chart(heatmap(g), g.rows().size() * g.columns().size());
            }
            page.endSection();
        }

        page.section("calendar", "The scenario's calendar");
        if (run.marks().isEmpty()) {
            page.paragraph("No policy changes during the run.");
        } else {
            List<List<String>> marks = new ArrayList<>();
            marks.add(List.of("when", "step", "what changed"));
            for (RunData.Mark m : run.marks()) {
                marks.add(List.of(m.label(), Long.toString(m.step()), m.note()));
            }
            page.table(marks);
        }
        page.endSection();

        page.section("biographies", "Tracked officials");
        Map<Integer, List<RunData.Event>> byAgent = new LinkedHashMap<>();
        for (RunData.Event e : run.events()) {
            byAgent.computeIfAbsent(e.agent(), a -> new ArrayList<>()).add(e);
        }
        if (byAgent.isEmpty()) {
            page.paragraph("This model keeps no biographies.");
        } else {
            List<Map.Entry<Integer, List<RunData.Event>>> richest = new ArrayList<>(byAgent.entrySet());
            richest.sort(Comparator.comparingInt((Map.Entry<Integer, List<RunData.Event>> e) -> -e.getValue().size())
                    .thenComparingInt(Map.Entry::getKey));
            String[] labels = run.labels();
            long[] steps = run.steps();
            StringBuilder h = new StringBuilder();
            for (var entry : richest.subList(0, Math.min(BIOGRAPHIES, richest.size()))) {
                h.append("<h3>Official ").append(entry.getKey()).append("</h3><ol class=\"bio\">");
                for (RunData.Event e : entry.getValue()) {
                    h.append("<li><span class=\"when\">").append(esc(labelOf(e.step(), steps, labels))).append("</span> <b>")
                            .append(esc(e.kind())).append("</b> ").append(esc(e.detail())).append("</li>");
                }
                h.append("</ol>");
            }
            page.raw(h.toString());
        }
        page.endSection();

        page.section("parameters", "Parameters (the scenario as run)");
        page.raw("<pre>" + esc(run.scenarioText()) + "</pre>").endSection();
        return page.render();
    }

    private static String labelOf(long step, long[] steps, String[] labels) {
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] == step) {
                return labels[i];
            }
        }
        return "step " + step;
    }

    /** A heat map of an end-of-run view; empty cells are left blank. */
    static ObjectNode heatmap(RunData.Grid g) {
        ObjectNode o = NODES.objectNode();
        o.putObject("title").put("text", g.name().replace('_', ' ')).put("subtext", g.description() + " (" + g.unit() + ")");
        o.putObject("tooltip").put("position", "top");
        o.putObject("grid").put("top", 70).put("left", 130).put("right", 90).put("bottom", 60);
        ArrayNode x = o.putObject("xAxis").put("type", "category").putArray("data");
        g.columns().forEach(x::add);
        ArrayNode y = o.putObject("yAxis").put("type", "category").putArray("data");
        g.rows().forEach(y::add);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        ArrayNode data = NODES.arrayNode();
        for (int r = 0; r < g.rows().size(); r++) {
            for (int c = 0; c < g.columns().size(); c++) {
                double v = g.values()[r][c];
                if (Double.isFinite(v)) {
                    data.addArray().add(c).add(r).add(Math.round(v * 10000) / 10000.0);
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        ObjectNode vm = o.putObject("visualMap");
        vm.put("min", Double.isFinite(min) ? min : 0).put("max", Double.isFinite(max) && max > min ? max : min + 1)
                .put("precision", 3).put("calculable", true).put("orient", "vertical").put("right", 0).put("top", "middle");
        vm.putObject("inRange").putArray("color").add("#f7fbff").add("#6baed6").add("#08306b");
        ObjectNode series = o.putArray("series").addObject().put("type", "heatmap").put("name", g.name());
        series.set("data", data);
        series.putObject("label").put("show", true).put("fontSize", 10);
        return o;
    }

    /** The ECharts option of one chart. */
    static ObjectNode option(RunData run, String title, List<RunData.Series> series) {
        ObjectNode o = NODES.objectNode();
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
                // with many marks, names show on hover only, or they overprint each other
                ml.putObject("label").put("formatter", "{b}").put("fontSize", 9).put("show", run.marks().size() <= 6);
                ml.putObject("emphasis").putObject("label").put("show", true);
                ArrayNode md = ml.putArray("data");
                for (RunData.Mark m : run.marks()) {
                    md.addObject().put("xAxis", m.label()).put("name", m.note());
                }
            }
        }
        return o;
    }

    static String esc(String s) {
        return HtmlPage.esc(s);
    }
}
