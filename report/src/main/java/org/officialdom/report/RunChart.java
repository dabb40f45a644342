package org.officialdom.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One chart of a run over time, as ECharts options, on a scale that shows its movement:
 * <ul>
 *   <li>flows (units "per step") of a monthly run are drawn as a 12-month moving sum, so that a
 *       one-month spike does not squash the scale; the monthly values are a second view;</li>
 *   <li>a stacked chart in which one member holds most of the whole (loyalty in the EVLN mix) gets
 *       two panels: that member on its own scale, the others stacked on theirs;</li>
 *   <li>a metric with quantiles over draws ({@code bands.csv}) is drawn as its median with shaded
 *       50 % and 90 % bands, and published values ({@code observed.csv}) as points;</li>
 *   <li>the calendar's changes are numbered marks, those a few months apart grouped under one number.</li>
 * </ul>
 * Units go in the subtitle and every label is laid out inside the chart (no axis names hanging
 * off its edge); legends name metrics by what their descriptions say.
 */
final class RunChart {

    /** The moving sum's window, in months. */
    static final int WINDOW = 12;
    /** A stacked chart's member holding at least this share of the whole, on average, gets a panel of its own. */
    static final double DOMINANT = 0.6;
    static final int HEIGHT = 340;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
        "#ff9da7", "#9c755f", "#bab0ac", "#1f3b73", "#8c564b"};

    /** Calendar entries grouped under one numbered mark: the step it is drawn at, its number, what changed. */
    record MarkGroup(int number, long step, String label, List<RunData.Mark> marks) {
        String text() {
            StringBuilder sb = new StringBuilder();
            for (RunData.Mark m : marks) {
                sb.append(sb.length() == 0 ? "" : "; ").append(m.label()).append(": ").append(m.note());
            }
            return sb.toString();
        }
    }

    /** A chart ready for the page: its views, its height and the number of points drawn. */
    record Drawn(List<HtmlPage.View> views, int height, int points) {
    }

    private RunChart() {
    }

    /**
     * Groups the calendar's marks: a mark within {@code gap} steps of its group's first mark joins
     * that group, so that numbers on the time axis do not overprint each other.
     */
    static List<MarkGroup> group(List<RunData.Mark> marks, int steps) {
        int gap = Math.max(3, (int) Math.round(steps / 40.0));
        List<RunData.Mark> sorted = new ArrayList<>(marks);
        sorted.sort((a, b) -> Long.compare(a.step(), b.step()));
        List<MarkGroup> out = new ArrayList<>();
        List<RunData.Mark> current = new ArrayList<>();
        for (RunData.Mark m : sorted) {
            if (!current.isEmpty() && m.step() - current.get(0).step() >= gap) {
                out.add(new MarkGroup(out.size() + 1, current.get(0).step(), current.get(0).label(), List.copyOf(current)));
                current.clear();
            }
            current.add(m);
        }
        if (!current.isEmpty()) {
            out.add(new MarkGroup(out.size() + 1, current.get(0).step(), current.get(0).label(), List.copyOf(current)));
        }
        return out;
    }

    /** True when every metric of the chart counts events per step (a flow, not a level). */
    static boolean flow(List<RunData.Series> series) {
        return series.stream().allMatch(s -> s.unit().contains("per step"));
    }

    /** The chart of these metrics, in the given style ("lines", "stacked" or "band"). */
    static Drawn of(RunData run, String title, List<RunData.Series> series, String style, List<MarkGroup> marks) {
        int n = run.steps().length;
        boolean banded = series.stream().anyMatch(s -> run.bands().containsKey(s.name()));
        boolean observed = run.observed().stream().anyMatch(o -> series.stream().anyMatch(s -> s.name().equals(o.metric())));
        boolean summed = run.monthly() && flow(series) && n >= 2 * WINDOW;
        List<HtmlPage.View> views = new ArrayList<>();
        ObjectNode monthly = option(run, title, series, style, marks, 1);
        int height = monthly.path("height").asInt(HEIGHT);
        monthly.remove("height");
        if (summed) {
            ObjectNode sum = option(run, title, series, style, marks, WINDOW);
            sum.remove("height");
            if (banded || observed) {
                views.add(new HtmlPage.View("monthly", monthly));
                views.add(new HtmlPage.View("12-month sum", sum));
            } else {
                views.add(new HtmlPage.View("12-month sum", sum));
                views.add(new HtmlPage.View("monthly", monthly));
            }
        } else {
            views.add(new HtmlPage.View("", monthly));
        }
        return new Drawn(views, height, n);
    }

    /** Legend names: what the metrics' descriptions say, less the words they all share. */
    static List<String> names(List<RunData.Series> series) {
        List<String> texts = new ArrayList<>();
        for (RunData.Series s : series) {
            texts.add(s.description().isBlank() ? s.name().replace('_', ' ') : s.description());
        }
        if (series.size() > 1) {
            List<String[]> words = texts.stream().map(t -> t.split(" ")).toList();
            int shortest = words.stream().mapToInt(w -> w.length).min().orElse(0);
            int prefix = 0;
            while (prefix + 1 < shortest && same(words, prefix, false)) {
                prefix++;
            }
            int suffix = 0;
            while (prefix + suffix + 1 < shortest && same(words, suffix, true)) {
                suffix++;
            }
            List<String> out = new ArrayList<>();
            for (String[] w : words) {
                out.add(String.join(" ", java.util.Arrays.copyOfRange(w, prefix, w.length - suffix)));
            }
            texts = out;
        }
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            String c = t.replaceAll("[:,;]$", "").strip();
            c = c.isEmpty() ? c : Character.toUpperCase(c.charAt(0)) + c.substring(1);
            out.add(c.length() > 60 ? c.substring(0, 57) + "…" : c);
        }
        // two metrics that read alike keep their names
        if (out.stream().distinct().count() < out.size()) {
            return series.stream().map(s -> s.name().replace('_', ' ')).toList();
        }
        return out;
    }

    /** True when every text has the same word at {@code i} (counted from the end with {@code fromEnd}). */
    private static boolean same(List<String[]> words, int i, boolean fromEnd) {
        String first = null;
        for (String[] w : words) {
            String word = fromEnd ? w[w.length - 1 - i] : w[i];
            if (first == null) {
                first = word;
            } else if (!first.equals(word)) {
                return false;
            }
        }
        return true;
    }

    /** The sum over the {@code window} steps up to each step (NaN before a full window). */
    static double[] movingSum(double[] v, int window) {
        double[] out = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += Double.isFinite(v[i]) ? v[i] : 0;
            if (i >= window) {
                sum -= Double.isFinite(v[i - window]) ? v[i - window] : 0;
            }
            out[i] = i >= window - 1 ? sum : Double.NaN;
        }
        return out;
    }

    /** The index of a stacked chart's member that holds most of the whole, or -1. */
    static int dominant(List<RunData.Series> series) {
        if (series.size() < 3) {
            return -1;
        }
        int n = series.get(0).values().length;
        double[] share = new double[series.size()];
        for (int t = 0; t < n; t++) {
            double total = 0;
            for (RunData.Series s : series) {
                total += Math.max(0, s.values()[t]);
            }
            for (int i = 0; i < series.size() && total > 0; i++) {
                share[i] += Math.max(0, series.get(i).values()[t]) / total / n;
            }
        }
        for (int i = 0; i < share.length; i++) {
            if (share[i] >= DOMINANT) {
                return i;
            }
        }
        return -1;
    }

    private static ObjectNode option(RunData run, String title, List<RunData.Series> series, String style, List<MarkGroup> marks,
                                     int window) {
        RunData.Series first = series.get(0);
        boolean alone = series.size() == 1;
        boolean banded = window == 1 && series.stream().anyMatch(s -> run.bands().containsKey(s.name()));
        boolean stacked = "stacked".equals(style) && !banded;
        int dominant = "stacked".equals(style) ? dominant(series) : -1;
        List<String> names = names(series);
        String unit = first.unit();
        if (window > 1) {
            unit = unit.contains("per step") ? unit.replace("per step", "per 12 months") : unit + ", summed over 12 months";
        }
        String heading = alone && first.chart().equals(first.name()) ? readable(first) : title;
        StringBuilder sub = new StringBuilder();
        if (alone && !first.description().isBlank() && !first.description().equals(heading)) {
            sub.append(first.description()).append(" — ");
        }
        sub.append(unit.isEmpty() ? "no unit" : unit);
        if (window > 1) {
            sub.append("; each point sums the 12 months up to it");
        }
        if (banded) {
            int draws = series.stream().filter(s -> run.bands().containsKey(s.name()))
                    .mapToInt(s -> run.bands().get(s.name()).draws()).max().orElse(0);
            sub.append("; median of ").append(draws).append(" draws, 50 % and 90 % bands");
        } else if (window > 1 && series.stream().anyMatch(s -> run.bands().containsKey(s.name()))) {
            sub.append("; bands in the monthly view");
        }
        if (dominant >= 0) {
            sub.append("; ").append(names.get(dominant).toLowerCase(Locale.ROOT)).append(" on its own scale above");
        }

        ObjectNode o = NODES.objectNode();
        ObjectNode t = o.putObject("title").put("left", 4).put("top", 0);
        t.put("text", heading);
        t.put("subtext", sub.toString());
        t.putObject("textStyle").put("fontSize", 15);
        o.putObject("tooltip").put("trigger", "axis");

        // the legend: plain (wrapping, never paged), its height reserved above the plot
        List<String> legend = new ArrayList<>(names);
        List<RunData.Observation> obs = new ArrayList<>();
        if (window == 1) {
            for (RunData.Observation ob : run.observed()) {
                if (series.stream().anyMatch(s -> s.name().equals(ob.metric()))) {
                    obs.add(ob);
                }
            }
        }
        Map<String, List<RunData.Observation>> observedBy = new LinkedHashMap<>();
        for (RunData.Observation ob : obs) {
            String name = "Observed" + (series.size() > 1 ? " " + names.get(indexOf(series, ob.metric())).toLowerCase(Locale.ROOT) : "")
                    + (ob.source().isEmpty() ? "" : " (" + ob.source() + ")");
            observedBy.computeIfAbsent(name, k -> new ArrayList<>()).add(ob);
        }
        legend.addAll(observedBy.keySet());
        int top = 56;
        if (legend.size() > 1) {
            int rows = legendRows(legend);
            o.putObject("legend").put("type", "plain").put("top", 50).put("left", 4).put("right", 4).put("itemGap", 14)
                    .putObject("textStyle").put("fontSize", 12);
            top = 56 + rows * 22;
        }
        int height = HEIGHT + top - 56 + (dominant >= 0 ? 80 : 0);
        o.put("height", height);

        String[] labels = run.labels();
        int n = labels.length;
        ArrayNode grids = o.putArray("grid");
        ArrayNode xAxes = o.putArray("xAxis");
        ArrayNode yAxes = o.putArray("yAxis");
        int bottom = 34;
        if (dominant >= 0) {
            int markRoom = marks.isEmpty() ? 0 : 14;
            int available = height - top - bottom - markRoom - 40;
            int upper = (int) (available * 0.32);
            grids.addObject().put("top", top + markRoom + 18).put("height", upper).put("left", 64).put("right", 36);
            grids.addObject().put("top", top + markRoom + 18 + upper + 40).put("bottom", bottom).put("left", 64).put("right", 36);
            xAxis(xAxes, labels, 0, false);
            xAxis(xAxes, labels, 1, true);
            yAxes.addObject().put("type", "value").put("gridIndex", 0).put("scale", true).put("splitNumber", 3)
                    .put("name", names.get(dominant)).put("nameLocation", "end").putObject("nameTextStyle").put("align", "left");
            yAxes.addObject().put("type", "value").put("gridIndex", 1).put("scale", !stacked)
                    .put("name", "the others" + (stacked ? ", stacked" : "")).put("nameLocation", "end")
                    .putObject("nameTextStyle").put("align", "left");
            o.putObject("axisPointer").putArray("link").addObject().put("xAxisIndex", "all");
        } else {
            grids.addObject().put("top", top + (marks.isEmpty() ? 0 : 14)).put("bottom", bottom).put("left", 12).put("right", 36)
                    .put("containLabel", true);
            xAxis(xAxes, labels, 0, true);
            yAxes.addObject().put("type", "value").put("scale", !stacked);
        }

        ArrayNode out = o.putArray("series");
        boolean[] marked = new boolean[2];
        for (int i = 0; i < series.size(); i++) {
            RunData.Series s = series.get(i);
            int axis = dominant < 0 ? 0 : i == dominant ? 0 : 1;
            String colour = PALETTE[i % PALETTE.length];
            RunData.Band band = window == 1 ? run.bands().get(s.name()) : null;
            ObjectNode line;
            if (band != null) {
                area(out, "band90-" + i, names.get(i), colour, axis, band.q05(), band.q95(), 0.14);
                area(out, "band50-" + i, names.get(i), colour, axis, band.q25(), band.q75(), 0.28);
                line = out.addObject().put("id", "median-" + i).put("name", names.get(i)).put("type", "line").put("showSymbol", false);
                line.set("data", values(band.q50()));
                line.putObject("lineStyle").put("width", 2);
            } else {
                line = out.addObject().put("id", "metric-" + i).put("name", names.get(i)).put("type", "line").put("showSymbol", false);
                line.set("data", values(window > 1 ? movingSum(s.values(), window) : s.values()));
                if (stacked && axis == (dominant < 0 ? 0 : 1)) {
                    line.put("stack", "total");
                    line.putObject("areaStyle").put("opacity", 0.75);
                }
                if ("band".equals(style)) {
                    line.putObject("lineStyle").put("width", i == 0 ? 3 : 1).put("opacity", i == 0 ? 1 : 0.45);
                }
            }
            line.put("xAxisIndex", axis).put("yAxisIndex", axis);
            line.putObject("itemStyle").put("color", colour);
            if (!marked[axis] && !marks.isEmpty()) {
                markLine(line, marks, labels, axis == 0);
                marked[axis] = true;
            }
        }
        int k = 0;
        for (Map.Entry<String, List<RunData.Observation>> e : observedBy.entrySet()) {
            int axis = dominant < 0 ? 0 : indexOf(series, e.getValue().get(0).metric()) == dominant ? 0 : 1;
            ObjectNode sc = out.addObject().put("id", "observed-" + k++).put("name", e.getKey()).put("type", "scatter").put("symbolSize", 8)
                    .put("xAxisIndex", axis).put("yAxisIndex", axis).put("z", 5);
            if (e.getKey().contains("held out")) {
                // values the calibration did not fit: hollow, so an out-of-sample check reads at a glance
                sc.put("symbol", "emptyCircle");
                sc.putObject("itemStyle").put("color", "#222").put("borderColor", "#222").put("borderWidth", 1.5);
            } else {
                sc.putObject("itemStyle").put("color", "#222").put("borderColor", "#fff").put("borderWidth", 1);
            }
            ArrayNode data = sc.putArray("data");
            long[] steps = run.steps();
            for (RunData.Observation ob : e.getValue()) {
                for (int i = 0; i < steps.length; i++) {
                    if (steps[i] == ob.step()) {
                        data.addArray().add(labels[i]).add(ob.value());
                    }
                }
            }
        }
        if (n == 0) {
            o.remove("series");
            o.putArray("series");
        }
        return o;
    }

    private static void xAxis(ArrayNode axes, String[] labels, int grid, boolean showLabels) {
        ObjectNode x = axes.addObject().put("type", "category").put("gridIndex", grid).put("boundaryGap", false);
        ArrayNode data = x.putArray("data");
        for (String l : labels) {
            data.add(l);
        }
        x.putObject("axisLabel").put("show", showLabels).put("hideOverlap", true);
        x.putObject("axisTick").put("alignWithLabel", true);
    }

    /** A shaded band from {@code low} to {@code high}: an invisible base and the difference stacked on it. */
    static void area(ArrayNode out, String id, String name, String colour, int axis, double[] low, double[] high, double opacity) {
        ObjectNode base = out.addObject().put("id", id + "-base").put("name", name).put("type", "line").put("showSymbol", false)
                .put("stack", id).put("stackStrategy", "all").put("silent", true).put("xAxisIndex", axis).put("yAxisIndex", axis);
        base.set("data", values(low));
        base.putObject("lineStyle").put("opacity", 0);
        base.putObject("itemStyle").put("color", colour);
        double[] width = new double[low.length];
        for (int i = 0; i < low.length; i++) {
            width[i] = high[i] - low[i];
        }
        ObjectNode top = out.addObject().put("id", id).put("name", name).put("type", "line").put("showSymbol", false)
                .put("stack", id).put("stackStrategy", "all").put("silent", true).put("xAxisIndex", axis).put("yAxisIndex", axis);
        top.set("data", values(width));
        top.putObject("lineStyle").put("opacity", 0);
        top.putObject("areaStyle").put("color", colour).put("opacity", opacity);
        top.putObject("itemStyle").put("color", colour);
    }

    private static void markLine(ObjectNode series, List<MarkGroup> marks, String[] labels, boolean numbered) {
        ObjectNode ml = series.putObject("markLine");
        ml.put("symbol", "none").put("silent", false);
        ml.putObject("lineStyle").put("color", "#999").put("type", "dotted").put("width", 1);
        ml.putObject("label").put("show", numbered).put("position", "end").put("fontSize", 10).put("color", "#555")
                .put("distance", 2);
        ArrayNode data = ml.putArray("data");
        java.util.Set<String> known = java.util.Set.of(labels);
        for (MarkGroup g : marks) {
            if (!known.contains(g.label())) {
                continue;
            }
            ObjectNode d = data.addObject().put("xAxis", g.label()).put("name", g.text());
            d.putObject("label").put("formatter", Integer.toString(g.number()));
            d.putObject("emphasis").putObject("label").put("show", true).put("formatter", g.number() + ": "
                    + (g.text().length() > 90 ? g.text().substring(0, 87) + "…" : g.text())).put("position", "insideEndTop");
        }
    }

    /** Values as a JSON array, NaN and infinities as nulls (ECharts leaves a gap). */
    static ArrayNode values(double[] v) {
        ArrayNode a = NODES.arrayNode();
        for (double x : v) {
            if (Double.isFinite(x)) {
                a.add(x);
            } else {
                a.addNull();
            }
        }
        return a;
    }

    /** Rows a plain legend takes on a chart about 1000 pixels wide (about 7 pixels a character, 40 an item's mark and gap). */
    static int legendRows(List<String> items) {
        int rows = 1;
        int width = 0;
        for (String s : items) {
            int w = 7 * s.length() + 40;
            if (width > 0 && width + w > 940) {
                rows++;
                width = 0;
            }
            width += w;
        }
        return rows;
    }

    private static int indexOf(List<RunData.Series> series, String metric) {
        for (int i = 0; i < series.size(); i++) {
            if (series.get(i).name().equals(metric)) {
                return i;
            }
        }
        return 0;
    }

    /** A metric's name as a title: its description when short, else its name in words. */
    static String readable(RunData.Series s) {
        String d = s.description();
        if (!d.isBlank() && d.length() <= 60) {
            return d;
        }
        String w = s.name().replace('_', ' ');
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
