package org.officialdom.model.scenario;

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

/**
 * Seeded random generation of malformed scenario files (truncations, wrong types, huge numbers,
 * unknown fields, deep nesting, alias bombs, bad encodings, random edits). Every input must end in
 * either a valid scenario or a {@link ScenarioException} whose message names the file and says what
 * was expected — never another exception, never a hang.
 */
class ScenarioFuzzTest {

    static final int INPUTS = 12_000;

    private static final String BASE = """
            name: fuzz
            title: A scenario to break
            model: granovetter
            seed: 3
            steps: 5
            start: 2012-11
            parameters:
              population: 20
              distribution: normal
              unit: count
              mean: 5
              sd: 2
              thresholds: [1, 2, 3]
            calendar:
              - date: 2013-01
                note: change
                set:
                  mean: 4
              - step: 2
                set:
                  sd: 1
            """;

    private static final String[] JUNK = {
        "1e400", "-1e400", "99999999999999999999999", "-0", ".nan", ".inf", "~", "null", "''", "\"\"", "[]", "{}",
        "[1, [2, [3]]]", "{a: {b: {c: 1}}}", "yes", "no", "0x1F", "2012-13", "!!binary AAAA", "&a [*a]", "*nope",
        "\"\\u0000\"", "\t", "'unterminated", "\"unterminated", "- - -", ": :", "? complex", "|\n  block", ">-\n  folded",
        "2147483648", "-2147483649", "9223372036854775808", "0.0000000000000000000001", "true", "🙂", "\u202e",
    };

    static List<byte[]> generate(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<byte[]> out = new ArrayList<>(n);
        String[] lines = BASE.split("\n");
        for (int i = 0; i < n; i++) {
            String text;
            switch (i % 10) {
                case 0 -> text = BASE.substring(0, rnd.nextInt(BASE.length())); // truncation
                case 1 -> { // a value replaced by junk
                    String[] l = lines.clone();
                    int k = rnd.nextInt(l.length);
                    int colon = l[k].indexOf(':');
                    l[k] = colon < 0 ? JUNK[rnd.nextInt(JUNK.length)] : l[k].substring(0, colon + 1) + " " + JUNK[rnd.nextInt(JUNK.length)];
                    text = String.join("\n", l);
                }
                case 2 -> { // unknown field at a random indentation
                    String[] l = lines.clone();
                    int k = rnd.nextInt(l.length);
                    String indent = l[k].substring(0, l[k].length() - l[k].stripLeading().length());
                    l[k] = l[k] + "\n" + indent + "x" + rnd.nextInt(1000) + ": 1";
                    text = String.join("\n", l);
                }
                case 3 -> { // deep nesting
                    int depth = 10 + rnd.nextInt(1500); // the parser refuses nesting beyond 500
                    text = BASE.replace("mean: 5", "mean: " + "[".repeat(depth) + "]".repeat(depth));
                }
                case 4 -> { // alias bomb
                    StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
                    int levels = 3 + rnd.nextInt(12);
                    for (int lv = 1; lv < levels; lv++) {
                        sb.append("a").append(lv).append(": &a").append(lv).append(" [");
                        for (int r = 0; r < 9; r++) {
                            sb.append(r == 0 ? "" : ", ").append("*a").append(lv - 1);
                        }
                        sb.append("]\n");
                    }
                    text = BASE + sb;
                }
                case 5 -> { // random bytes spliced in (bad encodings)
                    byte[] b = BASE.getBytes(StandardCharsets.UTF_8);
                    int at = rnd.nextInt(b.length);
                    int len = 1 + rnd.nextInt(8);
                    for (int j = 0; j < len && at + j < b.length; j++) {
                        b[at + j] = (byte) rnd.nextInt(256);
                    }
                    out.add(b);
                    continue;
                }
                case 6 -> { // character deletions and insertions
                    StringBuilder sb = new StringBuilder(BASE);
                    int edits = 1 + rnd.nextInt(6);
                    for (int e = 0; e < edits; e++) {
                        int at = rnd.nextInt(sb.length());
                        if (rnd.nextBoolean()) {
                            sb.deleteCharAt(at);
                        } else {
                            sb.insert(at, ":-[]{}&*!|>'\"%@`#,\t\n ".charAt(rnd.nextInt(21)));
                        }
                    }
                    text = sb.toString();
                }
                case 7 -> { // huge numbers in numeric fields
                    String big = rnd.nextBoolean() ? "9".repeat(1 + rnd.nextInt(400)) : "1e" + rnd.nextInt(100000);
                    String[] fields = {"seed: 3", "steps: 5", "population: 20", "mean: 5", "sd: 2", "step: 2"};
                    String f = fields[rnd.nextInt(fields.length)];
                    text = BASE.replace(f, f.substring(0, f.indexOf(':') + 1) + " " + (rnd.nextBoolean() ? "-" : "") + big);
                }
                case 8 -> { // lines shuffled or duplicated
                    List<String> l = new ArrayList<>(List.of(lines));
                    int a = rnd.nextInt(l.size());
                    int b = rnd.nextInt(l.size());
                    if (rnd.nextBoolean()) {
                        String t = l.get(a);
                        l.set(a, l.get(b));
                        l.set(b, t);
                    } else {
                        l.add(b, l.get(a));
                    }
                    text = String.join("\n", l);
                }
                default -> { // a wrong type for a whole section
                    String[] sections = {"parameters:", "calendar:", "name:", "model:", "start:"};
                    String s = sections[rnd.nextInt(sections.length)];
                    text = BASE.replace(s, s + " " + JUNK[rnd.nextInt(JUNK.length)] + "\nignored" + rnd.nextInt(9) + ":");
                }
            }
            out.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void everyMalformedInputEndsInAClearMessage(@TempDir Path dir) {
        List<byte[]> inputs = generate(20261123L, INPUTS);
        int[] rejected = {0};
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            Path f = dir.resolve("fuzz.yaml");
            for (byte[] input : inputs) {
                Files.write(f, input);
                try {
                    ScenarioLoader.load(f);
                } catch (ScenarioException e) {
                    rejected[0]++;
                    assertThat(e.getMessage()).startsWith(f.toString()).contains("expected ");
                    assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("\tat ");
                } catch (Throwable t) {
                    throw new AssertionError("input broke the loader with " + t + ":\n"
                            + new String(input, StandardCharsets.UTF_8), t);
                }
            }
        });
        // the generator really produces malformed files: nearly all are rejected
        assertThat(rejected[0]).isGreaterThanOrEqualTo(10_000);
    }

    static final int CROSS_INPUTS = 400;

    private static final String BUREAU = """
            name: cross
            model: bureaucracy
            steps: 2
            parameters:
              spin_up_months: 0
              organisation:
                officials: 200
            """;

    private static final String[] NUMBERS = {"-5", "-1", "-0.5", "0", "1e-9", "0.3", "1", "1.5", "7", "1000"};

    /**
     * Values that each look like numbers but do not fit their field or each other (a pay cut of
     * 150 %, zero posts at a rank, shares that sum to nothing, per-rank lists of another length).
     */
    static List<String> generateCrossField(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[][] lists = {
            {"organisation", "custom_posts"}, {"organisation", "sector_shares"}, {"pay", "cut_by_level"},
            {"tournament", "responsibility"},
        };
        String[][] scalars = {{"organisation", "ratio"}, {"organisation", "leaders"}, {"organisation", "fill"}};
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder(BUREAU.replace("  organisation:\n    officials: 200\n", ""));
            java.util.Map<String, StringBuilder> groups = new java.util.LinkedHashMap<>();
            groups.put("organisation", new StringBuilder("    officials: 200\n"));
            int edits = 1 + rnd.nextInt(3);
            for (int e = 0; e < edits; e++) {
                if (rnd.nextInt(4) == 0) {
                    String[] f = scalars[rnd.nextInt(scalars.length)];
                    groups.computeIfAbsent(f[0], k -> new StringBuilder()).append("    ").append(f[1]).append(": ")
                            .append(NUMBERS[rnd.nextInt(NUMBERS.length)]).append('\n');
                } else {
                    String[] f = lists[rnd.nextInt(lists.length)];
                    List<String> values = new ArrayList<>();
                    // mostly the length and values the field takes, so that the damage is one thing at a time
                    int len = rnd.nextBoolean() ? 5 : rnd.nextInt(8);
                    for (int k = 0; k < len; k++) {
                        String sensible = f[1].equals("custom_posts") ? String.valueOf(1 + rnd.nextInt(30)) : String.valueOf(rnd.nextInt(10) / 10.0);
                        values.add(rnd.nextInt(4) == 0 ? NUMBERS[rnd.nextInt(NUMBERS.length)] : sensible);
                    }
                    groups.computeIfAbsent(f[0], k -> new StringBuilder()).append("    ").append(f[1]).append(": [")
                            .append(String.join(", ", values)).append("]\n");
                }
            }
            groups.forEach((g, body) -> sb.append("  ").append(g).append(":\n").append(body));
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void valuesThatDoNotFitTogetherAreRefusedOrRun() {
        int[] rejected = {0};
        int[] ran = {0};
        int[] tooLarge = {0};
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (String text : generateCrossField(20270127L, CROSS_INPUTS)) {
                Scenario sc;
                try {
                    sc = ScenarioLoader.parse(text, "cross.yaml");
                } catch (ScenarioException e) {
                    rejected[0]++;
                    assertThat(e.getMessage()).startsWith("cross.yaml, line ").contains("field 'parameters.").contains("expected ");
                    continue;
                } catch (Throwable t) {
                    throw new AssertionError("input broke the loader with " + t + ":\n" + text, t);
                }
                // what the loader accepts is counted before it is built; what fits, the model builds
                // and runs with every invariant holding
                if (sc.footprint().bytes() > 64L << 20) {
                    tooLarge[0]++;
                    continue;
                }
                try (var sim = new org.officialdom.engine.Simulation(sc.kind().create(sc.parametersAt(0)), sc.seed(), 1)) {
                    sim.setChecking(true);
                    for (int s = 0; s < sc.steps(); s++) {
                        sim.step();
                    }
                    ran[0]++;
                } catch (Throwable t) {
                    throw new AssertionError("accepted input failed to run with " + t + ":\n" + text, t);
                }
            }
        });
        assertThat(rejected[0]).isGreaterThan(CROSS_INPUTS / 4);
        assertThat(ran[0]).isGreaterThan(CROSS_INPUTS / 10);
        assertThat(tooLarge[0]).isPositive();
    }
}
