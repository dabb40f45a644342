package org.officialdom.spark;

import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.officialdom.lab.Progress;
import org.officialdom.lab.experiment.Experiment;
import org.officialdom.lab.experiment.ExperimentLoader;
import org.officialdom.lab.experiment.ExperimentRunner;
import org.officialdom.lab.store.ResultStore;
import org.officialdom.model.scenario.ScenarioException;

/**
 * The main class of {@code officialdom-spark.jar} under {@code spark-submit}:
 * {@code spark-submit --master spark://HOST:7077 spark/target/officialdom-spark.jar FILE [--db FILE]}.
 * The master comes from spark-submit ({@code local[*]} when run without it); the result store is
 * written by the driver. Exit codes as the {@code officialdom} command: 0 done, 1 failed, 2 bad input.
 */
public final class SparkExperiment {

    private SparkExperiment() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the experiment named in {@code args} and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        Path db = ResultStore.DEFAULT;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--db") && i + 1 < args.length) {
                db = Path.of(args[++i]);
            } else if (args[i].startsWith("-") || file != null) {
                err.println("officialdom-spark: unexpected argument '" + args[i] + "'");
                err.println("Usage: spark-submit [--master URL] officialdom-spark.jar EXPERIMENT.yaml [--db FILE]");
                return 2;
            } else {
                file = Path.of(args[i]);
            }
        }
        if (file == null) {
            err.println("Usage: spark-submit [--master URL] officialdom-spark.jar EXPERIMENT.yaml [--db FILE]");
            return 2;
        }
        try {
            Experiment e = ExperimentLoader.load(file);
            SparkConf conf = SparkBackend.configure(null, new SparkConf());
            try (JavaSparkContext sc = new JavaSparkContext(conf);
                 SparkBackend backend = new SparkBackend(sc, 1);
                 ResultStore store = ResultStore.open(db)) {
                ExperimentRunner.Result r = ExperimentRunner.run(e, store, backend, Progress.NONE);
                r.report().forEach(out::println);
                out.flush();
                return r.failed() > 0 ? 1 : 0;
            }
        } catch (ScenarioException | IllegalArgumentException e) {
            err.println("officialdom-spark: " + e.getMessage());
            return 2;
        } catch (ResultStore.StoreException e) {
            err.println("officialdom-spark: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("officialdom-spark: failed: " + e);
            return 1;
        }
    }
}
