package org.officialdom.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.officialdom.lab.RunOptions;
import org.officialdom.lab.RunResult;
import org.officialdom.lab.Runner;
import org.officialdom.model.scenario.BuiltInScenarios;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a scenario (a built-in name or a YAML file) and writes its results to a folder.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "Built-in scenario name or scenario file (default: the flagship scenario).")
    String scenario;

    @Option(names = "--seed", description = "Seed of the random streams (default: the scenario's).")
    Long seed;

    @Option(names = "--steps", description = "Number of steps (default: the scenario's).")
    Integer steps;

    @Option(names = "--threads", description = "Worker threads; results do not depend on it (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<scenario name>).")
    Path out;

    @Option(names = "--checkpoint-every", paramLabel = "K", description = "Write a checkpoint every K steps.")
    int checkpointEvery;

    @Option(names = "--resume", paramLabel = "DIR", description = "Resume the interrupted run in DIR from its checkpoint.")
    Path resume;

    @Option(names = "--scale", paramLabel = "X", description = "Multiply the number of officials (organisation.officials) by X.")
    Double scale;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 1024) {
            throw new Officialdom.BadInput("--threads: expected a number from 1 to 1024, found " + t);
        }
        if (steps != null && steps < 0) {
            throw new Officialdom.BadInput("--steps: expected a number of at least 0, found " + steps);
        }
        if (seed != null && seed < 0) {
            throw new Officialdom.BadInput("--seed: expected a number of at least 0, found " + seed);
        }
        if (checkpointEvery < 0) {
            throw new Officialdom.BadInput("--checkpoint-every: expected a number of at least 0, found " + checkpointEvery);
        }
        var progress = TerminalProgress.create(quiet, spec.commandLine().getErr());
        RunResult result;
        if (resume != null) {
            if (!Files.isDirectory(resume)) {
                throw new Officialdom.BadInput("--resume: expected a run folder, found no folder " + resume);
            }
            result = Runner.resume(resume, t, progress);
        } else {
            Scenario sc = ScenarioLoader.resolve(scenario == null ? BuiltInScenarios.flagship() : scenario);
            if (scale != null) {
                sc = scaled(sc, scale);
            }
            Path folder = out != null ? out : Path.of("out", sc.name());
            result = Runner.run(sc, new RunOptions(seed, steps, t, folder, checkpointEvery), progress);
        }
        var w = spec.commandLine().getOut();
        w.println("Results in " + result.folder() + "/ (metrics.csv, metrics.json, summary.txt, run.json)");
        result.summary().forEach(w::println);
        w.flush();
        return 0;
    }

    /** The scenario with organisation.officials multiplied by {@code x}. */
    private static Scenario scaled(Scenario sc, double x) {
        if (!(x > 0)) {
            throw new Officialdom.BadInput("--scale: expected a number above 0, found " + x);
        }
        var size = sc.parameterTreeAt(0).path("organisation").path("officials");
        if (!size.isNumber()) {
            throw new Officialdom.BadInput("--scale: the model '" + sc.kind().name() + "' has no organisation.officials to scale");
        }
        var params = sc.parameters().deepCopy();
        var org = params.get("organisation") instanceof tools.jackson.databind.node.ObjectNode o ? o : params.putObject("organisation");
        long officials = Math.max(1L, Math.round(size.asDouble() * x));
        org.put("officials", officials);
        // keep the run folder's scenario.yaml faithful when the file names the size on its own line
        String text = sc.text().replaceFirst("(?m)^(\\s+officials:\\s*)[0-9_]+\\s*$", "$1" + officials);
        return new Scenario(sc.name(), sc.title(), sc.description(), sc.kind(), sc.seed(), sc.steps(), sc.start(), params,
                sc.calendar(), sc.source(), text);
    }
}
