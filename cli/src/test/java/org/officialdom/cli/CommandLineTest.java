package org.officialdom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.lab.Runner;
import org.officialdom.lab.store.ResultStore;

class CommandLineTest {

    private static LabCommandsTest.Outcome run(String... args) {
        return LabCommandsTest.officialdom(args);
    }

    private static final String GOOD = """
            name: cli-test
            model: granovetter
            steps: 30
            parameters:
              population: 60000
              distribution: normal
              unit: share
              mean: 0.25
              sd: 0.2
            """;

    @Test
    void helpAndVersionExitZero() {
        LabCommandsTest.Outcome help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("run").contains("scenarios");
        assertThat(run("run", "--help").code()).isZero();
        assertThat(run("--version").out()).contains("officialdom");
    }

    @Test
    void aSetParameterHoldsOverTheCalendarAndTheRunSaysSo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("held");
        LabCommandsTest.Outcome o = run("run", "china-2012-2025", "--set", "surveillance.intensity=0.9", "--set", "organisation.officials=1000",
                "--set", "spin_up_months=0", "--steps", "20", "-q", "--no-store", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.err()).contains("calendar entries left out: surveillance.intensity at 2014-04, 2015-07, 2022-11, 2023-07");
        assertThat(o.err()).containsPattern("--steps 20 end the run before \\d+ of the calendar's entries \\(from 2015-01\\)");
        // the run folder's scenario reruns the same run: the value, and no calendar entry that would undo it
        String yaml = java.nio.file.Files.readString(out.resolve("scenario.yaml"));
        assertThat(yaml).contains("intensity: 0.9").doesNotContain("surveillance.intensity");
        // a scenario file whose calendar goes past its own end says so too
        Path late = dir.resolve("late.yaml");
        java.nio.file.Files.writeString(late, """
                name: late
                model: granovetter
                steps: 5
                start: 2020-01
                calendar:
                  - {date: 2021-03, set: {mean: 5}}
                """);
        LabCommandsTest.Outcome lateRun = run("run", late.toString(), "-q", "--no-store", "--out", dir.resolve("late").toString());
        assertThat(lateRun.code()).isZero();
        assertThat(lateRun.err()).contains("the scenario's 5 steps end the run before 1 of the calendar's entries (from 2021-03)");
        // a parameter the calendar never sets says nothing
        LabCommandsTest.Outcome quiet = run("run", "china-2012-2025", "--set", "organisation.officials=1000", "--set", "spin_up_months=0",
                "--steps", "5", "-q", "--no-store", "--out", dir.resolve("plain").toString());
        assertThat(quiet.code()).isZero();
        assertThat(quiet.err()).doesNotContain("left out");
    }

    @Test
    void explainSplitsAScenariosChangeAmongItsLeversAndRefusesBadOptions(@TempDir Path dir) throws Exception {
        Path sc = dir.resolve("small.yaml");
        java.nio.file.Files.writeString(sc, """
                name: small-calendar
                model: bureaucracy
                seed: 5
                steps: 24
                start: 2020-01
                parameters:
                  spin_up_months: 0
                  track_every: 0
                  organisation: {officials: 300}
                calendar:
                  - {date: 2020-03, set: {surveillance.intensity: 0.8}}
                  - {date: 2020-06, set: {quotas.campaign: 0.9}}
                """);
        String db = dir.resolve("r.duckdb").toString();
        LabCommandsTest.Outcome o = run("explain", sc.toString(), "-n", "2", "--metrics", "stress_mean,evln_neglect", "--window", "6",
                "--db", db, "-q");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("exact Shapley values over all 4 coalitions").contains("surveillance.intensity")
                .contains("quotas.campaign").contains("no calendar (the model's drift)").contains("Explanation id: small-calendar-explain-");
        java.util.regex.Matcher report = java.util.regex.Pattern.compile("Report: (.+\\.html)").matcher(o.out());
        assertThat(report.find()).isTrue();
        assertThat(java.nio.file.Files.readString(Path.of(report.group(1)))).contains("<section id=\"waterfalls\">");
        LabCommandsTest.Outcome badMetric = run("explain", sc.toString(), "--metrics", "riots", "--db", db, "-q");
        assertThat(badMetric.code()).isEqualTo(2);
        assertThat(badMetric.err()).contains("--metrics").contains("'riots'").doesNotContain("Exception");
        LabCommandsTest.Outcome badDate = run("explain", sc.toString(), "--to", "2030-01", "--db", db, "-q");
        assertThat(badDate.code()).isEqualTo(2);
        assertThat(badDate.err()).contains("--to").contains("2020-01 to 2022-01");
        LabCommandsTest.Outcome calendarSet = run("explain", sc.toString(), "--set", "surveillance.intensity=0.5", "--db", db, "-q");
        assertThat(calendarSet.code()).isEqualTo(2);
        assertThat(calendarSet.err()).contains("surveillance.intensity is set by the calendar");
        LabCommandsTest.Outcome noCalendar = run("explain", "granovetter-normal", "--db", db, "-q");
        assertThat(noCalendar.code()).isEqualTo(2);
        assertThat(noCalendar.err()).contains("no calendar entries");
    }

    @Test
    void posteriorDrawsWriteBandsHoldSetParametersAndRefuseWhatTheyCannotDraw(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("post.csv"), """
                # two particles far apart; attractiveness out of play, so applicants per post follow the draw alone
                weight,recruitment.applicants_per_post,recruitment.attractiveness_elasticity
                1,20,0
                1,150,0
                """);
        Path sc = dir.resolve("small.yaml");
        java.nio.file.Files.writeString(sc, """
                name: small-posterior
                model: bureaucracy
                seed: 3
                steps: 14
                start: 2013-01
                posterior: post.csv
                parameters:
                  spin_up_months: 0
                  track_every: 0
                  organisation: {officials: 400}
                """);
        Path out = dir.resolve("drawn");
        LabCommandsTest.Outcome o = run("run", sc.toString(), "--posterior", "3", "-q", "--no-store", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("Posterior draws: 3 runs").contains("At the end, median [90 % band] of 3 draws");
        java.util.List<String> bands = java.nio.file.Files.readAllLines(out.resolve("bands.csv"));
        assertThat(bands.get(0)).isEqualTo("step,metric,draws,q05,q25,q50,q75,q95");
        int metrics = java.nio.file.Files.readAllLines(out.resolve("metrics.csv")).get(0).split(",").length - 1;
        assertThat(bands).hasSize(1 + 15 * metrics);
        for (String line : bands.subList(1, bands.size())) {
            String[] f = line.split(",");
            assertThat(f[2]).isEqualTo("3");
            for (int q = 3; q < 7; q++) {
                assertThat(Double.parseDouble(f[q])).as(line).isLessThanOrEqualTo(Double.parseDouble(f[q + 1]));
            }
        }
        String last = bands.stream().filter(l -> l.startsWith("14,applicants_per_post,")).findFirst().orElseThrow();
        String[] q = last.split(",");
        assertThat(Double.parseDouble(q[3])).as(last).isLessThan(Double.parseDouble(q[7]));
        assertThat(java.nio.file.Files.readString(out.resolve("posterior.json"))).contains("post.csv").contains("\"draws\": 3");
        // a parameter held with --set stays where it is put in every draw
        Path held = dir.resolve("held");
        LabCommandsTest.Outcome h = run("run", sc.toString(), "--posterior", "3", "--set", "recruitment.applicants_per_post=50", "-q",
                "--no-store", "--out", held.toString());
        assertThat(h.code()).as(h.err()).isZero();
        assertThat(highest(out, "applicants_per_post")).isGreaterThan(100); // the particle at 150 drawn
        assertThat(highest(held, "applicants_per_post")).isEqualTo(50); // never: 50 held in every draw
        // a run without draws leaves no bands of an earlier one in its folder
        assertThat(run("run", sc.toString(), "-q", "--no-store", "--out", held.toString()).code()).isZero();
        assertThat(held.resolve("bands.csv")).doesNotExist();
        // what cannot be drawn exits 2 with the reason
        assertThat(run("run", sc.toString(), "--posterior", "0", "-q", "--no-store", "--out", dir.resolve("z").toString()).err())
                .contains("--posterior: expected a number of draws from 1 to 1000, found 0");
        LabCommandsTest.Outcome none = run("run", "granovetter", "--posterior", "2", "-q", "--no-store", "--out", dir.resolve("g").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("scenario granovetter names no posterior sample");
        java.nio.file.Files.writeString(dir.resolve("odd.csv"), "weight,no.such\n1,2\n");
        LabCommandsTest.Outcome odd = run("run", sc.toString(), "--posterior", "2", "--posterior-from", dir.resolve("odd.csv").toString(),
                "-q", "--no-store", "--out", dir.resolve("o").toString());
        assertThat(odd.code()).isEqualTo(2);
        assertThat(odd.err()).contains("has parameter no.such, which model bureaucracy does not have");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    /** The highest 95 % quantile of a metric in a folder's bands.csv. */
    private static double highest(Path folder, String metric) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(folder.resolve("bands.csv")).stream().filter(l -> l.contains("," + metric + ","))
                .mapToDouble(l -> Double.parseDouble(l.split(",")[7])).max().orElseThrow();
    }

    @Test
    void aRunTheStoreCannotTakeSaysSoAndExitsOneWithItsResultsKept(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("blocker");
        java.nio.file.Files.writeString(blocker, "a file where the store's folder would be");
        Path out = dir.resolve("run");
        LabCommandsTest.Outcome o = run("run", "granovetter-normal", "--steps", "5", "-q", "--out", out.toString(),
                "--db", blocker.resolve("results.duckdb").toString());
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.err()).contains("the run finished and its results are in").contains("was not recorded in the result store")
                .contains("--no-store").doesNotContain("Exception");
        assertThat(out.resolve("metrics.csv")).exists();
    }

    @Test
    void runsWithOtherOptionsGetTheirOwnFolderAndAReplacedRunIsNamed(@TempDir Path dir) {
        assertThat(RunCommand.defaultFolder("china-2012-2025", null, null, null, null)).isEqualTo("china-2012-2025");
        assertThat(RunCommand.defaultFolder("china-2012-2025", 7L, 24, 10.0, null)).isEqualTo("china-2012-2025-seed7-steps24-scale10");
        assertThat(RunCommand.defaultFolder("x", null, null, 0.5, null)).isEqualTo("x-scale0.5");
        String a = RunCommand.defaultFolder("x", null, null, null, List.of("a=1", "b=2"));
        assertThat(a).startsWith("x-set-").hasSize("x-set-".length() + 8)
                .isEqualTo(RunCommand.defaultFolder("x", null, null, null, List.of("b=2", "a=1")))
                .isNotEqualTo(RunCommand.defaultFolder("x", null, null, null, List.of("a=1", "b=3")));
        Path out = dir.resolve("same");
        LabCommandsTest.Outcome first = run("run", "granovetter-normal", "--steps", "3", "-q", "--no-store", "--out", out.toString());
        assertThat(first.code()).isZero();
        assertThat(first.err()).doesNotContain("replacing");
        LabCommandsTest.Outcome second = run("run", "granovetter-normal", "--steps", "4", "-q", "--no-store", "--out", out.toString());
        assertThat(second.code()).isZero();
        assertThat(second.err()).contains("replacing the earlier run in " + out);
    }

    @Test
    void aMisspeltOptionGetsSuggestionsAndTheRightHelpCommand() {
        LabCommandsTest.Outcome o = run("run", "--sed", "3");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("Unknown option: '--sed'").contains("--seed").contains("Try 'officialdom run --help'.");
        LabCommandsTest.Outcome none = run();
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("Try 'officialdom --help'.").doesNotContain("officialdom officialdom");
    }

    @Test
    void scenariosAreListed() {
        LabCommandsTest.Outcome o = run("scenarios");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("granovetter");
    }

    @Test
    void badScenarioFilesExitTwoNamingTheField(@TempDir Path dir) throws Exception {
        String[][] cases = {
                {"population: 60000", "population: lots", "parameters.population"},   // wrong type
                {"  sd: 0.2", "  sd: 0.2\n  colour: red", "parameters.colour"},       // unknown field
                {"population: 60000", "population: 0", "parameters.population"},       // out of range
        };
        for (String[] c : cases) {
            Path f = dir.resolve("bad.yaml");
            Files.writeString(f, GOOD.replace(c[0], c[1]));
            LabCommandsTest.Outcome o = run("run", f.toString(), "--out", dir.resolve("o").toString(), "-q");
            assertThat(o.code()).as(c[2]).isEqualTo(2);
            assertThat(o.err()).contains(c[2]).contains("bad.yaml").contains("line ").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(dir.resolve("o")).doesNotExist();
        }
    }

    @Test
    void theIssuesCasesExitTwoWithTheFieldAndLeaveNoFolder(@TempDir Path dir) throws Exception {
        String bureau = "name: b\nmodel: bureaucracy\nsteps: 3\nparameters:\n  organisation:\n    officials: 300\n";
        String[][] cases = {
            {bureau + "  pay:\n    cut_by_level: [1.5, 0, 0, 0, 0]\n", "parameters.pay.cut_by_level[0]"},
            {bureau + "    custom_posts: [10, 0, 1]\n", "parameters.organisation.custom_posts[1]"},
            {bureau.replace("steps: 3", "steps: 1e-400"), "field 'steps'"},
            {bureau + "    officials: 400\n", "parameters.organisation.officials"},
            {bureau.replace("steps: 3", "steps: &n 3").replace("officials: 300", "officials: *n"), "field 'steps'"},
            {"name: e\nmodel: epstein\nsteps: 3\nparameters:\n  width: 100000\n  height: 100000\n", "10,000,000,000 grid cells"},
        };
        for (String[] c : cases) {
            Path f = dir.resolve("bad.yaml");
            Files.writeString(f, c[0]);
            LabCommandsTest.Outcome o = run("run", f.toString(), "--out", dir.resolve("o").toString(), "-q", "--no-store");
            assertThat(o.code()).as(c[1] + ": " + o.err()).isEqualTo(2);
            assertThat(o.err()).contains(c[1]).contains("bad.yaml").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(dir.resolve("o")).doesNotExist();
        }
    }

    @Test
    void checkSaysWhatItCheckedAndResumeKeepsItAndRefusesADamagedCheckpoint(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, GOOD);
        Path out = dir.resolve("o");
        LabCommandsTest.Outcome o = run("run", f.toString(), "--out", out.toString(), "-q", "--no-store", "--check",
                "--checkpoint-every", "10");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("Checked after every step:").contains("metrics finite").contains("in [0, 1]: ");
        assertThat(out.resolve("checkpoint.bin")).doesNotExist();
        // a checkpoint that is not this run's (a bare simulation's): exit 2, and the message says why
        Path part = dir.resolve("part");
        Files.createDirectories(part);
        Files.copy(out.resolve("scenario.yaml"), part.resolve("scenario.yaml"));
        org.officialdom.engine.Simulation sim = new org.officialdom.engine.Simulation(
                org.officialdom.model.scenario.ScenarioLoader.load(part.resolve("scenario.yaml")).kind()
                        .create(org.officialdom.model.scenario.ScenarioLoader.load(part.resolve("scenario.yaml")).parametersAt(0)), 1, 1);
        sim.step();
        org.officialdom.engine.Checkpoint.write(sim, part.resolve("checkpoint.bin"));
        sim.close();
        LabCommandsTest.Outcome refused = run("run", "--resume", part.toString(), "-q", "--no-store", "--check");
        assertThat(refused.code()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err()).contains("--resume").contains("belongs to a run of model").doesNotContain("Exception");
    }

    /** A run of GOOD that stops (as if killed) after step 15, with a checkpoint at step 10, started with these options. */
    private static Path interrupted(Path dir, String name, boolean check, String store) throws Exception {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, GOOD);
        Path folder = dir.resolve(name);
        org.officialdom.lab.Progress crash = new org.officialdom.lab.Progress() {
            @Override
            public void start(String label, long total, long done) {
            }

            @Override
            public void advance(long done) {
                if (done == 15) {
                    throw new IllegalStateException("killed");
                }
            }

            @Override
            public void finish() {
            }
        };
        assertThatThrownBy(() -> Runner.run(org.officialdom.model.scenario.ScenarioLoader.load(f),
                new org.officialdom.lab.RunOptions(null, null, 1, folder, 10, check, store), crash)).hasMessage("killed");
        assertThat(folder.resolve("checkpoint.bin")).exists();
        return folder;
    }

    @Test
    void aResumedRunKeepsItsOptions(@TempDir Path dir) throws Exception {
        // started with --no-store: the resumed run is not recorded, in the default store or any
        Path quiet = interrupted(dir, "unrecorded", false, "");
        Path store = dir.resolve("r.duckdb");
        LabCommandsTest.Outcome a = run("run", "--resume", quiet.toString(), "-q", "--threads", "2");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).doesNotContain("Recorded").contains("Results in");
        // started to be recorded in a store and checked: the resumed run is checked and recorded there, no --db given
        Path recorded = interrupted(dir, "recorded", true, store.toAbsolutePath().toString());
        LabCommandsTest.Outcome b = run("run", "--resume", recorded.toString(), "-q");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).contains("Recorded as run ").contains(store.toAbsolutePath().toString())
                .contains("Checked after every step:");
        try (ResultStore st = ResultStore.open(store)) {
            assertThat(st.count("runs", null)).isEqualTo(1);
        }
        // --no-store given to the resume is honoured too
        Path again = interrupted(dir, "again", false, store.toAbsolutePath().toString());
        LabCommandsTest.Outcome c = run("run", "--resume", again.toString(), "-q", "--no-store");
        assertThat(c.out()).doesNotContain("Recorded");
    }

    @Test
    void benchPrintsItsFiguresOnLinesScriptsCanRead() {
        LabCommandsTest.Outcome o = run("bench", "--officials", "3000", "--steps", "3", "--threads", "1");
        assertThat(o.code()).isZero();
        assertThat(o.out())
                .containsPattern("(?m)^agent-steps per second: \\d+$")
                .containsPattern("(?m)^bytes per agent: 64$")
                .containsPattern("(?m)^  pass pressures +\\d+\\.\\d{3} s$")
                .contains("steps: 3, threads: 1");
        java.util.regex.Matcher agents = java.util.regex.Pattern.compile("agents: (\\d+)").matcher(o.out());
        assertThat(agents.find()).isTrue();
        assertThat(Integer.parseInt(agents.group(1))).isBetween(2500, 3500); // whole units around 3000
        LabCommandsTest.Outcome wrongKind = run("bench", "granovetter-normal", "--officials", "1000");
        assertThat(wrongKind.code()).isEqualTo(2);
        assertThat(wrongKind.err()).contains("--officials").contains("bureaucracy").doesNotContain("Exception");
        assertThat(run("bench", "--officials", "0").code()).isEqualTo(2);
        LabCommandsTest.Outcome warmed = run("bench", "--officials", "3000", "--steps", "4", "--warmup", "2", "--threads", "1");
        assertThat(warmed.code()).isZero();
        assertThat(warmed.out()).containsPattern("warm-up: 2 steps, \\d+\\.\\d{3} s \\(not counted\\)")
                .containsPattern("(?m)^agent-steps per second: \\d+$");
        LabCommandsTest.Outcome tooLong = run("bench", "--officials", "3000", "--steps", "4", "--warmup", "4");
        assertThat(tooLong.code()).isEqualTo(2);
        assertThat(tooLong.err()).contains("--warmup").contains("0 to 3");
    }

    @Test
    void badOptionsExitTwo() {
        assertThat(run("run", "--threads", "0", "-q").code()).isEqualTo(2);
        assertThat(run("run", "--steps", "x").code()).isEqualTo(2);
        assertThat(run("run", "nonesuch").code()).isEqualTo(2);
        assertThat(run("frobnicate").code()).isEqualTo(2);
    }

    @Test
    void runsAreByteIdenticalForOneTwoAndEightThreads(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, GOOD);
        String first = null;
        for (String threads : new String[] {"1", "2", "8"}) {
            Path out = dir.resolve("t" + threads);
            LabCommandsTest.Outcome o = run("run", f.toString(), "--threads", threads, "--out", out.toString(), "-q");
            assertThat(o.code()).isZero();
            assertThat(o.out()).contains("Results in").contains("Equilibrium");
            String csv = Files.readString(out.resolve("metrics.csv"));
            if (first == null) {
                first = csv;
            } else {
                assertThat(csv).isEqualTo(first);
            }
        }
        Path other = dir.resolve("seed2");
        run("run", f.toString(), "--seed", "2", "--out", other.toString(), "-q");
        assertThat(Files.readString(other.resolve("metrics.csv"))).isNotEqualTo(first);
    }
}
