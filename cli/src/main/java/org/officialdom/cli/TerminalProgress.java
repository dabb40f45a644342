package org.officialdom.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.officialdom.lab.Progress;

/**
 * Progress on the terminal: a bar with rate and ETA (the progressbar library), as wide as the
 * terminal, when standard error is a terminal; a plain line every ten seconds otherwise (CI logs,
 * pipes, a file), with no escape codes; nothing with --quiet.
 *
 * <p>Java cannot tell whether standard error is a terminal ({@code System.console()} looks at the
 * others), so the launcher says: it sets {@value #COLUMNS_VARIABLE} to the terminal's width, or to 0
 * when standard error is not one. Without it (the jar run by hand) the console and {@code COLUMNS} decide.
 */
final class TerminalProgress {

    /** Set by the launcher: the width of the terminal standard error writes to, or 0 when it is not a terminal. */
    static final String COLUMNS_VARIABLE = "OFFICIALDOM_STDERR_COLUMNS";

    /** Narrower than this, a bar has no room for its figures: a width below it is not believed. */
    private static final int MIN_WIDTH = 20;

    private TerminalProgress() {
    }

    static Progress create(boolean quiet, PrintWriter err) {
        return create(quiet, err, "steps");
    }

    /** Progress counted in {@code unit} ("steps", "runs", "evaluations"). */
    static Progress create(boolean quiet, PrintWriter err, String unit) {
        return create(quiet, err, unit, System.getenv(), System.console() != null);
    }

    static Progress create(boolean quiet, PrintWriter err, String unit, java.util.Map<String, String> env, boolean console) {
        if (quiet) {
            return Progress.NONE;
        }
        int width = barWidth(env, console);
        if (width != 0) {
            return new Bar(unit, width, null);
        }
        return new Lines(err, unit, 10_000_000_000L);
    }

    /**
     * The width of the bar: the launcher's word when it gave one (0: not a terminal, plain lines), else
     * 0 without a console, {@code COLUMNS} when it is set, and -1 (the library measures the terminal)
     * when nothing says.
     */
    static int barWidth(java.util.Map<String, String> env, boolean console) {
        Integer said = number(env.get(COLUMNS_VARIABLE));
        if (said != null) {
            return said >= MIN_WIDTH ? said : 0;
        }
        if (!console) {
            return 0;
        }
        Integer columns = number(env.get("COLUMNS"));
        return columns != null && columns >= MIN_WIDTH ? columns : -1;
    }

    private static Integer number(String s) {
        if (s == null || !s.trim().matches("[0-9]{1,5}")) {
            return null;
        }
        return Integer.parseInt(s.trim());
    }

    static final class Bar implements Progress {
        private final String unit;
        private final int width;
        private final me.tongfei.progressbar.ProgressBarConsumer consumer;
        private ProgressBar bar;

        /** A bar {@code width} columns wide (-1: the terminal's, as the library measures it), drawn by {@code consumer} (null: on standard error). */
        Bar(String unit, int width, me.tongfei.progressbar.ProgressBarConsumer consumer) {
            this.unit = unit;
            this.width = width;
            this.consumer = consumer;
        }

        int width() {
            return width;
        }

        @Override
        public void start(String label, long total, long done) {
            ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(label).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" " + unit, 1).showSpeed()
                    .startsFrom(done, java.time.Duration.ZERO);
            if (width > 0) {
                b.setMaxRenderedLength(width);
            }
            if (consumer != null) {
                b.setConsumer(consumer);
            }
            bar = b.build();
        }

        @Override
        public void advance(long done) {
            bar.stepTo(done);
        }

        @Override
        public void finish() {
            bar.close();
        }
    }

    static final class Lines implements Progress {
        private final PrintWriter err;
        private final String unit;
        private final long every;
        private String label;
        private long total;
        private long started;
        private long lastPrint;
        private long reached;

        /** A line at most every {@code every} nanoseconds. */
        Lines(PrintWriter err, String unit, long every) {
            this.err = err;
            this.unit = unit;
            this.every = every;
        }

        @Override
        public void start(String label, long total, long done) {
            this.label = label;
            this.total = total;
            this.reached = done;
            this.started = System.nanoTime();
            this.lastPrint = started;
        }

        @Override
        public void advance(long done) {
            reached = done;
            long now = System.nanoTime();
            if (now - lastPrint >= every) {
                double s = (now - started) / 1e9;
                err.printf(java.util.Locale.ROOT, "%s: %d of %d %s (%.1f %s/s)%n", label, done, total, unit, done / s, unit);
                err.flush();
                lastPrint = now;
            }
        }

        @Override
        public void finish() {
            if (!"steps".equals(unit) && total > 0) {
                double s = (System.nanoTime() - started) / 1e9;
                if (reached >= total) {
                    err.printf(java.util.Locale.ROOT, "%s: done, %d %s in %.1f s%n", label, total, unit, s);
                } else {
                    // cut short (a calibration's budget spent in the middle of a generation, say): say where it stopped
                    err.printf(java.util.Locale.ROOT, "%s: stopped at %d of %d %s after %.1f s%n", label, reached, total, unit, s);
                }
                err.flush();
            }
        }
    }
}
