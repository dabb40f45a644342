package org.officialdom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: a scaled-down flagship run, then the biography of one of its tracked officials. */
class BiographyCommandTest {

    private static String capture(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runThenTellACareer(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        String run = capture(() -> assertThat(Officialdom.execute("run", "china-2012-2025", "--scale", "0.1", "--steps", "24",
                "--threads", "2", "-q", "--out", out.toString())).isZero());
        // a tenth of the 20,000 officials (the generator gives about as many as asked)
        assertThat(run).containsPattern("Bureaucracy: [12],[0-9]{3} officials").contains("EVLN at the end");
        assertThat(Files.readString(out.resolve("run.json"))).contains("\"bytes_per_agent\": 64");
        assertThat(Files.readString(out.resolve("scenario.yaml"))).contains("officials: 2000");
        String list = capture(() -> assertThat(Officialdom.execute("biography", out.toString())).isZero());
        // every 500th id that is in post at the start (after the spin-up, mostly recruits of the spin-up)
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("Tracked officials \\(\\d+\\): \\[(\\d+)").matcher(list);
        assertThat(first.find()).as(list).isTrue();
        String id = first.group(1);
        assertThat(Integer.parseInt(id) % 500).isZero();
        String story = capture(() -> assertThat(Officialdom.execute("biography", out.toString(), "--official", id)).isZero());
        assertThat(story).startsWith("Official " + id).contains("2012-11");
    }

    @Test
    void scaleNeedsAnOrganisation() {
        assertThat(Officialdom.execute("run", "granovetter", "--scale", "2", "-q", "--out", "target/never")).isEqualTo(2);
    }
}
