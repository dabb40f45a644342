package org.officialdom.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.officialdom.engine.Footprint;
import org.officialdom.lab.Progress;
import org.officialdom.lab.RunOptions;
import org.officialdom.lab.RunResult;
import org.officialdom.lab.Runner;
import org.officialdom.lab.store.ResultStore;
import org.officialdom.model.scenario.BuiltInScenarios;
import org.officialdom.model.parameter.ParameterSchema;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioException;
import org.officialdom.model.scenario.ScenarioLoader;
import org.officialdom.report.HtmlReport;
import org.officialdom.report.RunData;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The local server of the page: static files from the jar (ECharts from its WebJar), a small JSON
 * API to start and steer runs held as server-side sessions, and server-sent events that stream each
 * run's steps. Binds loopback unless told otherwise; refuses oversize runs, too many runs and too
 * many watchers with a message the page shows. No part of a request names a file: run folders and
 * reports are made under the output folder from the session's id, which the server made itself.
 */
public final class WebServer implements AutoCloseable {

    /** Idle sessions (no watcher, not playing) are closed after this long. */
    static final long IDLE_MILLIS = TimeUnit.MINUTES.toMillis(10);

    private static final int MAX_BODY = ScenarioLoader.MAX_BYTES * 2 + 4096;
    private static final SecureRandom IDS = new SecureRandom();

    /** Built-in scenarios do not change while the server runs: their sizes are read once, when first asked for. */
    private static final class BuiltInSizes {
        static final ObjectNode SIZES = sizes();
        static final ObjectNode TITLES = titles();
    }

    private final Javalin app;
    private final String host;
    private final Path outDir;
    private final Limits limits;
    private final boolean loopback;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Path> reports = new ConcurrentHashMap<>();
    private final AtomicInteger watchers = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final ScheduledExecutorService reaper;
    private final Object storeLock = new Object();
    private final List<String> allowedOrigins;
    /** A save reruns a whole run: one at a time, so that a page (or a script) cannot pile them up. */
    final java.util.concurrent.Semaphore saving = new java.util.concurrent.Semaphore(1);
    /** An explanation makes many runs: one at a time on this server, whoever asks. */
    final java.util.concurrent.Semaphore explaining = new java.util.concurrent.Semaphore(1);
    private volatile boolean closing;

    private WebServer(String host, int port, Path outDir, Limits limits, List<String> allowedOrigins) {
        this.host = host;
        this.allowedOrigins = allowedOrigins.stream().map(WebServer::origin).toList();
        this.outDir = outDir.toAbsolutePath().normalize();
        this.limits = limits;
        this.loopback = isLoopback(host);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = MAX_BODY;
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
            });
            cfg.staticFiles.enableWebjars();
            cfg.routes.before(this::guard);
            cfg.routes.get("/favicon.ico", ctx -> ctx.status(204));
            cfg.routes.get("/api/scenarios", this::scenarios);
            cfg.routes.post("/api/sessions", this::create);
            cfg.routes.get("/api/sessions/{id}/events", this::events);
            cfg.routes.post("/api/sessions/{id}/play", ctx -> ok(ctx, session(ctx), Session::play));
            cfg.routes.post("/api/sessions/{id}/pause", ctx -> ok(ctx, session(ctx), Session::pause));
            cfg.routes.post("/api/sessions/{id}/reset", ctx -> ok(ctx, session(ctx), Session::reset));
            cfg.routes.post("/api/sessions/{id}/step", ctx -> ok(ctx, session(ctx), s -> s.step(intField(body(ctx), "steps", 1))));
            cfg.routes.post("/api/sessions/{id}/speed", ctx -> ok(ctx, session(ctx), s -> s.speed(intField(body(ctx), "speed", 10))));
            cfg.routes.post("/api/sessions/{id}/lever", this::lever);
            cfg.routes.get("/api/sessions/{id}/officials", ctx -> json(ctx, 200, session(ctx).officials()));
            cfg.routes.get("/api/sessions/{id}/officials/{n}", this::biography);
            cfg.routes.post("/api/sessions/{id}/save", this::save);
            cfg.routes.post("/api/sessions/{id}/explain", this::explain);
            cfg.routes.get("/api/sessions/{id}/report/{arm}", this::report);
            cfg.routes.post("/api/sessions/{id}/close", this::closeSession);
            cfg.routes.exception(WebException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500,
                    "the server failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        });
        app.start(host, port);
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "officialdom-reaper");
            t.setDaemon(true);
            return t;
        });
        reaper.scheduleAtFixedRate(() -> closeIdle(IDLE_MILLIS), 30, 30, TimeUnit.SECONDS);
    }

    /** The address a server binds unless told otherwise: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** Starts a server on loopback; port 0 picks a free one. */
    public static WebServer start(int port, Path outDir, Limits limits) {
        return start(DEFAULT_HOST, port, outDir, limits);
    }

    /** Starts a server; port 0 picks a free one. */
    public static WebServer start(String host, int port, Path outDir, Limits limits) {
        return start(host, port, outDir, limits, List.of());
    }

    /**
     * Starts a server that also answers pages from {@code allowedOrigins} ("http://lab.example:7070"),
     * for a server bound to an address other machines reach; port 0 picks a free one.
     */
    public static WebServer start(String host, int port, Path outDir, Limits limits, List<String> allowedOrigins) {
        return new WebServer(host, port, outDir, limits, allowedOrigins);
    }

    /** An origin as browsers send it: scheme, host and port, lower case, no trailing slash. */
    static String origin(String url) {
        String o = url.trim().toLowerCase(java.util.Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }

    /** Whether a page of this origin may drive the server: its own page (by a loopback name), or one allowed. */
    boolean allowedOrigin(String origin) {
        String o = origin(origin);
        int p = app.port();
        if (allowedOrigins.contains(o)) {
            return true;
        }
        if (loopback) {
            return o.equals("http://localhost:" + p) || o.equals("http://127.0.0.1:" + p) || o.equals("http://[::1]:" + p)
                    || o.equals("http://" + host.toLowerCase(java.util.Locale.ROOT) + ":" + p);
        }
        return o.equals("http://" + (host.contains(":") ? "[" + host + "]" : host).toLowerCase(java.util.Locale.ROOT) + ":" + p);
    }

    /** The page's address. */
    public URI uri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + app.port() + "/");
    }

    public int port() {
        return app.port();
    }

    /** Requests answered so far, for the load test's figures. */
    public int served() {
        return served.get();
    }

    public int openRuns() {
        return sessions.size();
    }

    Session sessionById(String id) {
        return sessions.get(id);
    }

    /** Whether a host name or address is a loopback address (127.0.0.0/8, ::1, localhost). */
    public static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void guard(Context ctx) {
        served.incrementAndGet();
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy",
                "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
        if (loopback) {
            // a page of another site must not reach this server through a name that points at loopback
            String h = ctx.header("Host");
            String name = h == null ? "" : h.replaceFirst(":[0-9]+$", "").replace("[", "").replace("]", "");
            if (!(name.equals("localhost") || name.equals("127.0.0.1") || name.equals("::1") || name.equals(host))) {
                throw new WebException(403, "this server answers only to localhost, 127.0.0.1 or [::1]");
            }
        }
        // a browser names the page that sends a request; one of another site must not start or
        // steer runs (a form's text/plain POST needs no permission from the server to be sent)
        String origin = ctx.header("Origin");
        if (origin != null && !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD") && !allowedOrigin(origin)) {
            throw new WebException(403, "this server answers only its own page"
                    + (allowedOrigins.isEmpty() ? "" : " and " + String.join(", ", allowedOrigins))
                    + ", not a page of " + Session.abbreviate(origin) + (loopback ? "" : " (allow it with --allow-origin)"));
        }
    }

    private void scenarios(Context ctx) {
        ObjectNode o = ParameterSchema.MAPPER.createObjectNode();
        ArrayNode names = o.putArray("scenarios");
        BuiltInScenarios.names().forEach(names::add);
        o.put("flagship", BuiltInScenarios.flagship());
        o.set("sizes", BuiltInSizes.SIZES.deepCopy());
        o.set("titles", BuiltInSizes.TITLES.deepCopy());
        o.putObject("limits").put("max_size", limits.maxSize()).put("max_runs", limits.maxRuns())
                .put("max_steps", limits.maxSteps()).put("max_explain_runs", limits.maxExplainRuns());
        json(ctx, 200, o);
    }

    private void create(Context ctx) {
        JsonNode req = body(ctx);
        Scenario sc;
        JsonNode upload = req.get("upload");
        if (upload != null && !upload.isNull()) {
            String name = fileName(upload.path("name").asString("uploaded.yaml"));
            JsonNode text = upload.get("text");
            if (text == null || !text.isString()) {
                throw new WebException(400, name + ": expected the file's text, found none");
            }
            if (text.asString().getBytes(StandardCharsets.UTF_8).length > ScenarioLoader.MAX_BYTES) {
                throw new WebException(422, name + ": expected a scenario file of at most " + ScenarioLoader.MAX_BYTES
                        + " bytes, found " + text.asString().getBytes(StandardCharsets.UTF_8).length + " bytes");
            }
            sc = scenario(() -> ScenarioLoader.parse(text.asString(), name));
        } else {
            String name = req.path("scenario").asString(BuiltInScenarios.flagship());
            if (!BuiltInScenarios.names().contains(name)) {
                throw new WebException(400, "scenario: expected one of " + String.join(", ", BuiltInScenarios.names())
                        + ", found '" + Session.abbreviate(name) + "'");
            }
            sc = ScenarioLoader.builtIn(name);
        }
        String sizePath = ParameterSchema.sizePath(sc.kind().parameterType());
        String unit = sizePath == null ? "" : Levers.schemaAt(sc.kind(), sizePath).path("x-unit").asString("");
        String units = unit.isEmpty() ? "a size" : "a number of " + unit;
        if (req.hasNonNull("size")) {
            long size = longField(req, "size", 0);
            if (sizePath == null) {
                throw new WebException(422, "size: the model '" + sc.kind().name()
                        + "' has no size to set (none of its parameters is marked as its size): leave the size out");
            }
            if (size < 1 || size > limits.maxSize()) {
                throw new WebException(422, "size: expected " + units + " from 1 to " + limits.maxSize()
                        + " (this server's limit), found " + req.get("size"));
            }
            Scenario base = sc;
            sc = scenario(() -> ScenarioLoader.override(base, List.of(sizePath + "=" + size)));
        }
        if (sizePath != null) {
            long size = Levers.valueAt(sc.parameterTreeAt(0), sizePath).asLong();
            if (size > limits.maxSize()) {
                throw new WebException(422, "size: this server runs at most " + limits.maxSize() + (unit.isEmpty() ? "" : " " + unit)
                        + "; the scenario asks for " + size + " (" + sizePath + "): choose a smaller size");
            }
        }
        Long seed = req.hasNonNull("seed") ? longField(req, "seed", 0) : null;
        if (seed != null && seed < 0) {
            throw new WebException(400, "seed: expected a number of at least 0, found " + seed);
        }
        // checked as a long before narrowing: 2^32 + 10 steps must not become 10
        Long askedSteps = req.hasNonNull("steps") ? longField(req, "steps", 0) : null;
        if (askedSteps != null && (askedSteps < 1 || askedSteps > limits.maxSteps())) {
            throw new WebException(422, "steps: expected a number from 1 to " + limits.maxSteps() + ", found " + askedSteps);
        }
        Integer steps = askedSteps == null ? null : askedSteps.intValue();
        sc = sc.with(seed, steps);
        if (sc.steps() > limits.maxSteps()) {
            throw new WebException(422, "steps: this server runs at most " + limits.maxSteps()
                    + " steps; the scenario asks for " + sc.steps() + ": choose fewer steps");
        }
        boolean compare = req.path("compare").asBoolean(false);
        // whatever parameters produce it, what the run would build is counted before it is built
        Footprint f;
        try {
            f = sc.footprintWithin(Runner.heapForOneRun() / limits.maxRuns() / (compare ? 2 : 1),
                    "this server's share of its heap for one run");
        } catch (ScenarioException e) {
            throw new WebException(422, e.getMessage());
        }
        if (Math.max(f.agents(), f.cells()) > limits.maxSize()) {
            throw new WebException(422, String.format(java.util.Locale.ROOT,
                    "size: this server runs at most %,d agents or grid cells; the scenario would build %s: choose smaller parameters",
                    limits.maxSize(), f.describe()));
        }
        Session s;
        synchronized (sessions) {
            if (sessions.size() >= limits.maxRuns()) {
                throw new WebException(429, "this server runs at most " + limits.maxRuns()
                        + " runs at a time and all are in use: close a run (or wait until an idle one is closed) and try again");
            }
            String id = HexFormat.of().formatHex(randomBytes());
            s = new Session(id, sc, sizePath, compare);
            sessions.put(id, s);
        }
        ObjectNode o = ParameterSchema.MAPPER.createObjectNode();
        o.put("id", s.id);
        json(ctx, 201, o);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        IDS.nextBytes(b);
        return b;
    }

    private static Scenario scenario(java.util.function.Supplier<Scenario> load) {
        try {
            return load.get();
        } catch (ScenarioException e) {
            throw new WebException(422, e.getMessage());
        }
    }

    /**
     * Each built-in scenario's size as the page's size field shows it (path, unit, the scenario's
     * own value), or null where its model marks no size: the page then hides the field.
     */
    private static ObjectNode sizes() {
        ObjectNode o = ParameterSchema.MAPPER.createObjectNode();
        for (String name : BuiltInScenarios.names()) {
            Scenario sc = ScenarioLoader.builtIn(name);
            String path = ParameterSchema.sizePath(sc.kind().parameterType());
            if (path == null) {
                o.putNull(name);
            } else {
                o.putObject(name).put("path", path)
                        .put("unit", Levers.schemaAt(sc.kind(), path).path("x-unit").asString(""))
                        .set("value", Levers.valueAt(sc.parameterTreeAt(0), path).deepCopy());
            }
        }
        return o;
    }

    /** Each built-in scenario's title (its name where it has none), for the scenario list. */
    private static ObjectNode titles() {
        ObjectNode o = ParameterSchema.MAPPER.createObjectNode();
        for (String name : BuiltInScenarios.names()) {
            Scenario sc = ScenarioLoader.builtIn(name);
            o.put(name, sc.title() == null || sc.title().isBlank() ? name : sc.title());
        }
        return o;
    }

    /** The name an uploaded file is called in messages: its base name, printable, short. */
    static String fileName(String raw) {
        String base = raw.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_");
        if (base.isBlank()) {
            base = "uploaded.yaml";
        }
        return base.length() > 80 ? base.substring(0, 80) : base;
    }

    private void events(Context ctx) throws Exception {
        Session s = session(ctx);
        if (!s.addWatcher(limits.maxWatchers(), watchers)) {
            throw new WebException(429, "this server streams to at most " + limits.maxWatchers()
                    + " watchers at a time: close a page and try again");
        }
        try {
            var res = ctx.res();
            res.setStatus(200);
            res.setContentType("text/event-stream");
            res.setCharacterEncoding("UTF-8");
            res.setHeader("Cache-Control", "no-cache");
            OutputStream out = res.getOutputStream();
            AtomicBoolean gone = new AtomicBoolean();
            s.watch((event, data) -> {
                try {
                    out.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    gone.set(true);
                }
            }, gone::get);
        } finally {
            s.removeWatcher(watchers);
        }
    }

    private void lever(Context ctx) {
        Session s = session(ctx);
        JsonNode req = body(ctx);
        JsonNode path = req.get("path");
        if (path == null || !path.isString()) {
            throw new WebException(400, "lever: expected a parameter path, found none");
        }
        JsonNode arm = req.get("arm");
        json(ctx, 200, s.move(path.asString(), req.get("value"), arm == null || arm.isNull() ? "both" : arm.asString()));
    }

    private void biography(Context ctx) {
        Session s = session(ctx);
        String n = ctx.pathParam("n");
        if (!n.matches("[0-9]{1,9}")) {
            throw new WebException(400, "official: expected an official's number, found '" + Session.abbreviate(n) + "'");
        }
        ObjectNode o = ParameterSchema.MAPPER.createObjectNode();
        ArrayNode lines = o.putArray("lines");
        s.biography(Integer.parseInt(n)).forEach(lines::add);
        json(ctx, 200, o);
    }

    /**
     * Saves each arm as watched so far: its scenario text (levers moved in the page as calendar
     * entries) is run again by {@link Runner} into a run folder, recorded in the result store and
     * reported, exactly as {@code officialdom run} would run that file.
     */
    private void save(Context ctx) throws IOException {
        Session s = session(ctx);
        if (!saving.tryAcquire()) {
            throw new WebException(429, "save: another run is being saved; try again when it is done");
        }
        try {
            saveAll(ctx, s);
        } finally {
            saving.release();
        }
    }

    private void saveAll(Context ctx, Session s) throws IOException {
        Map<String, String> texts = s.snapshot();
        ObjectNode o = ParameterSchema.MAPPER.createObjectNode();
        ArrayNode runs = o.putArray("runs");
        Map<String, RunResult> results = new LinkedHashMap<>();
        for (var e : texts.entrySet()) {
            Scenario sc = scenario(() -> ScenarioLoader.parse(e.getValue(), "web run " + s.id + "-" + e.getKey()));
            if (sc.steps() < 1) {
                throw new WebException(409, "save: expected a run of at least one step, found a run at step 0: step or play first");
            }
            Path folder = outDir.resolve("web").resolve(s.id + "-" + e.getKey() + "-step" + sc.steps());
            String startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
            RunResult r = Runner.run(sc, new RunOptions(null, null, 1, folder, 0), Progress.NONE);
            Path report = folder.resolve("report.html");
            HtmlReport.write(RunData.read(folder), report);
            reports.put(s.id + "/" + e.getKey(), report);
            results.put(e.getKey(), r);
            ObjectNode run = runs.addObject();
            run.put("arm", e.getKey());
            run.put("folder", outDir.relativize(folder).toString());
            run.put("report", "/api/sessions/" + s.id + "/report/" + e.getKey());
            run.put("run_id", r.toOutcome(startedAt).runId());
            synchronized (storeLock) {
                try (ResultStore store = ResultStore.open(outDir.resolve("results.duckdb"))) {
                    store.record(r.toOutcome(startedAt));
                    run.put("stored", true);
                } catch (ResultStore.StoreException ex) {
                    run.put("stored", false);
                    o.put("warning", "run saved in its folder but not recorded in the result store: " + ex.getMessage());
                }
            }
        }
        json(ctx, 200, o);
    }

    /**
     * Starts the Shapley decomposition of the session's scenario as loaded (seed, steps, size) over
     * its calendar's groups, on a thread of its own; its progress and result reach the page as
     * "explain" events of the session's stream. One explanation at a time on the server.
     */
    private void explain(Context ctx) {
        Session s = session(ctx);
        JsonNode req = body(ctx);
        int replicates = intField(req, "replicates", PageExplanation.MIN_REPLICATES);
        PageExplanation plan = PageExplanation.plan(s.base(), s.sizePath(), replicates, s.timeSeries(), limits);
        int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        try {
            // each worker builds one run of the session's size: the runs share what one session may use
            s.base().footprintWithin(Runner.heapForOneRun() / limits.maxRuns() / workers, "this server's share of its heap for one run");
        } catch (ScenarioException e) {
            throw new WebException(422, "explain: " + e.getMessage());
        }
        if (!explaining.tryAcquire()) {
            throw new WebException(429, "explain: another explanation is running on this server; try again when it is done");
        }
        try {
            Thread t = new Thread(() -> {
                try {
                    plan.run(workers, o -> s.tell("explain", o), () -> closing || s.isClosed());
                } finally {
                    explaining.release();
                }
            }, "officialdom-explain-" + s.id);
            t.setDaemon(true);
            t.start();
        } catch (RuntimeException | Error e) {
            explaining.release();
            throw e;
        }
        ObjectNode o = plan.design();
        json(ctx, 202, o);
    }

    private void report(Context ctx) throws IOException {
        Session s = session(ctx);
        String arm = ctx.pathParam("arm");
        Path report = arm.matches("[ab]") ? reports.get(s.id + "/" + arm) : null;
        if (report == null || !Files.exists(report)) {
            throw new WebException(404, "report: this run has not been saved yet (press Save first)");
        }
        // the report is self-contained: its scripts and styles are inline, and it loads nothing
        ctx.header("Content-Security-Policy",
                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(Files.readAllBytes(report));
    }

    private void closeSession(Context ctx) {
        Session s = session(ctx);
        sessions.remove(s.id);
        s.close();
        json(ctx, 200, ParameterSchema.MAPPER.createObjectNode().put("closed", s.id));
    }

    /** Closes sessions idle for longer than {@code ms}. */
    void closeIdle(long ms) {
        for (Session s : List.copyOf(sessions.values())) {
            if (s.idleFor(ms)) {
                sessions.remove(s.id);
                s.close();
            }
        }
    }

    private Session session(Context ctx) {
        String id = ctx.pathParam("id");
        Session s = id.matches("[0-9a-f]{16}") ? sessions.get(id) : null;
        if (s == null) {
            throw new WebException(404, "run: no open run with id '" + Session.abbreviate(id)
                    + "' (it was closed or the server restarted): start a new one");
        }
        return s;
    }

    private static JsonNode body(Context ctx) {
        String b = ctx.body();
        if (b.isBlank()) {
            return ParameterSchema.MAPPER.createObjectNode();
        }
        try {
            JsonNode n = ParameterSchema.MAPPER.readTree(b);
            if (n == null || !n.isObject()) {
                throw new WebException(400, "request: expected a JSON object, found " + (n == null ? "nothing" : n.getNodeType()));
            }
            return n;
        } catch (JacksonException e) {
            throw new WebException(400, "request: expected a JSON object, found text that is not JSON");
        }
    }

    private static int intField(JsonNode req, String field, int dflt) {
        long v = longField(req, field, dflt);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new WebException(400, field + ": expected a whole number, found " + v);
        }
        return (int) v;
    }

    private static long longField(JsonNode req, String field, long dflt) {
        JsonNode v = req.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new WebException(400, field + ": expected a whole number, found " + Session.abbreviate(v.toString()));
        }
        return v.asLong();
    }

    private static void ok(Context ctx, Session s, java.util.function.Consumer<Session> action) {
        action.accept(s);
        json(ctx, 200, ParameterSchema.MAPPER.createObjectNode().put("ok", true));
    }

    private static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status);
        ctx.contentType("application/json");
        ctx.result(body.toString());
    }

    private static void error(Context ctx, int status, String message) {
        json(ctx, status, ParameterSchema.MAPPER.createObjectNode().put("error", message));
    }

    @Override
    public void close() {
        closing = true;
        reaper.shutdownNow();
        for (Session s : List.copyOf(sessions.values())) {
            sessions.remove(s.id);
            s.close();
        }
        app.stop();
    }
}
