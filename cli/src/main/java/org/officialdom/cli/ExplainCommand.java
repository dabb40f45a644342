package org.officialdom.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.officialdom.lab.Backend;
import org.officialdom.lab.experiment.Comparison;
import org.officialdom.lab.experiment.Explanation;
import org.officialdom.lab.store.ResultStore;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Why it happened: attributes the change of each metric over a period to the groups of the scenario's "
                + "calendar entries (one per parameter the calendar sets, or the groups of --groups FILE), with Shapley values "
                + "over runs with and without each group (common random numbers, intervals over replicates). The change is "
                + "the mean of the last --window steps minus the mean of the first; it equals the model's own drift (no "
                + "calendar) plus the groups' contributions, replicate by replicate.",
                "Example: officialdom explain china-2012-2025 -n 5 --set organisation.officials=5000"})
final class ExplainCommand implements Callable<Integer> {

    static final List<String> DEFAULT_METRICS = List.of("evln_neglect", "exits_private_sector", "morale_mean", "circle_share",
            "party_exits");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Built-in scenario name or scenario file.")
    String scenario;

    @Option(names = {"-n", "--replicates"}, paramLabel = "N", description = "Replicates per coalition (default: 5).")
    int replicates = 5;

    @Option(names = "--metrics", split = ",", paramLabel = "M,M",
            description = "Metrics to explain (default for the bureaucracy: evln_neglect, exits_private_sector, morale_mean, "
                    + "circle_share, party_exits; otherwise every metric).")
    List<String> metrics;

    @Option(names = "--from", paramLabel = "WHEN", description = "Start of the period: YYYY-MM or a step (default: step 0).")
    String from;

    @Option(names = "--to", paramLabel = "WHEN", description = "End of the period: YYYY-MM or a step (default: the last step).")
    String to;

    @Option(names = "--window", paramLabel = "STEPS", description = "Steps averaged at each end of the period (default: 12).")
    int window = 12;

    @Option(names = "--groups", paramLabel = "FILE",
            description = "YAML naming the groups: groups: [{name: campaigns, paths: [investigation.campaign]}, ...]; "
                    + "calendar entries of no group stay in every run.")
    Path groups;

    @Option(names = "--exact-up-to", paramLabel = "N", description = "Exact values over all 2^n coalitions up to N groups (default 8); "
            + "beyond, sampled orders.")
    int exactLimit = 8;

    @Option(names = "--permutations", paramLabel = "N", description = "Sampled orders beyond --exact-up-to (default 64).")
    int permutations = 64;

    @Option(names = "--posterior", paramLabel = "POSTERIOR",
            description = "Replicate k runs with draw k from a posterior sample: an ABC calibration's id or name in --db, a "
                    + "built-in sample (china-calibration) or a .csv file; the intervals then include the parameters' uncertainty.")
    String posterior;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Hold a parameter at a value in every run (repeatable).")
    List<String> set;

    @Option(names = "--spark", arity = "0..1", fallbackValue = "local[*]", paramLabel = "MASTER",
            description = "Run on Apache Spark (local[*] by default, or a cluster's spark://HOST:PORT); the same results.")
    String spark;

    @Mixin
    LabOptions lab;

    @Override
    public Integer call() throws Exception {
        Scenario sc = ScenarioLoader.resolve(scenario);
        ScenarioLoader.override(sc, set); // checks the values, with --set's messages
        Map<String, JsonNode> held = ScenarioLoader.assignments(set);
        java.util.Set<String> calendarPaths = new java.util.HashSet<>();
        Explanation.groupsByPath(sc).forEach(x -> calendarPaths.addAll(x.paths()));
        for (String path : held.keySet()) {
            if (calendarPaths.stream().anyMatch(c -> c.equals(path) || c.startsWith(path + ".") || path.startsWith(c + "."))) {
                throw new Officialdom.BadInput("--set: " + path + " is set by the calendar of " + sc.name()
                        + ", whose entries are what explain splits the change among; hold a parameter the calendar does not set");
            }
        }
        List<String> declared = Comparison.declaredMetrics(sc);
        List<String> chosen = metrics != null ? metrics
                : sc.kind().name().equals("bureaucracy") ? DEFAULT_METRICS : declared;
        for (String m : chosen) {
            if (!declared.contains(m)) {
                throw new Officialdom.BadInput("--metrics: expected metrics of model " + sc.kind().name() + " (" + String.join(", ", declared)
                        + "), found '" + m + "'");
            }
        }
        int a = when(sc, from, 0, "--from");
        int b = when(sc, to, sc.steps(), "--to");
        if (window < 1 || a + window > b || b - window + 1 <= a) {
            throw new Officialdom.BadInput("--window: expected 1 to " + Math.max(1, (b - a) / 2) + " steps for a period of " + (b - a)
                    + " steps (" + sc.labelOf(a) + " to " + sc.labelOf(b) + "), found " + window);
        }
        if (replicates < 2) {
            throw new Officialdom.BadInput("--replicates: expected at least 2 (intervals need two), found " + replicates);
        }
        List<Explanation.Group> g = groups == null ? Explanation.groupsByPath(sc) : readGroups(groups, sc);
        if (g.isEmpty()) {
            throw new Officialdom.BadInput(scenario + ": the scenario has no calendar entries, so nothing to explain");
        }
        var out = spec.commandLine().getOut();
        try (Backend backend = lab.backend(spark); ResultStore store = ResultStore.open(lab.db)) {
            List<Map<String, JsonNode>> draws = List.of();
            if (posterior != null) {
                try {
                    draws = org.officialdom.lab.calibration.PosteriorSample.resolve(posterior, store).overrides(sc, replicates, sc.seed());
                } catch (IllegalArgumentException e) {
                    throw new Officialdom.BadInput("--posterior: " + e.getMessage());
                }
            }
            Explanation.Spec s = new Explanation.Spec(sc, held, g, chosen, a, b, window, replicates, exactLimit, permutations, draws);
            var progress = TerminalProgress.create(lab.quiet, spec.commandLine().getErr(), "runs");
            Explanation.Result r = Explanation.run(s, store, backend, progress);
            r.report().forEach(out::println);
            out.println("Report: " + ReportCommand.storeReport(store, r.id()));
            lab.export(store, out);
            out.flush();
            return 0;
        }
    }

    /** A step from YYYY-MM (with the scenario's start) or a step number. */
    static int when(Scenario sc, String value, int fallback, String option) {
        if (value == null) {
            return fallback;
        }
        int step;
        if (value.matches("\\d{4}-\\d{2}")) {
            if (sc.start() == null) {
                throw new Officialdom.BadInput(option + ": scenario " + sc.name() + " has no start date; give a step number, found " + value);
            }
            java.time.YearMonth s = java.time.YearMonth.parse(sc.start());
            step = (int) java.time.temporal.ChronoUnit.MONTHS.between(s, java.time.YearMonth.parse(value));
        } else if (value.matches("\\d+")) {
            step = Integer.parseInt(value);
        } else {
            throw new Officialdom.BadInput(option + ": expected YYYY-MM or a step number, found '" + value + "'");
        }
        if (step < 0 || step > sc.steps()) {
            throw new Officialdom.BadInput(option + ": expected a month inside the run (" + sc.labelOf(0) + " to " + sc.labelOf(sc.steps())
                    + "), found " + value);
        }
        return step;
    }

    private static List<Explanation.Group> readGroups(Path file, Scenario sc) {
        String text = ScenarioLoader.readText(file);
        JsonNode root;
        try {
            root = YAMLMapper.builder().build().readTree(text);
        } catch (tools.jackson.core.JacksonException e) {
            throw new Officialdom.BadInput(file + ": expected YAML, " + e.getOriginalMessage());
        }
        JsonNode gs = root == null ? null : root.get("groups");
        if (gs == null || !gs.isArray() || gs.isEmpty()) {
            throw new Officialdom.BadInput(file + ", field 'groups': expected a list like [{name: campaigns, paths: [investigation.campaign]}]");
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        Explanation.groupsByPath(sc).forEach(x -> known.addAll(x.paths()));
        List<Explanation.Group> out = new ArrayList<>();
        for (int i = 0; i < gs.size(); i++) {
            JsonNode x = gs.get(i);
            if (!x.has("name") || !x.has("paths") || !x.get("paths").isArray() || x.get("paths").isEmpty()) {
                throw new Officialdom.BadInput(file + ", field 'groups[" + i + "]': expected a name and a list of parameter paths");
            }
            List<String> paths = new ArrayList<>();
            for (JsonNode p : x.get("paths")) {
                String path = p.asString();
                boolean matches = known.stream().anyMatch(k -> k.equals(path) || k.startsWith(path + "."));
                if (!matches) {
                    throw new Officialdom.BadInput(file + ", field 'groups[" + i + "].paths': expected parameters the calendar of "
                            + sc.name() + " sets (" + String.join(", ", known) + "), found '" + path + "'");
                }
                paths.add(path);
            }
            out.add(new Explanation.Group(x.get("name").asString(), List.copyOf(paths)));
        }
        return out;
    }
}
