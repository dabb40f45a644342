package org.officialdom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.officialdom.lab.Progress;

/** The progress shown: a bar as wide as the terminal, plain lines without escape codes when standard error is not one. */
class TerminalProgressTest {

    private static final String VAR = TerminalProgress.COLUMNS_VARIABLE;

    @Test
    void theLaunchersWordDecidesBetweenABarAndLines() {
        assertThat(TerminalProgress.barWidth(Map.of(VAR, "132"), false)).isEqualTo(132);
        assertThat(TerminalProgress.barWidth(Map.of(VAR, "0"), true)).isZero();
        assertThat(TerminalProgress.barWidth(Map.of(VAR, "0", "COLUMNS", "200"), true)).isZero();
        // without the launcher: the console, then COLUMNS, then the library's own measure
        assertThat(TerminalProgress.barWidth(Map.of(), false)).isZero();
        assertThat(TerminalProgress.barWidth(Map.of("COLUMNS", "150"), true)).isEqualTo(150);
        assertThat(TerminalProgress.barWidth(Map.of("COLUMNS", "wide"), true)).isEqualTo(-1);
        assertThat(TerminalProgress.barWidth(Map.of(), true)).isEqualTo(-1);
        PrintWriter err = new PrintWriter(new StringWriter());
        assertThat(TerminalProgress.create(false, err, "steps", Map.of(VAR, "0"), true)).isInstanceOf(TerminalProgress.Lines.class);
        assertThat(TerminalProgress.create(false, err, "steps", Map.of(VAR, "160"), false)).isInstanceOf(TerminalProgress.Bar.class)
                .extracting(p -> ((TerminalProgress.Bar) p).width()).isEqualTo(160);
        assertThat(TerminalProgress.create(true, err, "steps", Map.of(VAR, "160"), true)).isSameAs(Progress.NONE);
    }

    @Test
    void aBarFillsAWideTerminalAndIsNotCutAt80Columns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        var bar = new TerminalProgress.Bar("steps", 140, new me.tongfei.progressbar.ConsoleProgressBarConsumer(out, 140));
        bar.start("china-2012-2025", 157, 0);
        bar.advance(60);
        bar.finish();
        int longest = 0;
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("[\r\n]")) {
            longest = Math.max(longest, line.length());
        }
        assertThat(longest).isGreaterThan(80).isLessThanOrEqualTo(140);
    }

    @Test
    void linesForALogHaveNoEscapeCodes() {
        StringWriter text = new StringWriter();
        Progress lines = new TerminalProgress.Lines(new PrintWriter(text), "steps", 0);
        lines.start("china-2012-2025", 157, 0);
        lines.advance(10);
        lines.advance(20);
        lines.finish();
        assertThat(text.toString()).contains("china-2012-2025: 10 of 157 steps").contains("china-2012-2025: 20 of 157 steps")
                .doesNotContain("\u001b").doesNotContain("\r");
    }

    @Test
    void aCountCutShortSaysWhereItStoppedNotThatItIsDone() {
        StringWriter text = new StringWriter();
        Progress whole = new TerminalProgress.Lines(new PrintWriter(text), "accepted", Long.MAX_VALUE);
        whole.start("generation 6", 200, 0);
        whole.advance(200);
        whole.finish();
        Progress cut = new TerminalProgress.Lines(new PrintWriter(text), "accepted", Long.MAX_VALUE);
        cut.start("generation 7", 200, 0);
        cut.advance(123);
        cut.finish();
        assertThat(text.toString()).contains("generation 6: done, 200 accepted").contains("generation 7: stopped at 123 of 200 accepted")
                .doesNotContain("generation 7: done");
    }
}
