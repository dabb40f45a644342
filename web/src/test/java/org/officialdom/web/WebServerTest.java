package org.officialdom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialdom.engine.MetricTable;
import org.officialdom.lab.Progress;
import org.officialdom.lab.RunOptions;
import org.officialdom.lab.Runner;
import org.officialdom.lab.store.ResultStore;
import org.officialdom.engine.Metric;
import org.officialdom.engine.MetricSet;
import org.officialdom.model.Models;
import org.officialdom.model.bureaucracy.BureaucracyParameters;
import org.officialdom.model.classic.EpsteinParameters;
import org.officialdom.model.parameter.ParameterSchema;
import org.officialdom.model.scenario.ScenarioException;
import org.officialdom.model.scenario.ScenarioLoader;
import tools.jackson.databind.JsonNode;

/** The server: loopback by default, limits with clear messages, uploads, paths, steering and saving. */
class WebServerTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static HttpResponse<String> post(WebServer s, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(s.uri().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(WebServer s, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(s.uri().resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) {
        return ParameterSchema.MAPPER.readTree(r.body());
    }

    static String create(WebServer s, String json) throws Exception {
        HttpResponse<String> r = post(s, "/api/sessions", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("id").asString();
    }

    /** Waits (bounded by steps, not by time) until the session has reached {@code step}. */
    static void awaitStep(Session s, long step) throws InterruptedException {
        for (int i = 0; i < 6000 && s.stepNumber() < step; i++) {
            Thread.sleep(10);
        }
        assertThat(s.stepNumber()).isEqualTo(step);
    }

    @Test
    void bindsLoopbackByDefaultAndIsNotReachableFromOutside() throws Exception {
        server = WebServer.start(0, dir, Limits.DEFAULTS);
        assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(get(server, "/").body()).contains("Officialdom").contains("/webjars/echarts/5.5.0/echarts.min.js");
        assertThat(get(server, "/webjars/echarts/5.5.0/echarts.min.js").statusCode()).isEqualTo(200);
        InetAddress outside = null;
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (!a.isLoopbackAddress() && a instanceof java.net.Inet4Address) {
                    outside = a;
                }
            }
        }
        assumeTrue(outside != null, "this machine has no non-loopback address to try");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(outside, server.port()), 2000);
            throw new AssertionError("the server answered on " + outside);
        } catch (ConnectException expected) {
            // refused: nothing listens there
        }
        assertThat(WebServer.isLoopback("127.0.0.1")).isTrue();
        assertThat(WebServer.isLoopback("localhost")).isTrue();
        assertThat(WebServer.isLoopback("0.0.0.0")).isFalse();
    }

    @Test
    void refusesOversizeRunsWithAClearMessage() throws Exception {
        server = WebServer.start(0, dir, new Limits(1_000, 2, 100, 10));
        HttpResponse<String> r = post(server, "/api/sessions", "{\"scenario\": \"china-2012-2025\", \"size\": 1001}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("error").asString()).isEqualTo("size: expected a number of officials from 1 to 1000 (this server's limit), found 1001");
        // the flagship asks for 20,000 officials itself
        r = post(server, "/api/sessions", "{\"scenario\": \"china-2012-2025\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("error").asString()).contains("at most 1000 officials").contains("asks for 20000").contains("choose a smaller size");
        r = post(server, "/api/sessions", "{\"scenario\": \"china-2012-2025\", \"size\": 500}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("error").asString()).contains("at most 100 steps").contains("asks for 157");
        r = post(server, "/api/sessions", "{\"scenario\": \"../../etc/passwd\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asString()).startsWith("scenario: expected one of china-2012-2025");
        r = post(server, "/api/sessions", "{\"scenario\": \"china-2012-2025\", \"size\": \"big\"}");
        assertThat(json(r).get("error").asString()).isEqualTo("size: expected a whole number, found \"big\"");
        r = post(server, "/api/sessions", "not json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asString()).contains("expected a JSON object");
        assertThat(server.openRuns()).isZero();
    }

    @Test
    void refusesTooManyConcurrentRunsUntilOneCloses() throws Exception {
        server = WebServer.start(0, dir, new Limits(1_000, 2, 100, 10));
        String req = "{\"scenario\": \"china-2012-2025\", \"size\": 200, \"steps\": 5}";
        String first = create(server, req);
        create(server, req);
        HttpResponse<String> r = post(server, "/api/sessions", req);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(json(r).get("error").asString()).contains("at most 2 runs at a time").contains("close a run");
        assertThat(post(server, "/api/sessions/" + first + "/close", "").statusCode()).isEqualTo(200);
        create(server, req);
        assertThat(server.openRuns()).isEqualTo(2);
        assertThat(post(server, "/api/sessions/" + first + "/play", "").statusCode()).isEqualTo(404);
    }

    @Test
    void aBadUploadGetsTheLoadersMessage() throws Exception {
        server = WebServer.start(0, dir, Limits.DEFAULTS);
        String text = ScenarioLoader.builtIn("china-2012-2025").text().replace("intensity: 0.2", "intensity: lots");
        String expected;
        try {
            ScenarioLoader.parse(text, "mine.yaml");
            throw new AssertionError("the loader accepted a bad file");
        } catch (ScenarioException e) {
            expected = e.getMessage();
        }
        var body = ParameterSchema.MAPPER.createObjectNode();
        body.putObject("upload").put("name", "C:\\Users\\me\\../mine.yaml").put("text", text);
        HttpResponse<String> r = post(server, "/api/sessions", body.toString());
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("error").asString()).isEqualTo(expected)
                .startsWith("mine.yaml, line").contains("surveillance.intensity").contains("found");
        body.putObject("upload").put("name", "broken.yaml").put("text", "name: [unclosed");
        r = post(server, "/api/sessions", body.toString());
        assertThat(json(r).get("error").asString()).startsWith("broken.yaml").contains("expected valid YAML");
        body.putObject("upload").put("name", "big.yaml").put("text", "#".repeat(ScenarioLoader.MAX_BYTES + 1));
        r = post(server, "/api/sessions", body.toString());
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("error").asString()).contains("at most " + ScenarioLoader.MAX_BYTES + " bytes");
        // a good upload starts a run
        body.putObject("upload").put("name", "ok.yaml").put("text", ScenarioLoader.builtIn("granovetter").text());
        assertThat(post(server, "/api/sessions", body.toString()).statusCode()).isEqualTo(201);
    }

    @Test
    void noPathInARequestReachesTheFileSystem() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "SECRET");
        server = WebServer.start(0, dir.resolve("out"), Limits.DEFAULTS);
        String id = create(server, "{\"scenario\": \"china-2012-2025\", \"size\": 200, \"steps\": 3}");
        List<String> attacks = List.of("/../pom.xml", "/%2e%2e/%2e%2e/pom.xml", "/..%2f..%2fpom.xml",
                "/webjars/../../../../etc/passwd", "/webjars/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/api/sessions/" + id + "/report/..%2f..%2fsecret.txt", "/api/sessions/" + id + "/report/../../secret.txt",
                "/api/sessions/..%2f..%2fsecret.txt/report/a", "/web/../../secret.txt", "/%2e%2e%2fsecret.txt",
                "/api/sessions/" + id + "/officials/..%2f1");
        for (String a : attacks) {
            String response = raw(server.port(), "GET " + a + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(response).as(a).doesNotStartWith("HTTP/1.1 200").doesNotContain("SECRET")
                    .doesNotContain("root:").doesNotContain("<project");
        }
        // a page of another site reaching us through DNS rebinding is refused
        String rebound = raw(server.port(), "GET /api/scenarios HTTP/1.1\r\nHost: evil.example:80\r\nConnection: close\r\n\r\n");
        assertThat(rebound).startsWith("HTTP/1.1 403").contains("answers only to localhost");
    }

    static String raw(int port, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            StringWriter w = new StringWriter();
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).transferTo(w);
            return w.toString();
        }
    }

    @Test
    void aLeverTakesEffectFromTheNextStepAndTheSavedRunIsTheCommandLinesRun() throws Exception {
        server = WebServer.start(0, dir.resolve("out"), Limits.DEFAULTS);
        String req = "{\"scenario\": \"china-2012-2025\", \"size\": 400, \"steps\": 20, \"seed\": 7}";
        String id = create(server, req);
        Session s = server.sessionById(id);
        assertThat(post(server, "/api/sessions/" + id + "/step", "{\"steps\": 3}").statusCode()).isEqualTo(200);
        awaitStep(s, 3);
        HttpResponse<String> bad = post(server, "/api/sessions/" + id + "/lever", "{\"path\": \"surveillance.intensity\", \"value\": 7}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(json(bad).get("error").asString()).startsWith("lever surveillance.intensity: expected").contains("found 7");
        HttpResponse<String> notALever = post(server, "/api/sessions/" + id + "/lever", "{\"path\": \"organisation.officials\", \"value\": 9}");
        assertThat(json(notALever).get("error").asString())
                .startsWith("lever: expected one of " + String.join(", ", ParameterSchema.leverPaths(BureaucracyParameters.class)) + ", found");
        HttpResponse<String> shortList = post(server, "/api/sessions/" + id + "/lever", "{\"path\": \"pay.cut_by_level\", \"value\": [0.1, 0.2]}");
        assertThat(json(shortList).get("error").asString()).isEqualTo("lever pay.cut_by_level: expected a list of 5 values (one per level), found [0.1,0.2]");
        HttpResponse<String> text = post(server, "/api/sessions/" + id + "/lever", "{\"path\": \"quotas.campaign\", \"value\": \"high\"}");
        assertThat(json(text).get("error").asString()).startsWith("lever quotas.campaign: expected a number");
        HttpResponse<String> r = post(server, "/api/sessions/" + id + "/lever", "{\"path\": \"surveillance.intensity\", \"value\": 0.95}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("step").asInt()).isEqualTo(4);
        r = post(server, "/api/sessions/" + id + "/lever", "{\"path\": \"pay.cut_by_level\", \"value\": [0, 0.1, 0.2, 0.3, 0.4]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        post(server, "/api/sessions/" + id + "/speed", "{\"speed\": 50}");
        post(server, "/api/sessions/" + id + "/play", "");
        awaitStep(s, 20);
        MetricTable live = s.metrics("a");

        // the same run without the levers: identical up to step 3, different from step 4 on
        String plain = create(server, req);
        post(server, "/api/sessions/" + plain + "/step", "{\"steps\": 20}");
        awaitStep(server.sessionById(plain), 20);
        MetricTable unmoved = server.sessionById(plain).metrics("a");
        for (int row = 0; row <= 3; row++) {
            for (int c = 0; c < live.names().size(); c++) {
                assertThat(live.value(row, c)).as("step %d %s", row, live.names().get(c)).isEqualTo(unmoved.value(row, c));
            }
        }
        assertThat(live.column("morale_mean")[4]).isNotEqualTo(unmoved.column("morale_mean")[4]);

        // saved: stored, reported, and the saved scenario run from the command line gives the same numbers
        r = post(server, "/api/sessions/" + id + "/save", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode run = json(r).get("runs").get(0);
        assertThat(run.get("stored").asBoolean()).isTrue();
        HttpResponse<String> report = get(server, run.get("report").asString());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("<html").contains("moved in the page: surveillance.intensity = 0.95");
        Path folder = dir.resolve("out").resolve(run.get("folder").asString());
        // the page holds a lever it moved: the scenario's own move of surveillance in 2014-04 (step 17) is dropped
        var saved = ScenarioLoader.load(folder.resolve("scenario.yaml"));
        assertThat(saved.parameterTreeAt(19).at("/surveillance/intensity").asDouble()).isEqualTo(0.95);
        assertThat(ScenarioLoader.builtIn("china-2012-2025").parameterTreeAt(19).at("/surveillance/intensity").asDouble()).isEqualTo(0.3);
        Path again = dir.resolve("cli-run");
        Runner.run(ScenarioLoader.load(folder.resolve("scenario.yaml")), new RunOptions(null, null, 2, again, 0), Progress.NONE);
        StringWriter liveCsv = new StringWriter();
        live.writeCsv(liveCsv);
        assertThat(Files.readString(again.resolve("metrics.csv"))).isEqualTo(liveCsv.toString());
        assertThat(Files.readString(folder.resolve("metrics.csv"))).isEqualTo(liveCsv.toString());
        try (ResultStore store = ResultStore.open(dir.resolve("out").resolve("results.duckdb"))) {
            assertThat(store.has(run.get("run_id").asString())).isTrue();
        }
    }

    @Test
    void sideBySideRunsShareRandomNumbersUntilTheirLeversDiffer() throws Exception {
        server = WebServer.start(0, dir.resolve("out"), Limits.DEFAULTS);
        String id = create(server, "{\"scenario\": \"china-2012-2025\", \"size\": 300, \"steps\": 6, \"compare\": true}");
        Session s = server.sessionById(id);
        post(server, "/api/sessions/" + id + "/step", "{\"steps\": 2}");
        awaitStep(s, 2);
        HttpResponse<String> r = post(server, "/api/sessions/" + id + "/lever",
                "{\"path\": \"study.study_hours\", \"value\": 20, \"arm\": \"b\"}");
        assertThat(json(r).get("arm").asString()).isEqualTo("b");
        post(server, "/api/sessions/" + id + "/step", "{\"steps\": 4}");
        awaitStep(s, 6);
        double[] a = s.metrics("a").column("morale_mean");
        double[] b = s.metrics("b").column("morale_mean");
        assertThat(b[2]).isEqualTo(a[2]);
        assertThat(b[6]).isNotEqualTo(a[6]);
        r = post(server, "/api/sessions/" + id + "/lever", "{\"path\": \"study.study_hours\", \"value\": 2, \"arm\": \"c\"}");
        assertThat(json(r).get("error").asString()).isEqualTo("arm: expected a, b or both, found 'c'");
    }

    @Test
    void biographiesOfTrackedOfficials() throws Exception {
        server = WebServer.start(0, dir, Limits.DEFAULTS);
        String id = create(server, "{\"scenario\": \"china-2012-2025\", \"size\": 1000, \"steps\": 6}");
        post(server, "/api/sessions/" + id + "/step", "{\"steps\": 6}");
        awaitStep(server.sessionById(id), 6);
        JsonNode officials = json(get(server, "/api/sessions/" + id + "/officials")).get("officials");
        assertThat(officials.size()).isPositive();
        int first = officials.get(0).get("id").asInt();
        JsonNode bio = json(get(server, "/api/sessions/" + id + "/officials/" + first));
        assertThat(bio.get("lines").get(0).asString()).startsWith("Official " + first);
        assertThat(get(server, "/api/sessions/" + id + "/officials/-1").statusCode()).isEqualTo(400);
    }

    /** The data of the first event of this kind in a run's event stream. */
    static JsonNode firstEvent(WebServer s, String id, String event) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> r = HTTP.send(HttpRequest.newBuilder(sse(s, id)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        try (java.util.stream.Stream<String> lines = r.body()) {
            String current = "";
            for (var it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.startsWith("event: ")) {
                    current = line.substring(7);
                } else if (line.startsWith("data: ") && current.equals(event)) {
                    return ParameterSchema.MAPPER.readTree(line.substring(6));
                }
            }
        }
        throw new AssertionError("the stream ended before a '" + event + "' event");
    }

    @Test
    void anEpsteinRunOffersTheLeversAndChartsItsModelDeclaresAndNoSize() throws Exception {
        server = WebServer.start(0, dir.resolve("out"), Limits.DEFAULTS);
        // the page learns which scenarios have a size field before it starts one
        JsonNode sizes = json(get(server, "/api/scenarios")).get("sizes");
        assertThat(sizes.get("epstein-run1").isNull()).isTrue();
        assertThat(sizes.get("china-2012-2025").get("path").asString()).isEqualTo(ParameterSchema.sizePath(BureaucracyParameters.class));
        assertThat(sizes.get("china-2012-2025").get("unit").asString()).isEqualTo("officials");
        HttpResponse<String> sized = post(server, "/api/sessions", "{\"scenario\": \"epstein-run1\", \"size\": 500}");
        assertThat(sized.statusCode()).isEqualTo(422);
        assertThat(json(sized).get("error").asString()).startsWith("size: the model 'epstein' has no size to set");

        String id = create(server, "{\"scenario\": \"epstein-run1\", \"steps\": 8}");
        JsonNode init = firstEvent(server, id, "init");
        assertThat(init.get("model").asString()).isEqualTo("epstein");
        assertThat(init.get("size").isNull()).isTrue();
        List<String> levers = new java.util.ArrayList<>();
        init.get("levers").forEach(l -> levers.add(l.get("path").asString()));
        assertThat(levers).isNotEmpty().isEqualTo(ParameterSchema.leverPaths(EpsteinParameters.class));
        var sc = ScenarioLoader.builtIn("epstein-run1");
        List<MetricSet.PageChart> declared = Models.byName("epstein").orElseThrow().create(sc.parametersAt(0)).metrics().pages();
        assertThat(init.get("charts").size()).isEqualTo(declared.size()).isPositive();
        for (int i = 0; i < declared.size(); i++) {
            JsonNode c = init.get("charts").get(i);
            assertThat(c.get("title").asString()).isEqualTo(declared.get(i).title());
            assertThat(c.get("style").asString()).isEqualTo(declared.get(i).style().name());
            List<String> names = new java.util.ArrayList<>();
            c.get("metrics").forEach(n -> names.add(n.asString()));
            assertThat(names).isEqualTo(declared.get(i).metrics().stream().map(Metric::name).toList());
        }

        // moving a lever works: refused out of range, in force from the next step otherwise
        Session s = server.sessionById(id);
        post(server, "/api/sessions/" + id + "/step", "{\"steps\": 3}");
        awaitStep(s, 3);
        HttpResponse<String> bad = post(server, "/api/sessions/" + id + "/lever", "{\"path\": \"legitimacy\", \"value\": 2}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(json(bad).get("error").asString()).startsWith("lever legitimacy: expected");
        HttpResponse<String> r = post(server, "/api/sessions/" + id + "/lever", "{\"path\": \"legitimacy\", \"value\": 0.3}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("step").asInt()).isEqualTo(4);
        r = post(server, "/api/sessions/" + id + "/lever", "{\"path\": \"cop_density\", \"value\": 0.01}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        post(server, "/api/sessions/" + id + "/step", "{\"steps\": 5}");
        awaitStep(s, 8);
        MetricTable live = s.metrics("a");
        assertThat(live.column("legitimacy")[3]).isEqualTo(0.89);
        assertThat(live.column("legitimacy")[4]).isEqualTo(0.3);
        assertThat(live.column("cops")[3]).isEqualTo(64);
        assertThat(live.column("cops")[4]).isEqualTo(16);
        // a model that marks no lever has none to move
        String riot = create(server, "{\"scenario\": \"granovetter\"}");
        assertThat(firstEvent(server, riot, "init").get("levers").size()).isZero();
        r = post(server, "/api/sessions/" + riot + "/lever", "{\"path\": \"mean\", \"value\": 3}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asString()).isEqualTo("lever: the model 'granovetter' has no levers, found 'mean'");
    }

    @Test
    void everyBuiltInEpsteinScenarioRunsInThePage() throws Exception {
        server = WebServer.start(0, dir.resolve("out"), new Limits(50_000, 20, 2_000, 50));
        List<String> epstein = org.officialdom.model.scenario.BuiltInScenarios.names().stream()
                .filter(n -> ScenarioLoader.builtIn(n).kind().name().equals("epstein")).toList();
        assertThat(epstein).hasSize(9);
        for (String name : epstein) {
            HttpResponse<String> r = post(server, "/api/sessions", "{\"scenario\": \"" + name + "\", \"steps\": 3}");
            assertThat(r.statusCode()).as(name + ": " + r.body()).isEqualTo(201);
            String id = json(r).get("id").asString();
            JsonNode init = firstEvent(server, id, "init");
            assertThat(init.get("scenario").asString()).isEqualTo(name);
            assertThat(init.get("size").isNull()).as(name).isTrue();
            assertThat(init.get("levers").size()).as(name).isEqualTo(ParameterSchema.leverPaths(EpsteinParameters.class).size());
            assertThat(init.get("charts").size()).as(name).isPositive();
            post(server, "/api/sessions/" + id + "/step", "{\"steps\": 3}");
            Session s = server.sessionById(id);
            awaitStep(s, 3);
            assertThat(s.metrics("a").column("active")).as(name).hasSize(4);
            post(server, "/api/sessions/" + id + "/close", "");
        }
    }

    @Test
    void aStepCountBeyondTheLimitIsRefusedNotWrapped() throws Exception {
        server = WebServer.start(0, dir.resolve("out"), new Limits(1_000, 2, 100, 10));
        // 2^32 + 10 would read as 10 if narrowed to an int
        HttpResponse<String> r = post(server, "/api/sessions", "{\"scenario\": \"granovetter\", \"steps\": 4294967306}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("error").asString()).isEqualTo("steps: expected a number from 1 to 100, found 4294967306");
        assertThat(server.openRuns()).isZero();
    }

    @Test
    void whatARunWouldBuildIsCountedWhateverParameterMakesIt() throws Exception {
        server = WebServer.start(0, dir.resolve("out"), Limits.DEFAULTS);
        String[] uploads = {
            "name: posts\nmodel: bureaucracy\nsteps: 3\nparameters:\n  organisation:\n    officials: 100\n    custom_posts: [3000000]\n",
            "name: ratio\nmodel: bureaucracy\nsteps: 3\nparameters:\n  organisation:\n    officials: 100\n    ratio: 20\n    fill: 1\n",
            "name: leaders\nmodel: bureaucracy\nsteps: 3\nparameters:\n  organisation:\n    officials: 100\n    leaders: 100\n    ratio: 20\n",
            "name: grid\nmodel: epstein\nsteps: 3\nparameters:\n  width: 20000\n  height: 20000\n",
        };
        for (String text : uploads) {
            String body = ParameterSchema.MAPPER.createObjectNode().set("upload",
                    ParameterSchema.MAPPER.createObjectNode().put("name", "big.yaml").put("text", text)).toString();
            HttpResponse<String> r = post(server, "/api/sessions", body);
            assertThat(r.statusCode()).as(text).isEqualTo(422);
            assertThat(json(r).get("error").asString()).as(text).containsAnyOf(
                    "this server runs at most 50,000 agents or grid cells", "this server's share of its heap");
        }
        assertThat(server.openRuns()).isZero();
    }

    static HttpResponse<String> explain(WebServer s, String id, String body) throws Exception {
        return post(s, "/api/sessions/" + id + "/explain", body);
    }

    /** The explanation events a session has told its watchers so far. */
    static List<JsonNode> explainEvents(Session s) {
        return s.messages().stream().filter(m -> m.event().equals("explain")).map(m -> ParameterSchema.MAPPER.readTree(m.data())).toList();
    }

    @Test
    void explainsTheLoadedScenarioOneAtATimeAndStreamsItsProgress() throws Exception {
        server = WebServer.start(0, dir, Limits.DEFAULTS);
        String id = create(server, "{\"scenario\": \"kuran\"}");
        // bad input: a clear 4xx, and nothing starts
        HttpResponse<String> r = explain(server, id, "{\"replicates\": 1}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("error").asString())
                .isEqualTo("explain: expected 2 to 5 replicates (intervals need two; the page keeps it small), found 1");
        r = explain(server, id, "{\"replicates\": \"two\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asString()).isEqualTo("replicates: expected a whole number, found \"two\"");
        r = explain(server, id, "two replicates");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asString()).isEqualTo("request: expected a JSON object, found text that is not JSON");
        r = explain(server, "0123456789abcdef", "{}");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(explainEvents(server.sessionById(id))).isEmpty();
        // one at a time: while another explanation holds the server, this one is refused
        server.explaining.acquire();
        try {
            r = explain(server, id, "{}");
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(json(r).get("error").asString())
                    .isEqualTo("explain: another explanation is running on this server; try again when it is done");
        } finally {
            server.explaining.release();
        }
        // a page of another site may not start one
        r = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/api/sessions/" + id + "/explain"))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(explainEvents(server.sessionById(id))).isEmpty();

        r = explain(server, id, "{\"replicates\": 2}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(json(r).get("runs").asInt()).isEqualTo(4);
        assertThat(json(r).get("groups")).hasSize(1);
        Session s = server.sessionById(id);
        for (int i = 0; i < 6000 && explainEvents(s).stream().noneMatch(e -> e.get("state").asString().equals("done")); i++) {
            Thread.sleep(10);
        }
        List<JsonNode> events = explainEvents(s);
        assertThat(events).extracting(e -> e.get("state").asString())
                .containsExactly("started", "running", "running", "running", "running", "done");
        assertThat(events.get(4).get("done").asInt()).isEqualTo(4);
        JsonNode done = events.get(5);
        assertThat(done.get("method").asString()).isEqualTo("exact Shapley values over all 2 coalitions");
        JsonNode pub = done.get("metrics").get(0);
        assertThat(pub.get("name").asString()).isEqualTo("public_opposition");
        // Kuran's revolution: public opposition from 12 to 90 %, all of it the lowered threshold
        assertThat(pub.get("start").get("mean").asDouble()).isEqualTo(12.0);
        assertThat(pub.get("end").get("mean").asDouble()).isEqualTo(90.0);
        assertThat(pub.get("contributions").get(0).get("name").asString()).isEqualTo("thresholds");
        assertThat(pub.get("contributions").get(0).get("mean").asDouble()).isEqualTo(78.0);
        for (JsonNode m : done.get("metrics")) {
            double sum = m.get("start").get("mean").asDouble() + m.get("drift").get("mean").asDouble();
            for (JsonNode c : m.get("contributions")) {
                sum += c.get("mean").asDouble();
            }
            assertThat(sum).as(m.get("name").asString()).isCloseTo(m.get("end").get("mean").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        }
        // and the server is free for the next one
        for (int i = 0; i < 500 && server.explaining.availablePermits() == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(server.explaining.availablePermits()).isEqualTo(1);
    }

    @Test
    void explainRefusesTooManyRunsAndAScenarioWithoutACalendar() throws Exception {
        server = WebServer.start(0, dir, new Limits(50_000, 4, 2_000, 10, 3));
        String id = create(server, "{\"scenario\": \"kuran\"}");
        HttpResponse<String> r = explain(server, id, "{}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("error").asString()).isEqualTo("explain: this server makes at most 3 runs for one explanation; "
                + "1 group of calendar entries take 2 coalitions × 2 replicates = 4 runs: use fewer replicates (or officialdom explain)");
        String plain = create(server, "{\"scenario\": \"granovetter\"}");
        r = explain(server, plain, "{}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("error").asString())
                .isEqualTo("explain: the scenario granovetter has no calendar entries, so there is nothing to split its change among");
        assertThat(server.explaining.availablePermits()).isEqualTo(1);
    }

    @Test
    void theFlagshipsThirteenCalendarPathsBecomeSixGroups() {
        var sc = ScenarioLoader.builtIn("china-2012-2025");
        List<org.officialdom.lab.experiment.Explanation.Group> groups = PageExplanation.groups(sc);
        assertThat(groups).extracting(org.officialdom.lab.experiment.Explanation.Group::name).containsExactly(
                "investigation: campaign", "surveillance: intensity", "study", "recruitment", "quotas", "pay: cut by level");
        // every path the calendar sets is in a group
        List<String> sections = groups.stream().flatMap(g -> g.paths().stream()).toList();
        assertThat(org.officialdom.lab.experiment.Explanation.groupsByPath(sc)).hasSize(13)
                .allSatisfy(g -> assertThat(sections).contains(g.paths().get(0).substring(0, g.paths().get(0).indexOf('.'))));
        // a short calendar keeps one group per parameter
        assertThat(PageExplanation.groups(ScenarioLoader.builtIn("kuran"))).extracting(org.officialdom.lab.experiment.Explanation.Group::name)
                .containsExactly("thresholds");
    }

    static HttpResponse<String> postFrom(WebServer s, String origin, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(s.uri().resolve("/api/sessions"))
                .header("Content-Type", contentType).header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPageOfAnotherSiteCannotStartRuns() throws Exception {
        server = WebServer.start(0, dir.resolve("out"), Limits.DEFAULTS);
        // what a form on another site sends: a text/plain body that happens to be JSON
        HttpResponse<String> r = postFrom(server, "http://evil.example", "text/plain", "{\"scenario\": \"granovetter\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).get("error").asString()).contains("not a page of http://evil.example");
        assertThat(postFrom(server, "null", "application/json", "{\"scenario\": \"granovetter\"}").statusCode()).isEqualTo(403);
        assertThat(server.openRuns()).isZero();
        // the server's own page, by any loopback name, may
        assertThat(postFrom(server, "http://localhost:" + server.port(), "application/json", "{\"scenario\": \"granovetter\"}")
                .statusCode()).isEqualTo(201);
        assertThat(postFrom(server, "http://127.0.0.1:" + server.port(), "application/json", "{\"scenario\": \"granovetter\"}")
                .statusCode()).isEqualTo(201);
        assertThat(server.openRuns()).isEqualTo(2);
    }

    @Test
    void anAllowedOriginMayDriveAServerBoundElsewhere() throws Exception {
        server = WebServer.start("127.0.0.1", 0, dir.resolve("out"), Limits.DEFAULTS, List.of("http://lab.example:7070/"));
        assertThat(postFrom(server, "http://lab.example:7070", "application/json", "{\"scenario\": \"granovetter\"}")
                .statusCode()).isEqualTo(201);
        assertThat(postFrom(server, "http://lab.example:7071", "application/json", "{\"scenario\": \"granovetter\"}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void oneSaveAtATime() throws Exception {
        server = WebServer.start(0, dir.resolve("out"), Limits.DEFAULTS);
        String id = create(server, "{\"scenario\": \"granovetter\", \"steps\": 4}");
        post(server, "/api/sessions/" + id + "/step", "{\"steps\": 2}");
        awaitStep(server.sessionById(id), 2);
        server.saving.acquire(); // a save in progress
        try {
            HttpResponse<String> r = post(server, "/api/sessions/" + id + "/save", "");
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(json(r).get("error").asString()).startsWith("save: another run is being saved");
        } finally {
            server.saving.release();
        }
        assertThat(post(server, "/api/sessions/" + id + "/save", "").statusCode()).isEqualTo(200);
    }

    static URI sse(WebServer s, String id) {
        return s.uri().resolve("/api/sessions/" + id + "/events");
    }
}
