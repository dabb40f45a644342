package org.officialdom.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.officialdom.lab.Progress;

/**
 * Progress on the terminal: a bar with rate and ETA (the progressbar library) when standard error
 * is a terminal; a plain line every ten seconds otherwise (CI logs, pipes); nothing with --quiet.
 */
final class TerminalProgress {

    private TerminalProgress() {
    }

    static Progress create(boolean quiet, PrintWriter err) {
        return create(quiet, err, "steps");
    }

    /** Progress counted in {@code unit} ("steps", "runs", "evaluations"). */
    static Progress create(boolean quiet, PrintWriter err, String unit) {
        if (quiet) {
            return Progress.NONE;
        }
        if (System.console() != null) {
            return new Bar(unit);
        }
        return new Lines(err, unit);
    }

    private static final class Bar implements Progress {
        private final String unit;
        private ProgressBar bar;

        Bar(String unit) {
            this.unit = unit;
        }

        @Override
        public void start(String label, long total, long done) {
            bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" " + unit, 1).showSpeed()
                    .startsFrom(done, java.time.Duration.ZERO).build();
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

    private static final class Lines implements Progress {
        private final PrintWriter err;
        private final String unit;
        private String label;
        private long total;
        private long started;
        private long lastPrint;

        Lines(PrintWriter err, String unit) {
            this.err = err;
            this.unit = unit;
        }

        @Override
        public void start(String label, long total, long done) {
            this.label = label;
            this.total = total;
            this.started = System.nanoTime();
            this.lastPrint = started;
        }

        @Override
        public void advance(long done) {
            long now = System.nanoTime();
            if (now - lastPrint > 10_000_000_000L) {
                double s = (now - started) / 1e9;
                err.printf("%s: %d of %d %s (%.1f %s/s)%n", label, done, total, unit, done / s, unit);
                err.flush();
                lastPrint = now;
            }
        }

        @Override
        public void finish() {
            if (!"steps".equals(unit) && total > 0) {
                err.printf("%s: done, %d %s in %.1f s%n", label, total, unit, (System.nanoTime() - started) / 1e9);
                err.flush();
            }
        }
    }
}
