package org.officialdom.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.officialdom.lab.store.ResultStore;
import org.officialdom.report.Figures;
import org.officialdom.report.HtmlReport;
import org.officialdom.report.RunData;
import org.officialdom.report.StoreReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes the HTML report of a run folder, or of an experiment, comparison or lever table in the result store.",
                "Examples: officialdom report out/china-2012-2025 --figures figs",
                "          officialdom report granovetter-spread-sweep    (an experiment, by name or id)"})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_OR_EXPERIMENT",
            description = "A folder written by 'officialdom run', or an experiment or lever table (name or id) or comparison id in the store.")
    String target;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the report (default: RUN_DIR/report.html, or out/reports/ID.html).")
    Path out;

    @Option(names = "--figures", paramLabel = "DIR", description = "For a run: also write every chart as PNG and SVG into DIR.")
    Path figures;

    @Option(names = "--db", paramLabel = "FILE", description = "Result store for experiments and comparisons (default: out/results.duckdb).")
    Path db = ResultStore.DEFAULT;

    @Override
    public Integer call() throws Exception {
        Path run = Path.of(target);
        var w = spec.commandLine().getOut();
        if (Files.isDirectory(run)) {
            if (!Files.exists(run.resolve("metrics.csv"))) {
                throw new Officialdom.BadInput("RUN_OR_EXPERIMENT: expected a folder written by 'officialdom run', found a folder without metrics.csv: " + run);
            }
            w.println("Report: " + write(run, out, figures));
        } else {
            if (!Files.exists(db)) {
                throw new Officialdom.BadInput("RUN_OR_EXPERIMENT: expected a run folder, or an experiment, comparison or lever table in "
                        + db + ", found neither (no such folder, and no store)");
            }
            try (ResultStore store = ResultStore.open(db)) {
                w.println("Report: " + storeReport(store, target, out));
            } catch (IllegalArgumentException e) {
                throw new Officialdom.BadInput("RUN_OR_EXPERIMENT: expected a run folder, or an experiment, comparison or lever table in the store; "
                        + e.getMessage());
            }
        }
        w.flush();
        return 0;
    }

    /** Writes the report of a run folder (and figures); returns the report's path. */
    static Path write(Path runDir, Path out, Path figures) throws Exception {
        RunData data = RunData.read(runDir);
        Path target = out != null ? out : runDir.resolve("report.html");
        HtmlReport.write(data, target);
        if (figures != null) {
            Figures.write(data, figures);
        }
        return target;
    }

    /** Writes the report of an experiment, comparison or lever table beside the store; returns its path. */
    static Path storeReport(ResultStore store, String id) throws Exception {
        return storeReport(store, id, null);
    }

    private static Path storeReport(ResultStore store, String id, Path out) throws Exception {
        Path dir = store.file().toAbsolutePath().getParent().resolve("reports");
        Path target = out != null ? out : dir.resolve(id.replaceAll("[^A-Za-z0-9._-]", "_") + ".html");
        return StoreReport.write(store, id, target).file();
    }
}
