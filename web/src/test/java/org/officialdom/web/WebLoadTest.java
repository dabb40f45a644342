package org.officialdom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded load test on loopback: 50 clients watch 4 runs through server-sent events while 50
 * more ask for pages and the API. Every client must get every step of its run and every request
 * must succeed; the heap used after the runs close must be back near where it started.
 */
class WebLoadTest {

    static final int RUNS = 4;
    static final int WATCHERS = 50;
    static final int CALLERS = 50;
    static final int STEPS = 20;

    @TempDir
    Path dir;

    @Test
    void fiftyWatchersGetEveryStepAndNoRequestFails() throws Exception {
        long before = usedHeapAfterGc();
        WebServer server = WebServer.start(0, dir, new Limits(10_000, RUNS, 100, WATCHERS + 10));
        ExecutorService clientThreads = Executors.newFixedThreadPool(8);
        HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();
        ExecutorService pool = Executors.newFixedThreadPool(WATCHERS + CALLERS);
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                ids.add(WebServerTest.create(server, "{\"scenario\": \"china-2012-2025\", \"size\": 300, \"steps\": "
                        + STEPS + ", \"seed\": " + i + "}"));
            }
            List<Future<Integer>> watched = new ArrayList<>();
            for (int c = 0; c < WATCHERS; c++) {
                String id = ids.get(c % RUNS);
                watched.add(pool.submit(watcher(http, server, id)));
            }
            List<Future<Integer>> called = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                int k = c;
                called.add(pool.submit(() -> {
                    String path = switch (k % 3) {
                        case 0 -> "/";
                        case 1 -> "/api/scenarios";
                        default -> "/api/sessions/" + ids.get(k % RUNS) + "/officials";
                    };
                    int failed = 0;
                    for (int i = 0; i < 10; i++) {
                        var r = http.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
                        failed += r.statusCode() == 200 ? 0 : 1;
                    }
                    return failed;
                }));
            }
            for (String id : ids) {
                assertThat(WebServerTest.post(server, "/api/sessions/" + id + "/speed", "{\"speed\": 50}").statusCode()).isEqualTo(200);
                assertThat(WebServerTest.post(server, "/api/sessions/" + id + "/play", "").statusCode()).isEqualTo(200);
            }
            for (Future<Integer> f : called) {
                assertThat(f.get()).as("failed requests of a caller").isZero();
            }
            for (Future<Integer> f : watched) {
                assertThat(f.get()).as("steps a watcher saw").isEqualTo(STEPS + 1);
            }
            assertThat(server.served()).isGreaterThanOrEqualTo(RUNS + WATCHERS + CALLERS * 10);
        } finally {
            pool.shutdownNow();
            server.close();
            clientThreads.shutdownNow();
        }
        long after = usedHeapAfterGc();
        assertThat(after - before).as("heap still used after the runs closed, bytes").isLessThan(64L << 20);
    }

    /** Reads a run's event stream until the step frame of the last step; returns frames seen. */
    static Callable<Integer> watcher(HttpClient http, WebServer server, String id) {
        return () -> {
            HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(WebServerTest.sse(server, id)).build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(r.statusCode()).isEqualTo(200);
            int frames = 0;
            try (Stream<String> lines = r.body()) {
                Iterator<String> it = lines.iterator();
                String event = "";
                while (it.hasNext()) {
                    String line = it.next();
                    if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ") && event.equals("frame")) {
                        frames++;
                        if (line.contains("\"step\":" + STEPS + ",")) {
                            break;
                        }
                    }
                }
            }
            return frames;
        };
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
