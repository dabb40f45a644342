package org.officialdom.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.officialdom.report.Figures;
import org.officialdom.report.HtmlReport;
import org.officialdom.report.RunData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes the HTML report of a run folder (and, with --figures, its charts as PNG and SVG).")
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A folder written by 'officialdom run'.")
    Path run;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the report (default: RUN_DIR/report.html).")
    Path out;

    @Option(names = "--figures", paramLabel = "DIR", description = "Also write every chart as PNG and SVG into DIR.")
    Path figures;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(run) || !Files.exists(run.resolve("metrics.csv"))) {
            throw new Officialdom.BadInput("RUN_DIR: expected a folder written by 'officialdom run', found "
                    + (Files.isDirectory(run) ? "a folder without metrics.csv: " : "no folder ") + run);
        }
        var w = spec.commandLine().getOut();
        w.println("Report: " + write(run, out, figures));
        w.flush();
        return 0;
    }

    /** Writes the report (and figures); returns the report's path. */
    static Path write(Path runDir, Path out, Path figures) throws Exception {
        RunData data = RunData.read(runDir);
        Path target = out != null ? out : runDir.resolve("report.html");
        HtmlReport.write(data, target);
        if (figures != null) {
            Figures.write(data, figures);
        }
        return target;
    }
}
