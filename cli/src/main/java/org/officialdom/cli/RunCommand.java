package org.officialdom.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.List;
import org.officialdom.lab.Backend;
import org.officialdom.lab.LocalBackend;
import org.officialdom.lab.RunOptions;
import org.officialdom.lab.RunResult;
import org.officialdom.lab.Runner;
import org.officialdom.lab.calibration.PosteriorBands;
import org.officialdom.lab.calibration.PosteriorSample;
import org.officialdom.lab.experiment.LeverTable;
import org.officialdom.lab.store.ResultStore;
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

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a parameter, like surveillance.intensity=0.9 (repeatable). It holds for the whole run: "
                    + "the calendar's entries for that parameter are left out, and the run says which.")
    java.util.List<String> set;

    @Option(names = "--steps", description = "Number of steps (default: the scenario's).")
    Integer steps;

    @Option(names = "--threads", description = "Worker threads; results do not depend on it (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<scenario name>, with -seedS, "
            + "-stepsN, -scaleX and -set-<hash> added for the options that change the results, so runs with other options do "
            + "not replace it).")
    Path out;

    @Option(names = "--checkpoint-every", paramLabel = "K", description = "Write a checkpoint every K steps.")
    int checkpointEvery;

    @Option(names = "--resume", paramLabel = "DIR", description = "Resume the interrupted run in DIR from its checkpoint, with the options it was started "
            + "with (--check, its store or --no-store); --threads may differ.")
    Path resume;

    @Option(names = "--figures", paramLabel = "DIR", description = "Also write the report's charts as PNG and SVG into DIR.")
    Path figures;

    @Option(names = "--check", description = "Check invariants after every step (no NaN, shares in [0, 1], the model's own).")
    boolean check;

    @Option(names = "--scale", paramLabel = "X", description = "Multiply the number of officials (organisation.officials) by X.")
    Double scale;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Option(names = "--db", paramLabel = "FILE", description = "Result store the run is recorded in (default: out/results.duckdb).")
    Path db = ResultStore.DEFAULT;

    @Option(names = "--no-store", description = "Do not record the run in the result store.")
    boolean noStore;

    @Option(names = "--posterior", paramLabel = "N", description = "Also run N posterior draws (parameters drawn from the "
            + "scenario's posterior sample, or --posterior-from's; draw k with seed + k) and draw every metric's median with "
            + "50 %% and 90 %% bands in the report, with the published series the calibration fitted on top.")
    Integer posterior;

    @Option(names = "--posterior-from", paramLabel = "POSTERIOR", description = "The posterior sample --posterior draws from: "
            + "a built-in one (china-calibration), a .csv file, or an ABC calibration's id or name in --db (default: the "
            + "scenario's 'posterior' field).")
    String posteriorFrom;

    /** Metrics whose end-of-run bands the terminal prints after posterior draws (those the model has). */
    private static final java.util.List<String> BAND_LINES = java.util.List.of("evln_loyalty", "evln_voice", "evln_neglect",
            "evln_exit", "morale_mean", "stress_mean", "circle_share", "public_quit_share", "applicants_per_post");

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
        if (posterior != null && (posterior < 1 || posterior > 1000)) {
            throw new Officialdom.BadInput("--posterior: expected a number of draws from 1 to 1000, found " + posterior);
        }
        if (posterior == null && posteriorFrom != null) {
            throw new Officialdom.BadInput("--posterior-from: say how many draws with --posterior N");
        }
        if (posterior != null && resume != null) {
            throw new Officialdom.BadInput("--posterior: not with --resume (resume the run, then run it again with --posterior)");
        }
        var progress = TerminalProgress.create(quiet, spec.commandLine().getErr());
        RunResult result;
        PosteriorSample sample = null;
        String sampleName = null;
        java.util.Set<String> heldPaths = java.util.Set.of();
        // a resumed run is recorded as it was started to be: in its store, or not at all (--no-store)
        boolean record = !noStore;
        Path store = db;
        String startedAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        if (resume != null) {
            if (!Files.isDirectory(resume)) {
                throw new Officialdom.BadInput("--resume: expected a run folder, found no folder " + resume);
            }
            String kept = Runner.keptStore(resume);
            if ("".equals(kept)) {
                record = false;
            } else if (kept != null && !spec.commandLine().getParseResult().hasMatchedOption("--db")) {
                store = Path.of(kept);
            }
            result = Runner.resume(resume, t, check, progress);
        } else {
            Scenario sc = ScenarioLoader.resolve(scenario == null ? BuiltInScenarios.flagship() : scenario);
            java.util.List<String> assignments = new java.util.ArrayList<>(set == null ? java.util.List.of() : set);
            if (scale != null) {
                assignments.add(scaled(sc, scale));
            }
            // a parameter given with --set holds for the whole run: the calendar's entries for it are left out
            // (as on the page, where a moved lever stays where it is put), and the run says which
            ScenarioLoader.override(sc, assignments); // the values' own messages first
            heldPaths = ScenarioLoader.assignments(assignments).keySet();
            LeverTable.Held held = LeverTable.hold(sc, false, heldPaths);
            sc = ScenarioLoader.override(held.scenario(), assignments);
            if (!held.leftOut().isEmpty()) {
                var err = spec.commandLine().getErr();
                err.println("officialdom: --set holds for the whole run; calendar entries left out: " + String.join("; ", held.leftOut()));
                err.flush();
            }
            int last = steps != null ? steps : sc.steps();
            long later = sc.calendar().stream().filter(c -> c.step() > last).count();
            if (later > 0) {
                var err = spec.commandLine().getErr();
                err.println("officialdom: " + (steps != null ? "--steps " + steps : "the scenario's " + last + " steps") + " end the run before "
                        + later + " of the calendar's entries (from "
                        + sc.labelOf(sc.calendar().stream().filter(c -> c.step() > last).mapToInt(c -> c.step()).min().orElse(0))
                        + "); they do not happen");
                err.flush();
            }
            if (posterior != null) {
                sampleName = posteriorFrom != null ? posteriorFrom : PosteriorSample.declaredBy(sc);
                if (sampleName == null) {
                    throw new Officialdom.BadInput("--posterior: scenario " + sc.name() + " names no posterior sample (its 'posterior' "
                            + "field); name one with --posterior-from");
                }
                sample = posteriorSample(sampleName);
                try {
                    sample.overrides(sc, 1, sc.seed());
                } catch (IllegalArgumentException e) {
                    throw new Officialdom.BadInput("--posterior: " + e.getMessage());
                }
            }
            Path folder = out != null ? out : Path.of("out", defaultFolder(sc.name(), seed, steps, scale, set));
            if (Files.isRegularFile(folder.resolve("run.json"))) {
                var err = spec.commandLine().getErr();
                err.println("officialdom: replacing the earlier run in " + folder + "/ (name another folder with --out)");
                err.flush();
            }
            result = Runner.run(sc, new RunOptions(seed, steps, t, folder, checkpointEvery, check,
                    noStore ? "" : db.toAbsolutePath().toString()), progress);
        }
        var w = spec.commandLine().getOut();
        PosteriorBands.Result bands = null;
        if (sample != null) {
            List<PosteriorBands.Observed> observed = PosteriorBands.observedFor(sampleName);
            var drawProgress = TerminalProgress.create(quiet, spec.commandLine().getErr(), "draws");
            try (Backend backend = new LocalBackend(t, 1); ResultStore drawStore = record ? ResultStore.open(store) : null) {
                bands = PosteriorBands.run(result.folder(), sample, observed, posterior, heldPaths, backend, drawStore, drawProgress);
            }
        } else {
            // a run without draws has no bands: none of an earlier run in this folder are left to be drawn
            for (String f : new String[] {"bands.csv", "observed.csv", "posterior.json"}) {
                Files.deleteIfExists(result.folder().resolve(f));
            }
        }
        Path report = ReportCommand.write(result.folder(), null, figures);
        w.println("Results in " + result.folder() + "/ (metrics.csv, metrics.json, summary.txt, run.json)");
        boolean unrecorded = false;
        if (record) {
            // The folder holds the results already; a store that cannot be written (locked by another
            // process, say) does not cost the run, but the command says so and exits 1.
            try (ResultStore st = ResultStore.open(store)) {
                var outcome = result.toOutcome(startedAt);
                boolean added = st.record(outcome);
                w.println((added ? "Recorded as run " : "Already recorded as run ") + outcome.runId() + " in " + store);
            } catch (ResultStore.StoreException e) {
                var err = spec.commandLine().getErr();
                String why = e.getMessage() != null && e.getMessage().contains("lock")
                        ? "another program holds it open (close it, or choose another store with --db FILE)" : e.getMessage();
                err.println("officialdom: the run finished and its results are in " + result.folder() + "/, but it was not recorded in "
                        + "the result store " + store + ": " + why + ". Use --no-store to run without the store.");
                err.flush();
                unrecorded = true;
            }
        }
        // the checkpoint goes only now: a crash before this line leaves a run to resume and record
        Runner.finish(result.folder());
        if (!result.checks().isEmpty()) {
            w.println("Checked after every step:");
            result.checks().forEach(c -> w.println("  " + c));
        }
        result.summary().forEach(w::println);
        if (bands != null) {
            bands.lines().forEach(w::println);
            StringBuilder sb = new StringBuilder("At the end, median [90 % band] of " + bands.draws() + " draws:");
            String sep = " ";
            for (String m : BAND_LINES) {
                double[] q = bands.last().get(m);
                if (q != null) {
                    double x = m.startsWith("evln_") || m.endsWith("_share") ? 100 : 1;
                    String u = x == 100 ? "%" : "";
                    sb.append(sep).append(m.replace("evln_", "").replace('_', ' ')).append(String.format(java.util.Locale.ROOT,
                            " %.3g%s [%.3g, %.3g]", x * q[2], u, x * q[0], x * q[4]));
                    sep = "; ";
                }
            }
            w.println(sb.append('.'));
        }
        w.println("Report: " + report);
        w.flush();
        return unrecorded ? Officialdom.FAILURE : 0;
    }

    /** The posterior sample a name stands for (a file, a built-in one, or a calibration in the store), or a clear refusal. */
    private PosteriorSample posteriorSample(String name) {
        try {
            if (name.endsWith(".csv") || !name.matches("[a-z0-9][a-z0-9-]*")
                    || getClass().getResource(PosteriorSample.BUILT_IN + name + ".csv") != null || noStore) {
                return PosteriorSample.resolve(name, null);
            }
            try (ResultStore store = ResultStore.open(db)) {
                return PosteriorSample.resolve(name, store);
            }
        } catch (IllegalArgumentException e) {
            throw new Officialdom.BadInput("--posterior: " + e.getMessage());
        }
    }

    /** The --set assignment that multiplies the number of officials by {@code x}. */
    private static String scaled(Scenario sc, double x) {
        if (!(x > 0)) {
            throw new Officialdom.BadInput("--scale: expected a number above 0, found " + x);
        }
        var size = sc.parameterTreeAt(0).path("organisation").path("officials");
        if (!size.isNumber()) {
            throw new Officialdom.BadInput("--scale: the model '" + sc.kind().name() + "' has no organisation.officials to scale");
        }
        return "organisation.officials=" + Math.max(1L, Math.round(size.asDouble() * x));
    }

    /**
     * The default folder's name: the scenario's, and for each option that changes the results a part
     * saying which ({@code china-2012-2025-seed7-scale10}); {@code --set}s by a short hash of them, sorted.
     */
    static String defaultFolder(String name, Long seed, Integer steps, Double scale, java.util.List<String> sets) {
        StringBuilder sb = new StringBuilder(name);
        if (seed != null) {
            sb.append("-seed").append(seed);
        }
        if (steps != null) {
            sb.append("-steps").append(steps);
        }
        if (scale != null) {
            sb.append("-scale").append(scale % 1 == 0 ? Long.toString(scale.longValue()) : scale.toString());
        }
        if (sets != null && !sets.isEmpty()) {
            java.util.List<String> sorted = new java.util.ArrayList<>(sets);
            java.util.Collections.sort(sorted);
            sb.append("-set-").append(org.officialdom.lab.RunSpec.shortHash(String.join("\n", sorted)).substring(0, 8));
        }
        return sb.toString();
    }
}
