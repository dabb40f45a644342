package org.officialdom.lab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.model.scenario.ScenarioException;

/**
 * Seeded random generation of malformed experiment files: every one ends in a valid experiment or
 * a {@link ScenarioException} naming the file and what was expected, never another exception.
 */
class ExperimentFuzzTest {

    static final int INPUTS = 10_500;

    private static final String BASE = """
            name: fuzz-grid
            title: A design to break
            scenario: granovetter-normal
            steps: 10
            replicates: 2
            seeds: {policy: common, base: 1}
            metrics: [acting_share]
            statistics: [final, mean]
            design:
              type: grid
            factors:
              - path: sd
                levels: [4, 8, 16]
              - path: mean
                range: [10, 40]
                levels: 3
            """;

    private static final String[] JUNK = {
        "1e400", "-1", "99999999999999999999999", ".nan", "~", "[]", "{}", "[1, [2]]", "{a: 1}", "yes", "'x'",
        "granovetter", "nonesuch", "sobol", "morris", "lhs", "-5", "0", "2.5", "\"\"", "*a", "&a 1", "|\n  x",
    };

    static List<byte[]> generate(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] lines = BASE.split("\n");
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String text;
            switch (i % 7) {
                case 0 -> text = BASE.substring(0, rnd.nextInt(BASE.length()));
                case 1 -> {
                    String[] l = lines.clone();
                    int k = rnd.nextInt(l.length);
                    int colon = l[k].indexOf(':');
                    l[k] = colon < 0 ? JUNK[rnd.nextInt(JUNK.length)] : l[k].substring(0, colon + 1) + " " + JUNK[rnd.nextInt(JUNK.length)];
                    text = String.join("\n", l);
                }
                case 2 -> {
                    String[] l = lines.clone();
                    int k = rnd.nextInt(l.length);
                    String indent = l[k].substring(0, l[k].length() - l[k].stripLeading().length());
                    l[k] = l[k] + "\n" + indent + "unknown" + rnd.nextInt(100) + ": 1";
                    text = String.join("\n", l);
                }
                case 3 -> {
                    int depth = 10 + rnd.nextInt(1000);
                    text = BASE.replace("[4, 8, 16]", "[".repeat(depth) + "]".repeat(depth));
                }
                case 4 -> {
                    byte[] b = BASE.getBytes(StandardCharsets.UTF_8);
                    int at = rnd.nextInt(b.length);
                    for (int j = 0; j < 1 + rnd.nextInt(6) && at + j < b.length; j++) {
                        b[at + j] = (byte) rnd.nextInt(256);
                    }
                    out.add(b);
                    continue;
                }
                case 5 -> {
                    StringBuilder sb = new StringBuilder(BASE);
                    for (int e = 0; e < 1 + rnd.nextInt(5); e++) {
                        int at = rnd.nextInt(sb.length());
                        if (rnd.nextBoolean()) {
                            sb.deleteCharAt(at);
                        } else {
                            sb.insert(at, ":-[]{}&*!|>'\"#,\t\n ".charAt(rnd.nextInt(18)));
                        }
                    }
                    text = sb.toString();
                }
                default -> {
                    String big = rnd.nextBoolean() ? "9".repeat(1 + rnd.nextInt(300)) : "1e" + rnd.nextInt(5000);
                    String[] fields = {"steps: 10", "replicates: 2", "base: 1", "levels: 3", "[10, 40]"};
                    String f = fields[rnd.nextInt(fields.length)];
                    text = f.startsWith("[") ? BASE.replace(f, "[" + big + ", 40]")
                            : BASE.replace(f, f.substring(0, f.indexOf(':') + 1) + " " + (rnd.nextBoolean() ? "-" : "") + big);
                }
            }
            out.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void everyMalformedExperimentFileEndsInAClearMessage(@TempDir Path dir) {
        List<byte[]> inputs = generate(7L, INPUTS);
        int[] rejected = {0};
        assertTimeoutPreemptively(Duration.ofMinutes(4), () -> {
            Path f = dir.resolve("fuzz.yaml");
            for (byte[] input : inputs) {
                Files.write(f, input);
                try {
                    ExperimentLoader.load(f);
                } catch (ScenarioException e) {
                    rejected[0]++;
                    assertThat(e.getMessage()).contains("fuzz.yaml").contains("expected ");
                } catch (Throwable t) {
                    throw new AssertionError("input broke the experiment loader with " + t + ":\n"
                            + new String(input, StandardCharsets.UTF_8), t);
                }
            }
        });
        assertThat(rejected[0]).isGreaterThanOrEqualTo(10_000);
    }
}
