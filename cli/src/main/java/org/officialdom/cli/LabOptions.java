package org.officialdom.cli;

import java.nio.file.Path;
import java.util.ServiceLoader;
import org.officialdom.lab.Backend;
import org.officialdom.lab.LocalBackend;
import org.officialdom.lab.store.ResultStore;
import picocli.CommandLine.Option;

/** Options shared by the commands that run many runs: the store, the parallelism, quiet. */
final class LabOptions {

    @Option(names = "--db", paramLabel = "FILE", description = "Result store (default: out/results.duckdb).")
    Path db = ResultStore.DEFAULT;

    @Option(names = "--workers", paramLabel = "N",
            description = "Runs at once (default: all cores). Results do not depend on it.")
    Integer workers;

    @Option(names = "--threads-per-run", paramLabel = "N", description = "Engine threads per run (default: 1).")
    int threadsPerRun = 1;

    @Option(names = "--parquet", paramLabel = "DIR", description = "Also export every table as Parquet files into DIR.")
    Path parquet;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    LocalBackend backend() {
        int w = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        if (w < 1 || w > 1024) {
            throw new Officialdom.BadInput("--workers: expected a number from 1 to 1024, found " + w);
        }
        if (threadsPerRun < 1 || threadsPerRun > 1024) {
            throw new Officialdom.BadInput("--threads-per-run: expected a number from 1 to 1024, found " + threadsPerRun);
        }
        return new LocalBackend(w, threadsPerRun);
    }

    void export(ResultStore store, java.io.PrintWriter out) {
        if (parquet != null) {
            store.exportParquet(parquet);
            out.println("Parquet files in " + parquet + "/ (one per table)");
        }
    }

    /** The local back end, or with --spark MASTER the Spark one, found on the class path only when asked for. */
    Backend backend(String spark) {
        if (spark == null) {
            return backend();
        }
        if (workers != null) {
            throw new Officialdom.BadInput("--workers does not go with --spark: the master says how many runs go at once "
                    + "(local[N], or the cluster's cores)");
        }
        if (threadsPerRun < 1 || threadsPerRun > 1024) {
            throw new Officialdom.BadInput("--threads-per-run: expected a number from 1 to 1024, found " + threadsPerRun);
        }
        Backend.Factory factory = ServiceLoader.load(Backend.Factory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.name().equals("spark")).findFirst()
                .orElseThrow(() -> new Officialdom.BadInput("--spark: the Spark back end is not on the class path; "
                        + "run through the ./officialdom launcher, which adds spark/target/officialdom-spark.jar and Spark's jars"));
        try {
            return factory.open(spark, threadsPerRun);
        } catch (IllegalArgumentException ex) {
            throw new Officialdom.BadInput(ex.getMessage());
        }
    }
}
