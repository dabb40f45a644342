package org.officialdom.lab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.officialdom.lab.TextTable;
import org.officialdom.lab.Version;
import org.officialdom.lab.analysis.PairedDifference;

/**
 * A lever table as text: compact for the terminal (levers as rows, outcomes as columns, a {@code *}
 * where the interval excludes 0) and as a Markdown document. A table wider than the line is split
 * into several, each with the levers' labels; outcomes given a {@code group} get a table of their
 * own under that heading, so twelve levers by ten outcomes stay readable.
 */
public final class LeverTableText {

    /** Widest terminal line when nobody says otherwise. */
    public static final int WIDTH = 120;

    /** Widest Markdown table row (in characters of its source), before the table is split. */
    static final int MARKDOWN_WIDTH = 140;

    private LeverTableText() {
    }

    /**
     * "+0.012 [0.008, 0.016]": two significant digits of the largest of the three, or one of the
     * interval's half-width if that needs more; "0 (identical)" when every replicate agreed.
     */
    public static String cell(PairedDifference d) {
        if (PairedDifference.IDENTICAL.equals(d.verdict())) {
            return "0 (identical)";
        }
        if (Double.isNaN(d.meanDiff())) {
            return "-";
        }
        double m = Math.abs(d.meanDiff());
        for (double v : new double[] {d.ciLow(), d.ciHigh()}) {
            if (Double.isFinite(v)) {
                m = Math.max(m, Math.abs(v));
            }
        }
        // Two significant digits of the largest number, or more if the interval's width needs them to show.
        int decimals = m > 0 && Double.isFinite(m) ? 1 - (int) Math.floor(Math.log10(m)) : 0;
        double half = (d.ciHigh() - d.ciLow()) / 2;
        if (half > 0 && Double.isFinite(half)) {
            decimals = Math.max(decimals, -(int) Math.floor(Math.log10(half)));
        }
        decimals = Math.max(0, Math.min(9, decimals));
        String mean = String.format(Locale.ROOT, "%+." + decimals + "f", d.meanDiff());
        if (Double.isNaN(d.ciLow())) {
            return mean;
        }
        return mean + " [" + String.format(Locale.ROOT, "%." + decimals + "f", d.ciLow()) + ", "
                + String.format(Locale.ROOT, "%." + decimals + "f", d.ciHigh()) + "]";
    }

    /** The table for the terminal, lines no wider than {@code width} where the cells allow. */
    public static List<String> terminal(LeverTableRunner.Result r, int width) {
        LeverTable t = r.table();
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Lever table %s: %s and %d lever%s, %d paired replicates (seeds %d to %d), "
                        + "outcomes over steps %d to %d; %d runs, %d run now, %d already stored",
                t.name(), t.baseline().name(), t.levers().size(), t.levers().size() == 1 ? "" : "s", t.replicates(), t.seed(),
                t.seed() + t.replicates() - 1, t.from(), t.to(), r.distinct(), r.ran(), r.reused()));
        List<String> notes = baselineNotes(t);
        if (!notes.isEmpty()) {
            out.add("Baseline " + t.baseline().name() + ": " + String.join("; ", notes));
        }
        if (r.failed() > 0) {
            out.add(r.failed() + " runs failed (first error: " + r.firstError() + "); table skipped. "
                    + "Failed runs are stored with their error and run again next time.");
            return out;
        }
        out.add("Each cell: lever arm - baseline, mean over replicates [" + percent(t.confidence())
                + " t interval]; * the interval excludes 0");
        for (Map.Entry<String, List<Integer>> g : groups(t).entrySet()) {
            for (List<Integer> part : split(r, g.getValue(), width, false)) {
                out.add("");
                if (g.getKey() != null) {
                    out.add(g.getKey() + ":");
                }
                List<String> header = new ArrayList<>(List.of("lever"));
                part.forEach(j -> header.add(t.outcomes().get(j).heading()));
                TextTable table = new TextTable(header.toArray(String[]::new));
                for (List<String> row : rows(r, part, false)) {
                    table.row(row.toArray());
                }
                out.addAll(table.lines());
            }
        }
        List<String> held = heldOver(t);
        if (!held.isEmpty()) {
            out.add("");
            out.add("Levers hold their values for the whole run; calendar entries they displace:");
            held.forEach(h -> out.add("  " + h));
        }
        return out;
    }

    /** The table as a Markdown document: what was run, how, the table, and how to read it. */
    public static String markdown(LeverTableRunner.Result r, String command, String date) {
        LeverTable t = r.table();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(t.title()).append("\n\n");
        md.append("Lever table `").append(r.id()).append("`, made on ").append(date).append(" by Officialdom ")
                .append(Version.get()).append(" with\n\n    ").append(command).append("\n\n");
        md.append("- **Baseline:** ").append(t.baseline().name()).append(" (").append(t.baseline().source()).append(")");
        baselineNotes(t).forEach(n -> md.append("; ").append(n));
        md.append(".\n");
        md.append("- **Levers:** ").append(t.levers().size()).append(", one arm each; an arm sets its lever from step 0 and ")
                .append("holds it for the whole run (listed below).\n");
        md.append(String.format(Locale.ROOT, "- **Replicates:** %d per arm, paired: replicate k of every arm has seed %d + k "
                + "(seeds %d to %d; common random numbers).%n", t.replicates(), t.seed(), t.seed(), t.seed() + t.replicates() - 1));
        md.append("- **Window:** steps ").append(t.from()).append(" to ").append(t.to()).append(" of ").append(t.steps());
        if (t.baseline().start() != null) {
            md.append(" (").append(t.baseline().labelOf(t.from())).append(" to ").append(t.baseline().labelOf(t.to())).append(")");
        }
        md.append(".\n");
        md.append("- **Outcomes:** ").append(t.outcomes().stream().map(o -> "`" + o.metric() + "` " + summaryInWords(o, t))
                .collect(Collectors.joining("; "))).append(".\n");
        md.append("- **Runs:** ").append(r.distinct()).append(", in `").append(r.store()).append("` (tables `lever_tables`, ")
                .append("`lever_runs`, `lever_effects`; `lever_table_id = '").append(r.id()).append("'`).\n\n");

        boolean displaces = t.levers().stream().anyMatch(a -> !a.heldOver().isEmpty());
        md.append("## Levers\n\n| # | lever | sets |").append(displaces ? " calendar entries it displaces |" : "")
                .append("\n|---|---|---|").append(displaces ? "---|" : "").append("\n");
        for (LeverTable.Arm a : t.levers()) {
            md.append("| ").append(a.index()).append(" | ").append(escape(a.label())).append(" | ")
                    .append(escape(a.describeChanges())).append(" |");
            if (displaces) {
                md.append(" ").append(escape(String.join("; ", a.heldOver()))).append(" |");
            }
            md.append("\n");
        }
        md.append("\n## Effects: lever arm − baseline\n");
        if (r.failed() > 0) {
            md.append("\n").append(r.failed()).append(" runs failed (first error: ").append(escape(r.firstError()))
                    .append("); no table.\n");
            return md.toString();
        }
        for (Map.Entry<String, List<Integer>> g : groups(t).entrySet()) {
            for (List<Integer> part : split(r, g.getValue(), MARKDOWN_WIDTH, true)) {
                md.append("\n");
                if (g.getKey() != null) {
                    md.append("### ").append(g.getKey()).append("\n\n");
                }
                md.append("| lever | ").append(part.stream().map(j -> escape(t.outcomes().get(j).heading()))
                        .collect(Collectors.joining(" | "))).append(" |\n");
                md.append("|---|").append("---:|".repeat(part.size())).append("\n");
                for (List<String> row : rows(r, part, true)) {
                    md.append("| ").append(String.join(" | ", row)).append(" |\n");
                }
            }
        }
        md.append("\n## How to read this table\n\n");
        md.append("- A cell is the mean, over the ").append(t.replicates()).append(" replicates, of the lever arm's outcome minus ")
                .append("the baseline's in the same replicate. Both ran with the same seed (common random numbers), so the ")
                .append("difference leaves out the chance variation the two runs share.\n");
        md.append("- In brackets: the ").append(percent(t.confidence())).append(" confidence interval of that mean, mean ± t · sd / √n ")
                .append("over the n = ").append(t.replicates()).append(" paired differences (Student t, n − 1 degrees of freedom). ")
                .append("**Bold**: the interval excludes 0.\n");
        md.append("- 0 (identical): every replicate gave exactly the same value in both arms; the lever does not reach this ")
                .append("outcome in this window.\n");
        md.append("- The baseline row gives the baseline's own mean, for scale.\n");
        md.append("- Each interval stands alone: with ").append(t.levers().size()).append(" levers × ").append(t.outcomes().size())
                .append(" outcomes = ").append(t.levers().size() * t.outcomes().size()).append(" cells, about ")
                .append(percent(1 - t.confidence())).append(" of them would exclude 0 by chance even if no lever did anything. ")
                .append("Trust an effect that is large against the baseline, and that holds when the table is run again with ")
                .append("another `seed`.\n");
        md.append("- These are differences between runs of a model under stated assumptions, not forecasts.\n");
        md.append("- Every number here is in the result store; `docs/results.md` shows how to query `lever_effects`.\n");
        return md.toString();
    }

    /** Rows: the baseline's means, then one row per lever; Markdown bolds, the terminal stars. */
    private static List<List<String>> rows(LeverTableRunner.Result r, List<Integer> outcomes, boolean markdown) {
        LeverTable t = r.table();
        List<List<String>> rows = new ArrayList<>();
        List<String> base = new ArrayList<>(List.of("baseline (mean)"));
        outcomes.forEach(j -> base.add(TextTable.number(r.baselineMeans()[j])));
        rows.add(base);
        for (LeverTable.Arm a : t.levers()) {
            List<String> row = new ArrayList<>(List.of(markdown ? escape(a.label()) : a.label()));
            for (int j : outcomes) {
                LeverTableRunner.Effect e = r.effect(a.index(), j);
                String c = cell(e.diff());
                row.add(!e.excludesZero() ? c : markdown ? "**" + c + "**" : c + " *");
            }
            rows.add(row);
        }
        return rows;
    }

    /** Outcomes by group heading (null: no group), groups in order of first appearance. */
    private static Map<String, List<Integer>> groups(LeverTable t) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (int j = 0; j < t.outcomes().size(); j++) {
            out.computeIfAbsent(t.outcomes().get(j).group(), k -> new ArrayList<>()).add(j);
        }
        return out;
    }

    /** The outcomes cut into runs of columns that fit {@code width} beside the levers' labels (one at least). */
    private static List<List<Integer>> split(LeverTableRunner.Result r, List<Integer> outcomes, int width, boolean markdown) {
        List<List<String>> all = rows(r, outcomes, markdown);
        int label = "lever".length();
        for (List<String> row : all) {
            label = Math.max(label, row.get(0).length());
        }
        List<List<Integer>> parts = new ArrayList<>();
        List<Integer> part = new ArrayList<>();
        int used = label;
        for (int c = 0; c < outcomes.size(); c++) {
            int w = r.table().outcomes().get(outcomes.get(c)).heading().length();
            for (List<String> row : all) {
                w = Math.max(w, row.get(c + 1).length());
            }
            w += markdown ? 3 : 2;
            if (!part.isEmpty() && used + w > width) {
                parts.add(part);
                part = new ArrayList<>();
                used = label;
            }
            part.add(outcomes.get(c));
            used += w;
        }
        parts.add(part);
        return parts;
    }

    /** What the baseline leaves out or holds: its calendar, the values of {@code set}, the calendar entries those displace. */
    private static List<String> baselineNotes(LeverTable t) {
        List<String> notes = new ArrayList<>();
        if (t.dropCalendar() && !t.baseline().calendar().isEmpty()) {
            notes.add("without its calendar (" + t.baseline().calendar().size() + " entries left out)");
        }
        if (!t.set().isEmpty()) {
            notes.add("for every arm, held for the whole run: " + LeverTable.describe(t.set()));
        }
        if (!t.dropCalendar() && !t.baselineArm().heldOver().isEmpty()) {
            notes.add("calendar entries those displace: " + String.join("; ", t.baselineArm().heldOver()));
        }
        return notes;
    }

    private static List<String> heldOver(LeverTable t) {
        List<String> out = new ArrayList<>();
        for (LeverTable.Arm a : t.levers()) {
            if (!a.heldOver().isEmpty()) {
                out.add(a.label() + ": " + String.join("; ", a.heldOver()));
            }
        }
        return out;
    }

    private static String summaryInWords(LeverTable.Outcome o, LeverTable t) {
        String what = switch (o.summary()) {
            case "mean" -> "mean over the window";
            case "sum" -> "sum over the window";
            case "per_year" -> "per year: sum over the window × 12 / (" + (t.to() - t.from() + 1) + " steps × "
                    + t.baselineArm().monthsPerStep() + (t.baselineArm().monthsPerStep() == 1 ? " month" : " months") + " per step)";
            case "final" -> "value at step " + t.to();
            default -> o.summary();
        };
        return o.label() == null ? "(" + what + ")" : "(" + what + "; \"" + o.label() + "\")";
    }

    private static String percent(double share) {
        double p = Math.rint(share * 100 * 1e6) / 1e6;
        return (p == Math.rint(p) ? Long.toString(Math.round(p)) : String.format(Locale.ROOT, "%.1f", p)) + " %";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
