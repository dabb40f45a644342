package org.officialdom.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.lab.LocalBackend;
import org.officialdom.lab.Progress;
import org.officialdom.lab.experiment.Experiment;
import org.officialdom.lab.experiment.ExperimentLoader;
import org.officialdom.lab.experiment.ExperimentRunner;
import org.officialdom.lab.store.ResultStore;

/**
 * A real standalone cluster on loopback: a master and two workers (one core each) in child JVMs
 * started from the Spark jars on the test class path; the workers start their executors as
 * further JVMs. Everything this test starts is killed afterwards, also when it fails.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SparkClusterTest {

    @TempDir
    static Path dir;

    static final List<Process> STARTED = new ArrayList<>();
    static String classPath;
    static int port;

    @BeforeAll
    static void startCluster() throws Exception {
        classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // Workers build their executors' command from SPARK_HOME/jars; the classes come from extraClassPath.
        Files.createDirectories(dir.resolve("spark-home/jars"));
        port = freePort();
        start("master", "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", "0");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!listening(port)) {
            if (System.nanoTime() > deadline || !STARTED.get(0).isAlive()) {
                throw new IllegalStateException("the master did not start:\n" + log("master"));
            }
            Thread.sleep(200);
        }
        for (int i = 1; i <= 2; i++) {
            Path work = Files.createDirectories(dir.resolve("work-" + i));
            start("worker-" + i, "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "768m",
                    "--work-dir", work.toString(), "spark://127.0.0.1:" + port);
        }
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (Process p : STARTED) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : STARTED) {
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anExperimentSubmittedToALoopbackClusterOfTwoWorkersStoresTheSameResultsAsTheLocalBackEnd() throws Exception {
        Experiment e = ExperimentLoader.parse(SparkLocalTest.SWEEP, "sweep.yaml", null);
        SparkConf conf = SparkBackend.configure("spark://127.0.0.1:" + port, new SparkConf())
                .set("spark.executor.memory", "512m")
                .set("spark.executor.cores", "1")
                .set("spark.cores.max", "2")
                .set("spark.executor.extraClassPath", classPath);
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // The driver counts as one; wait for the two executors.
            while (sc.sc().getExecutorMemoryStatus().size() < 3) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no two executors registered:\n" + log("master") + log("worker-1")
                            + log("worker-2"));
                }
                Thread.sleep(200);
            }
            java.util.Set<String> executors = java.util.concurrent.ConcurrentHashMap.newKeySet();
            sc.sc().addSparkListener(new org.apache.spark.scheduler.SparkListener() {
                @Override
                public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
                    executors.add(end.taskInfo().executorId());
                }
            });
            ExperimentRunner.Result r;
            try (ResultStore st = ResultStore.open(dir.resolve("cluster.duckdb")); SparkBackend b = new SparkBackend(sc, 1)) {
                assertThat(b.parallelism()).isEqualTo(2);
                r = ExperimentRunner.run(e, st, b, Progress.NONE);
            }
            assertThat(r.ran()).isEqualTo(12);
            assertThat(r.failed()).isZero();
            // Both executors ran runs (the listener hears of each task before the next job is reported).
            sc.sc().listenerBus().waitUntilEmpty();
            assertThat(executors).hasSize(2).doesNotContain("driver");
        }
        try (ResultStore st = ResultStore.open(dir.resolve("local.duckdb")); LocalBackend b = new LocalBackend(1, 1)) {
            ExperimentRunner.run(e, st, b, Progress.NONE);
        }
        try (ResultStore a = ResultStore.open(dir.resolve("local.duckdb"));
             ResultStore b = ResultStore.open(dir.resolve("cluster.duckdb"))) {
            List<String> ids = SparkLocalTest.runIds(a);
            assertThat(SparkLocalTest.runIds(b)).hasSize(12).isEqualTo(ids);
            assertThat(b.count("runs", "status = 'ok'")).isEqualTo(12);
            for (String id : ids) {
                Map<String, double[]> ma = a.metrics(id);
                Map<String, double[]> mb = b.metrics(id);
                assertThat(mb.keySet()).isEqualTo(ma.keySet()).isNotEmpty();
                for (String metric : ma.keySet()) {
                    assertThat(SparkLocalTest.bits(mb.get(metric))).as(id + " " + metric)
                            .isEqualTo(SparkLocalTest.bits(ma.get(metric)));
                }
            }
            assertThat(SparkLocalTest.table(b, "SELECT * FROM summaries ORDER BY run_id, metric"))
                    .isEqualTo(SparkLocalTest.table(a, "SELECT * FROM summaries ORDER BY run_id, metric"));
        }
    }

    static void start(String name, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions") || a.startsWith("-Djdk.reflect")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-cp", classPath, main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", dir.resolve("spark-home").toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        STARTED.add(pb.start());
    }

    static String log(String name) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(name + ".log"));
            return "--- " + name + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())) + "\n";
        } catch (IOException e) {
            return "--- " + name + ": no log\n";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
