package org.officialdom.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.officialdom.lab.Benchmark;
import org.officialdom.model.scenario.BuiltInScenarios;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times a whole run without writing results: agent-steps per second, bytes per agent, "
                + "peak heap and time per pass. A bureaucracy scenario runs without its spin-up (it would run inside the "
                + "initialisation); --set spin_up_months=M puts it back.",
                "Examples: officialdom bench --officials 10000000 --steps 120 --warmup 24 --threads 2",
                "          officialdom bench granovetter-normal --set population=1000000 --steps 100 --threads 2"})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Built-in scenario or file.")
    String scenario;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a parameter (repeatable).")
    List<String> set;

    @Option(names = "--officials", paramLabel = "N",
            description = "Officials, for a bureaucracy scenario (the default, the flagship): the same as "
                    + "--set organisation.officials=N; the generator rounds it to whole units.")
    Integer officials;

    @Option(names = "--steps", description = "Number of steps (default: the scenario's).")
    Integer steps;

    @Option(names = "--warmup", paramLabel = "W",
            description = "Run the first W of the steps without counting them: the rate and the time per pass "
                    + "are those of the steps after (default: 0, the whole run counts).")
    int warmup;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--seed", description = "Seed (default: the scenario's).")
    Long seed;

    @Override
    public Integer call() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 1024) {
            throw new Officialdom.BadInput("--threads: expected a number from 1 to 1024, found " + t);
        }
        Scenario sc = ScenarioLoader.resolve(scenario == null ? BuiltInScenarios.flagship() : scenario);
        List<String> sets = new java.util.ArrayList<>();
        boolean bureaucracy = sc.kind().name().equals("bureaucracy");
        if (bureaucracy) {
            // the spin-up runs inside the initialisation; a benchmark times steps, so it is off unless --set asks for it
            sets.add("spin_up_months=0");
        }
        if (officials != null) {
            if (!bureaucracy) {
                throw new Officialdom.BadInput("--officials: applies to bureaucracy scenarios; " + sc.name() + " is a "
                        + sc.kind().name() + " scenario (set its population with --set)");
            }
            if (officials < 1) {
                throw new Officialdom.BadInput("--officials: expected a positive number, found " + officials);
            }
            sets.add("organisation.officials=" + officials);
        }
        if (set != null) {
            sets.addAll(set); // a --set of the same parameter comes later and wins
        }
        sc = ScenarioLoader.override(sc, sets).with(seed, steps);
        if (warmup < 0 || warmup >= Math.max(1, sc.steps())) {
            throw new Officialdom.BadInput("--warmup: expected a number of steps from 0 to " + (sc.steps() - 1)
                    + " (the run has " + sc.steps() + "), found " + warmup);
        }
        Benchmark.Result r = Benchmark.run(sc, t, warmup, TerminalProgress.create(false, spec.commandLine().getErr()));
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "scenario: %s (%s), agents: %d, steps: %d, threads: %d, cores: %d, java: %s%n",
                sc.name(), sc.kind().name(), r.agents(), r.steps(), r.threads(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        if (r.warmupSteps() > 0) {
            out.printf(Locale.ROOT, "initialisation: %.3f s; warm-up: %d steps, %.3f s (not counted); steps: %.3f s%n",
                    r.initSeconds(), r.warmupSteps(), r.warmupSeconds(), r.stepSeconds());
        } else {
            out.printf(Locale.ROOT, "initialisation: %.3f s; steps: %.3f s%n", r.initSeconds(), r.stepSeconds());
        }
        r.passSeconds().forEach((k, v) -> out.printf(Locale.ROOT, "  pass %-24s %8.3f s%n", k, v));
        out.printf(Locale.ROOT, "peak heap: %.1f MiB%n", r.peakHeapBytes() / 1048576.0);
        out.printf(Locale.ROOT, "bytes per agent: %d%n", r.bytesPerAgent());
        out.printf(Locale.ROOT, "agent-steps per second: %.0f%n", r.agentStepsPerSecond());
        out.flush();
        return 0;
    }
}
