package org.officialdom.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.officialdom.lab.store.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports every table of the result store as a Parquet file (for pandas, R, DuckDB, Spark).")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder for the Parquet files.")
    Path dir;

    @Option(names = "--db", paramLabel = "FILE", description = "Result store (default: out/results.duckdb).")
    Path db = ResultStore.DEFAULT;

    @Override
    public Integer call() {
        if (!Files.exists(db)) {
            throw new Officialdom.BadInput("--db: expected an existing result store, found no file " + db);
        }
        try (ResultStore store = ResultStore.open(db)) {
            var files = store.exportParquet(dir);
            var out = spec.commandLine().getOut();
            out.println(files.size() + " Parquet files in " + dir + "/: "
                    + String.join(", ", ResultStore.TABLES.stream().map(t -> t + ".parquet").toList()));
            out.flush();
            return 0;
        }
    }
}
