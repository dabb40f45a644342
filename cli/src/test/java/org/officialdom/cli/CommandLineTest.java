package org.officialdom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
