package org.officialdom.spark;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.officialdom.lab.Backend;
import org.officialdom.lab.RunOutcome;
import org.officialdom.lab.RunSpec;
import org.officialdom.lab.RunTask;
import scala.Function0;
import scala.Function1;
import scala.Function2;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * Runs specs on Apache Spark: each run in a task ({@link RunTask#execute} on the executors; one
 * run a task up to {@link #MIN_TASKS} runs), the outcomes handed to the sink on the calling thread
 * as their task finishes (so the experiment runner
 * stores them in batches and the progress bar moves, as with the local back end).
 *
 * <p>Failures: a run that throws (bad parameters) is not a failed task but a failed
 * {@link RunOutcome} carrying its message, so Spark does not retry it. A task that fails for any
 * other reason (an executor lost, an error outside the run) is retried by Spark, up to
 * {@code spark.task.maxFailures} times (4; in local mode {@code local[N]} becomes
 * {@code local[N,4]} for the same reason); only the attempt that succeeds reaches the driver, and
 * the run id keeps the store from holding a run twice.
 */
public final class SparkBackend implements Backend {

    /** The master when {@code --spark} names none. */
    public static final String DEFAULT_MASTER = "local[*]";

    /** Attempts per task before Spark gives up on the experiment. */
    public static final int ATTEMPTS = 4;

    /**
     * Runs are grouped into at most this many tasks, or 16 per core if that is more: a task costs
     * Spark some milliseconds, as much as a small run, and a few hundred tasks keep every core busy
     * to the end. A retried task runs its runs again; their ids keep them stored once.
     */
    public static final int MIN_TASKS = 256;

    /** What a task does with its spec; {@link RunTask#execute} but in tests. */
    public interface RunFunction extends Serializable {
        RunOutcome apply(RunSpec spec, int threads);
    }

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,([1-9][0-9]*))?\\])?");
    private static final Pattern STANDALONE = Pattern.compile("spark://([^:/]+):([0-9]{1,5})");

    private final JavaSparkContext sc;
    private final boolean owned;
    private final int threadsPerRun;
    private final RunFunction task;

    /** Runs on an existing context (spark-submit, tests); {@link #close} leaves it running. */
    public SparkBackend(JavaSparkContext sc, int threadsPerRun) {
        this(sc, false, threadsPerRun, RunTask::execute);
    }

    SparkBackend(JavaSparkContext sc, boolean owned, int threadsPerRun, RunFunction task) {
        if (threadsPerRun < 1) {
            throw new IllegalArgumentException("threads per run must be at least 1");
        }
        this.sc = sc;
        this.owned = owned;
        this.threadsPerRun = threadsPerRun;
        this.task = task;
    }

    /** Starts a Spark context for {@code master} (see {@link #configure}); {@link #close} stops it. */
    public static SparkBackend open(String master, int threadsPerRun) {
        return new SparkBackend(new JavaSparkContext(configure(master, new SparkConf())), true, threadsPerRun,
                RunTask::execute);
    }

    /** Runs with {@code task} instead of {@link RunTask#execute} (tests of failures). */
    SparkBackend withTask(RunFunction task) {
        return new SparkBackend(sc, false, threadsPerRun, task);
    }

    /**
     * Checks the master and completes {@code conf}: the application name, no web UI, the driver on
     * loopback when the master is local or on loopback, retries in local mode, and the jar that
     * holds this class shipped to the executors. Settings already in {@code conf} (from
     * {@code -Dspark.*} properties or spark-submit) win.
     *
     * @throws IllegalArgumentException when the master is malformed or nothing answers at its address
     */
    public static SparkConf configure(String master, SparkConf conf) {
        String m = master == null ? conf.get("spark.master", DEFAULT_MASTER) : master.trim();
        Matcher local = LOCAL.matcher(m);
        Matcher standalone = STANDALONE.matcher(m);
        boolean loopback;
        if (local.matches()) {
            // local[N] tries a task once; local[N,F] tries it F times, as a cluster does.
            String n = local.group(2) == null ? "1" : local.group(2);
            m = "local[" + n + "," + (local.group(4) == null ? ATTEMPTS : local.group(4)) + "]";
            loopback = true;
        } else if (standalone.matches()) {
            String host = standalone.group(1);
            int port = Integer.parseInt(standalone.group(2));
            reachable(m, host, port);
            loopback = host.equals("127.0.0.1") || host.equals("localhost");
            shipCode(conf);
        } else if (m.equals("yarn") || m.startsWith("k8s://")) {
            loopback = false;
            shipCode(conf);
        } else {
            throw new IllegalArgumentException("--spark: expected a Spark master URL (local[*], local[N], "
                    + "spark://HOST:PORT, yarn, k8s://...), found '" + m + "'");
        }
        conf.setMaster(m);
        conf.setIfMissing("spark.app.name", "officialdom");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.task.maxFailures", Integer.toString(ATTEMPTS));
        if (loopback) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    private static void reachable(String master, String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 5000);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot reach the Spark master at " + master + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); is it running, and is the address the one its log shows?");
        }
    }

    /**
     * Executors need this module and the lab: the jar this class came from goes to them through
     * {@code spark.jars}. Run from class folders (a development build), the executors get this
     * JVM's class path instead, which only works where they share its file system (one machine).
     */
    private static void shipCode(SparkConf conf) {
        Path where;
        try {
            where = Path.of(SparkBackend.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return;
        }
        if (Files.isRegularFile(where)) {
            String jars = conf.get("spark.jars", "");
            if (!jars.contains(where.toString())) {
                conf.set("spark.jars", jars.isEmpty() ? where.toString() : jars + "," + where);
            }
        } else {
            conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
    }

    @Override
    public void run(List<RunSpec> specs, Consumer<RunOutcome> sink) {
        if (specs.isEmpty()) {
            return;
        }
        BlockingQueue<List<RunOutcome>> done = new LinkedBlockingQueue<>();
        RunFunction f = task;
        int threads = threadsPerRun;
        int tasks = Math.min(specs.size(), Math.max(MIN_TASKS, 16 * parallelism()));
        var rdd = sc.parallelize(specs, tasks).rdd();
        Function1<scala.collection.Iterator<RunSpec>, ArrayList<RunOutcome>> perTask =
                (Function1<scala.collection.Iterator<RunSpec>, ArrayList<RunOutcome>> & Serializable) it -> {
                    ArrayList<RunOutcome> out = new ArrayList<>();
                    while (it.hasNext()) {
                        out.add(f.apply(it.next(), threads));
                    }
                    return out;
                };
        Function2<Object, ArrayList<RunOutcome>, BoxedUnit> handler = (index, outcomes) -> {
            done.add(outcomes);
            return BoxedUnit.UNIT;
        };
        Function0<BoxedUnit> result = () -> BoxedUnit.UNIT;
        List<Object> partitions = new ArrayList<>();
        for (int i = 0; i < rdd.getNumPartitions(); i++) {
            partitions.add(i);
        }
        sc.setJobDescription("officialdom: " + specs.size() + " runs");
        SimpleFutureAction<BoxedUnit> job = sc.sc().submitJob(rdd, perTask,
                CollectionConverters.asScala(partitions).toSeq(), handler, result);
        int received = 0;
        boolean finished = false;
        try {
            while (received < specs.size()) {
                List<RunOutcome> outcomes = done.poll(100, TimeUnit.MILLISECONDS);
                if (outcomes != null) {
                    for (RunOutcome o : outcomes) {
                        sink.accept(o);
                        received++;
                    }
                } else if (job.isCompleted() && done.isEmpty()) {
                    break;
                }
            }
            finished = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (!finished) {
                job.cancel();
            }
        }
        if (received < specs.size()) {
            Try<BoxedUnit> t = job.value().get();
            Throwable cause = t.isFailure() ? t.failed().get() : null;
            throw new IllegalStateException("Spark gave up after " + received + " of " + specs.size() + " runs: "
                    + (cause == null ? "the job ended early" : firstLine(cause)), cause);
        }
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    @Override
    public int parallelism() {
        return sc.defaultParallelism();
    }

    /** The Spark context (tests, spark-submit). */
    public JavaSparkContext context() {
        return sc;
    }

    @Override
    public void close() {
        if (owned) {
            sc.stop();
        }
    }

    /** Makes this back end known to {@link java.util.ServiceLoader} as {@code spark}. */
    public static final class Factory implements Backend.Factory {

        @Override
        public String name() {
            return "spark";
        }

        @Override
        public Backend open(String address, int threadsPerRun) {
            return SparkBackend.open(address, threadsPerRun);
        }
    }
}
