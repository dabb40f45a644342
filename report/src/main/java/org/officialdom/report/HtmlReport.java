package org.officialdom.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
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
        String[] labels = run.labels();

        page.section("summary", "In short");
        if (run.summary().isEmpty()) {
            page.paragraph("This run folder holds no summary (summary.txt); the charts and tables below are all there is.");
        } else {
            StringBuilder ul = new StringBuilder("<ul class=\"summary\">");
            for (String line : run.summary()) {
                ul.append("<li>").append(esc(line)).append("</li>");
            }
            page.raw(ul.append("</ul>\n").toString());
        }
        page.raw(YearTable.html(run));
        page.endSection();

        page.section("headline", "Headline numbers");
        List<String[]> facts = new ArrayList<>();
        for (String[] kv : new String[][] {{"scenario", "scenario"}, {"model", "model"}, {"seed", "seed"}, {"steps", "steps"},
                {"agents at the end", "agents"}, {"threads", "threads"}, {"agent-steps per second", "agent_steps_per_second"}}) {
            facts.add(new String[] {kv[0], run.runInfo().path(kv[1]).asString("")});
        }
        if (labels.length > 0) {
            facts.add(new String[] {run.monthly() ? "months" : "steps", labels[0] + " to " + labels[labels.length - 1]});
        }
        if (!run.bands().isEmpty()) {
            int draws = run.bands().values().stream().mapToInt(RunData.Band::draws).max().orElse(0);
            facts.add(new String[] {"bands", "median, 50 % and 90 % bands over " + draws + " draws, for " + run.bands().size() + " metrics"});
        }
        page.facts(facts).endSection();

        List<RunChart.MarkGroup> marks = RunChart.group(run.marks(), labels.length);
        Map<String, List<RunData.Series>> byChart = run.charts();
        Map<String, RunData.Series> byName = new LinkedHashMap<>();
        run.series().forEach(s -> byName.put(s.name(), s));
        Set<String> drawn = new HashSet<>();
        page.section("charts", "The main charts");
        if (!marks.isEmpty()) {
            page.paragraph("Numbered dotted lines mark the scenario's policy changes (listed under \"The scenario's calendar\"); "
                    + "flows are shown as 12-month sums, with the monthly values a click away.");
        }
        for (RunData.Headline h : run.headlines()) {
            List<RunData.Series> ss = h.metrics().stream().map(byName::get).filter(java.util.Objects::nonNull).toList();
            if (ss.isEmpty()) {
                continue;
            }
            // a headline chart that is one of the declared charts is drawn as declared, with all its metrics
            String declared = ss.get(0).chart();
            String style = h.style();
            if (byChart.containsKey(declared) && byChart.get(declared).containsAll(ss) && !declared.equals(ss.get(0).name())) {
                ss = byChart.get(declared);
                style = ss.get(0).style();
                drawn.add(declared);
            }
            chart(page, run, h.title(), ss, style, marks);
            ss.forEach(s -> drawn.add("metric:" + s.name()));
        }
        if (run.headlines().isEmpty()) {
            page.paragraph("This run folder does not say which charts its model puts first (no headline.json); every chart follows.");
        }
        page.endSection();

        page.section("more", "Every other chart");
        for (Map.Entry<String, List<RunData.Series>> c : byChart.entrySet()) {
            if (drawn.contains(c.getKey()) || c.getValue().stream().allMatch(s -> drawn.contains("metric:" + s.name()))) {
                continue;
            }
            chart(page, run, c.getKey(), c.getValue(), c.getValue().get(0).style(), marks);
        }
        page.endSection();

        if (!run.grids().isEmpty()) {
            page.section("organisation", "The organisation at the end of the run");
            for (RunData.Grid g : run.grids()) {
                page.chart(heatmap(g), g.rows().size() * g.columns().size(), 60 + 44 * g.rows().size() + 90);
            }
            page.endSection();
        }

        page.section("calendar", "The scenario's calendar");
        if (run.marks().isEmpty()) {
            page.paragraph("No policy changes during the run.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("mark", "when", "step", "what changed"));
            for (RunChart.MarkGroup g : marks) {
                for (RunData.Mark m : g.marks()) {
                    rows.add(List.of(m == g.marks().get(0) ? Integer.toString(g.number()) : "", m.label(), Long.toString(m.step()), m.note()));
                }
            }
            page.table(rows);
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
            Map<Integer, List<Episode>> told = new LinkedHashMap<>();
            byAgent.forEach((agent, events) -> told.put(agent, episodes(events)));
            List<Map.Entry<Integer, List<Episode>>> richest = new ArrayList<>(told.entrySet());
            // the fullest lives, counting a run of the same event once
            richest.sort(Comparator.comparingInt((Map.Entry<Integer, List<Episode>> e) -> -e.getValue().size())
                    .thenComparingInt(Map.Entry::getKey));
            long[] steps = run.steps();
            StringBuilder h = new StringBuilder();
            h.append("<p>The ").append(Math.min(BIOGRAPHIES, richest.size())).append(" tracked officials with the most varied careers, of ")
                    .append(byAgent.size()).append(" tracked; an event repeated month after month is one line with its count.</p>");
            for (var entry : richest.subList(0, Math.min(BIOGRAPHIES, richest.size()))) {
                h.append("<h3>Official ").append(entry.getKey()).append("</h3><ol class=\"bio\">");
                for (Episode e : entry.getValue()) {
                    String when = labelOf(e.first().step(), steps, labels);
                    if (e.times() > 1) {
                        when += " to " + labelOf(e.last().step(), steps, labels);
                    }
                    h.append("<li><span class=\"when\">").append(esc(when)).append("</span> <b>").append(esc(e.first().kind())).append("</b> ")
                            .append(esc(e.first().detail()));
                    if (e.times() > 1) {
                        h.append(" <span class=\"times\">(").append(e.times()).append(" times)</span>");
                    }
                    h.append("</li>");
                }
                h.append("</ol>");
            }
            page.raw(h.toString());
        }
        page.endSection();

        page.section("parameters", "Parameters (the scenario as run)");
        page.fold("The scenario file, with the seed and steps used").raw("<pre>" + esc(run.scenarioText()) + "</pre>").endFold().endSection();

        page.section("metrics", "Every metric");
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
        page.fold("All " + run.series().size() + " metrics: first and last value, lowest and highest, unit and description")
                .table(rows).endFold().endSection();
        return page.render();
    }

    /** Events in a row that say the same thing (kind and detail), told once with their count. */
    record Episode(RunData.Event first, RunData.Event last, int times) {
    }

    static List<Episode> episodes(List<RunData.Event> events) {
        List<Episode> out = new ArrayList<>();
        for (RunData.Event e : events) {
            if (!out.isEmpty()) {
                Episode prev = out.get(out.size() - 1);
                if (prev.first().kind().equals(e.kind()) && prev.first().detail().equals(e.detail())) {
                    out.set(out.size() - 1, new Episode(prev.first(), e, prev.times() + 1));
                    continue;
                }
            }
            out.add(new Episode(e, e, 1));
        }
        return out;
    }

    private static void chart(HtmlPage page, RunData run, String title, List<RunData.Series> series, String style,
                              List<RunChart.MarkGroup> marks) {
        RunChart.Drawn d = RunChart.of(run, title, series, style, marks);
        page.views(d.views(), d.points(), d.height());
    }

    private static String labelOf(long step, long[] steps, String[] labels) {
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] == step) {
                return labels[i];
            }
        }
        return "step " + step;
    }

    /**
     * A heat map of an end-of-run view; empty cells are left blank. The colours span the cells'
     * range, and the subtitle says how wide that range is, so that a small spread is not read as a
     * large one; each cell is labelled with as many digits as tell its neighbours apart.
     */
    static ObjectNode heatmap(RunData.Grid g) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int cells = 0;
        for (double[] row : g.values()) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                    cells++;
                }
            }
        }
        double spread = cells > 0 ? max - min : 0;
        // digits enough for about ten steps across the spread
        int digits = spread > 0 ? (int) Math.max(0, Math.min(6, Math.ceil(-Math.log10(spread / 10)))) : 2;
        ObjectNode o = NODES.objectNode();
        String range = cells == 0 ? "no cell has a value"
                : String.format(java.util.Locale.ROOT, "colours span %s to %s (a spread of %s, %.0f %% of the mean)",
                        fixed(min, digits), fixed(max, digits), fixed(spread, digits), sum != 0 ? 100 * spread / Math.abs(sum / cells) : 0);
        o.putObject("title").put("text", g.description().isBlank() ? g.name().replace('_', ' ') : g.description())
                .put("subtext", g.unit() + "; " + range).put("left", 4);
        o.putObject("tooltip").put("position", "top");
        o.putObject("grid").put("top", 64).put("left", 12).put("right", 110).put("bottom", 12).put("containLabel", true);
        ArrayNode x = o.putObject("xAxis").put("type", "category").put("position", "bottom").putArray("data");
        g.columns().forEach(x::add);
        ((ObjectNode) o.get("xAxis")).putObject("axisLabel").put("interval", 0);
        ArrayNode y = o.putObject("yAxis").put("type", "category").put("inverse", true).putArray("data");
        g.rows().forEach(y::add);
        ArrayNode data = NODES.arrayNode();
        for (int r = 0; r < g.rows().size(); r++) {
            for (int c = 0; c < g.columns().size(); c++) {
                double v = g.values()[r][c];
                if (Double.isFinite(v)) {
                    data.addArray().add(c).add(r).add(Double.parseDouble(fixed(v, digits)));
                }
            }
        }
        ObjectNode vm = o.putObject("visualMap");
        vm.put("min", Double.isFinite(min) ? Double.parseDouble(fixed(min, digits)) : 0)
                .put("max", Double.isFinite(max) && max > min ? Double.parseDouble(fixed(max, digits)) : (Double.isFinite(min) ? min : 0) + 1)
                .put("precision", digits).put("calculable", true).put("orient", "vertical").put("right", 8).put("top", 70)
                .put("itemHeight", 120);
        vm.putObject("inRange").putArray("color").add("#fde725").add("#5ec962").add("#21918c").add("#3b528b").add("#440154");
        ObjectNode series = o.putArray("series").addObject().put("type", "heatmap").put("name", g.name().replace('_', ' '));
        series.set("data", data);
        series.putObject("label").put("show", true).put("fontSize", 11).put("color", "#000").put("textBorderColor", "#fff")
                .put("textBorderWidth", 2);
        return o;
    }

    private static String fixed(double v, int digits) {
        return String.format(java.util.Locale.ROOT, "%." + digits + "f", v);
    }

    static String esc(String s) {
        return HtmlPage.esc(s);
    }
}
