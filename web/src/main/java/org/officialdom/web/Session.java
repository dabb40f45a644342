package org.officialdom.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.officialdom.engine.EventLog;
import org.officialdom.engine.Metric;
import org.officialdom.model.bureaucracy.Biography;
import org.officialdom.model.parameter.ParameterSchema;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioException;
import org.officialdom.model.scenario.ScenarioLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run watched in the page, held by the server under an id: one arm, or two arms with the same
 * seed (common random numbers) whose difference the page draws. A thread of its own steps it while
 * playing; everything it tells the page is appended to one message log that every watcher reads at
 * its own pace, so a slow watcher slows only itself and memory grows with steps, not watchers.
 */
final class Session implements AutoCloseable {

    /** One server-sent event. */
    record Message(String event, String data) {
    }

    static final int MIN_SPEED = 1;
    static final int MAX_SPEED = 50;

    final String id;
    private final Scenario base;
    private final String sizePath;
    private final boolean compare;
    private final List<String> leverPaths;
    private final List<Arm> arms = new ArrayList<>();
    private final List<Message> log = new ArrayList<>();
    private final Thread stepper;
    private List<Metric> series;
    private List<Metric> timeSeries;
    private int epoch;
    private boolean playing;
    private int pending;
    private int speed = 10;
    private boolean closed;
    private volatile long lastActive = System.currentTimeMillis();
    private int watchers;

    Session(String id, Scenario base, String sizePath, boolean compare) {
        this.id = id;
        this.base = base;
        this.sizePath = sizePath;
        this.compare = compare;
        this.leverPaths = Levers.pathsOf(base.kind());
        start();
        this.stepper = new Thread(this::loop, "officialdom-session-" + id);
        this.stepper.setDaemon(true);
        this.stepper.start();
    }

    private void start() {
        arms.forEach(Arm::close);
        arms.clear();
        arms.add(new Arm("a", base));
        if (compare) {
            arms.add(new Arm("b", base));
        }
        List<Dashboard.Chart> charts = Dashboard.of(arms.get(0).sim().declaredMetrics());
        series = charts.stream().flatMap(c -> c.metrics().stream()).distinct().toList();
        // what an explanation splits: the series drawn over time, not the "now" bars
        timeSeries = charts.stream().filter(c -> !c.style().equals("BARS")).flatMap(c -> c.metrics().stream()).distinct().toList();
        epoch++;
        log.clear();
        log.add(new Message("init", init(charts).toString()));
        log.add(new Message("frame", frame().toString()));
        log.add(new Message("state", state().toString()));
    }

    private ObjectNode init(List<Dashboard.Chart> charts) {
        ObjectNode o = ParameterSchema.MAPPER.createObjectNode();
        o.put("id", id);
        o.put("scenario", base.name());
        o.put("title", base.title() == null ? base.name() : base.title());
        o.put("model", base.kind().name());
        o.put("seed", base.seed());
        o.put("steps", base.steps());
        // a model that marks no size (a grid of width x height) has none to show
        if (sizePath == null) {
            o.putNull("size");
        } else {
            o.set("size", Levers.valueAt(base.parameterTreeAt(0), sizePath).deepCopy());
        }
        o.put("compare", compare);
        // an explanation splits a change among the calendar's entries: without any, there is nothing to explain
        o.put("calendar_entries", base.calendar().size());
        ArrayNode ser = o.putArray("series");
        for (Metric m : series) {
            ser.addObject().put("name", m.name()).put("unit", m.unit()).put("description", m.description());
        }
        ArrayNode ch = o.putArray("charts");
        for (Dashboard.Chart c : charts) {
            ObjectNode co = ch.addObject().put("title", c.title()).put("style", c.style());
            ArrayNode names = co.putArray("metrics");
            c.metrics().forEach(m -> names.add(m.name()));
        }
        ArrayNode lv = o.putArray("levers");
        for (String p : leverPaths) {
            lv.add(Levers.describe(base.kind(), p, Levers.valueAt(base.parameterTreeAt(1), p)));
        }
        return o;
    }

    private ObjectNode frame() {
        ObjectNode o = ParameterSchema.MAPPER.createObjectNode();
        long step = arms.get(0).sim().stepNumber();
        o.put("step", step);
        o.put("label", base.labelOf(step));
        for (Arm a : arms) {
            ArrayNode vals = o.putArray(a.name);
            var table = a.sim().metrics();
            for (Metric m : series) {
                double v = table.last(m.name());
                if (Double.isFinite(v)) {
                    vals.add(v);
                } else {
                    vals.addNull();
                }
            }
            // the levers in force for the coming step (the scenario's calendar moves them too)
            ArrayNode lv = o.withObject("levers").putArray(a.name);
            for (String p : leverPaths) {
                lv.add(a.valueAt(p).deepCopy());
            }
        }
        return o;
    }

    private ObjectNode state() {
        ObjectNode o = ParameterSchema.MAPPER.createObjectNode();
        o.put("playing", playing);
        o.put("step", arms.get(0).sim().stepNumber());
        o.put("steps", base.steps());
        o.put("ended", ended());
        o.put("speed", speed);
        return o;
    }

    private boolean ended() {
        return arms.get(0).sim().stepNumber() >= base.steps();
    }

    private void publish(String event, JsonNode data) {
        log.add(new Message(event, data.toString()));
        notifyAll();
    }

    private void loop() {
        while (true) {
            synchronized (this) {
                try {
                    while (!closed && !playing && pending == 0) {
                        wait();
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) {
                    return;
                }
                if (ended()) {
                    playing = false;
                    pending = 0;
                    publish("state", state());
                    continue;
                }
                try {
                    for (Arm a : arms) {
                        a.step();
                    }
                    publish("frame", frame());
                } catch (RuntimeException e) {
                    playing = false;
                    pending = 0;
                    ObjectNode err = ParameterSchema.MAPPER.createObjectNode();
                    err.put("message", "the run stopped: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    publish("problem", err);
                    publish("state", state());
                    continue;
                }
                if (pending > 0) {
                    pending--;
                }
                if (ended() || (!playing && pending == 0)) {
                    playing = playing && !ended();
                    publish("state", state());
                }
                if (playing) {
                    try {
                        wait(1000L / speed);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    synchronized void play() {
        touch();
        if (!ended()) {
            playing = true;
            publish("state", state());
        }
    }

    synchronized void pause() {
        touch();
        playing = false;
        pending = 0;
        publish("state", state());
    }

    synchronized void step(int n) {
        touch();
        playing = false;
        pending = Math.max(0, Math.min(n, 1000));
        publish("state", state());
    }

    synchronized void speed(int stepsPerSecond) {
        touch();
        if (stepsPerSecond < MIN_SPEED || stepsPerSecond > MAX_SPEED) {
            throw new WebException(400, "speed: expected steps per second from " + MIN_SPEED + " to " + MAX_SPEED
                    + ", found " + stepsPerSecond);
        }
        speed = stepsPerSecond;
        publish("state", state());
    }

    /** Back to step 0 with the scenario's own levers; marks are dropped. */
    synchronized void reset() {
        touch();
        playing = false;
        pending = 0;
        start();
        notifyAll();
    }

    /**
     * Moves a lever in one arm ("a", "b") or both: it takes effect from the next step and is
     * marked on the time axes. The value is checked against the schema, as {@code --set} is.
     */
    synchronized JsonNode move(String path, JsonNode value, String which) {
        touch();
        if (leverPaths.isEmpty()) {
            throw new WebException(400, "lever: the model '" + base.kind().name() + "' has no levers, found '" + abbreviate(path) + "'");
        }
        if (!leverPaths.contains(path)) {
            throw new WebException(400, "lever: expected one of " + String.join(", ", leverPaths) + ", found '"
                    + abbreviate(path) + "'");
        }
        List<Arm> targets = new ArrayList<>();
        for (Arm a : arms) {
            if (which == null || which.equals("both") || which.equals(a.name)) {
                targets.add(a);
            }
        }
        if (targets.isEmpty()) {
            throw new WebException(400, "arm: expected " + (compare ? "a, b or both" : "a") + ", found '" + abbreviate(which) + "'");
        }
        if (value == null || value.isNull() || value.isObject()) {
            throw new WebException(400, "lever " + path + ": expected a value, found " + (value == null ? "none" : value.toString()));
        }
        JsonNode current = targets.get(0).valueAt(path);
        if (current.isArray() && (!value.isArray() || value.size() != current.size())) {
            throw new WebException(422, "lever " + path + ": expected a list of " + current.size() + " values (one per level), found "
                    + abbreviate(value.toString()));
        }
        try {
            ScenarioLoader.override(targets.get(0).scenario(), List.of(path + "=" + Levers.text(value)));
        } catch (ScenarioException e) {
            throw new WebException(422, "lever " + path + ": expected " + e.expected()
                    + (e.found() == null ? "" : ", found " + e.found()));
        }
        int next = (int) arms.get(0).sim().stepNumber() + 1;
        String note = "moved in the page: " + path + " = " + Levers.text(value);
        for (Arm a : targets) {
            a.move(next, path, value, note);
        }
        ObjectNode mark = ParameterSchema.MAPPER.createObjectNode();
        mark.put("step", next);
        mark.put("label", base.labelOf(next));
        mark.put("path", path);
        mark.set("value", value.deepCopy());
        mark.put("arm", targets.size() == arms.size() ? "both" : targets.get(0).name);
        publish("mark", mark);
        return mark;
    }

    /** The scenario as loaded (before any lever moved in the page). */
    Scenario base() {
        return base;
    }

    /** The parameter the page's size field sets, or null. */
    String sizePath() {
        return sizePath;
    }

    /** The metrics the page draws over time (an explanation's metrics). */
    synchronized List<Metric> timeSeries() {
        return timeSeries;
    }

    /** Tells every watcher something that is not a step of the run (an explanation's progress). */
    synchronized void tell(String event, JsonNode data) {
        if (!closed) {
            publish(event, data);
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Tracked officials (those with events) of arm a, with their latest event. */
    synchronized ObjectNode officials() {
        touch();
        ObjectNode o = ParameterSchema.MAPPER.createObjectNode();
        EventLog events = arms.get(0).sim().model().events();
        ArrayNode list = o.putArray("officials");
        if (events == null) {
            o.put("note", "this model keeps no biographies");
            return o;
        }
        Map<Integer, EventLog.Event> last = new TreeMap<>();
        for (EventLog.Event e : events.events()) {
            last.put(e.agent(), e);
        }
        int n = 0;
        for (var e : last.entrySet()) {
            if (n++ >= 300) {
                break;
            }
            list.addObject().put("id", e.getKey()).put("last", e.getValue().kind())
                    .put("when", base.labelOf(e.getValue().step()));
        }
        return o;
    }

    /** The biography so far of one official of arm a. */
    synchronized List<String> biography(int official) {
        touch();
        EventLog events = arms.get(0).sim().model().events();
        if (events == null) {
            throw new WebException(404, "this model keeps no biographies");
        }
        return Biography.tell(official, events.of(official), base::labelOf);
    }

    /** For saving: each arm's name and the run as watched so far, as scenario text. */
    synchronized Map<String, String> snapshot() {
        touch();
        Map<String, String> out = new TreeMap<>();
        for (Arm a : arms) {
            out.put(a.name, a.asScenarioText());
        }
        return out;
    }

    /** The live metric table of an arm (tests compare it with the saved run's). */
    synchronized org.officialdom.engine.MetricTable metrics(String arm) {
        return arms.stream().filter(a -> a.name.equals(arm)).findFirst().orElseThrow().sim().metrics();
    }

    /** What the session has told its watchers since its last start (tests read the explanation's events). */
    synchronized List<Message> messages() {
        return List.copyOf(log);
    }

    synchronized long stepNumber() {
        return arms.get(0).sim().stepNumber();
    }

    /**
     * Streams messages to one watcher until the session closes or the watcher goes: blocks the
     * calling thread, which sends at the watcher's pace.
     */
    void watch(java.util.function.BiConsumer<String, String> send, java.util.function.BooleanSupplier gone)
            throws InterruptedException {
        int mine = -1;
        int cursor = 0;
        while (!gone.getAsBoolean()) {
            Message m;
            synchronized (this) {
                while (!closed && epoch == mine && cursor >= log.size() && !gone.getAsBoolean()) {
                    wait(10_000);
                    if (epoch == mine && cursor >= log.size()) {
                        break;
                    }
                }
                if (closed) {
                    return;
                }
                if (epoch != mine) {
                    mine = epoch;
                    cursor = 0;
                }
                m = cursor < log.size() ? log.get(cursor++) : null;
            }
            touch();
            if (m == null) {
                send.accept("ping", "{}");
            } else {
                send.accept(m.event(), m.data());
            }
        }
    }

    synchronized boolean addWatcher(int max, java.util.concurrent.atomic.AtomicInteger all) {
        if (all.incrementAndGet() > max) {
            all.decrementAndGet();
            return false;
        }
        watchers++;
        return true;
    }

    synchronized void removeWatcher(java.util.concurrent.atomic.AtomicInteger all) {
        watchers--;
        all.decrementAndGet();
    }

    /** Idle: no watcher and not playing since {@code ms} milliseconds. */
    synchronized boolean idleFor(long ms) {
        return watchers == 0 && !playing && System.currentTimeMillis() - lastActive > ms;
    }

    private void touch() {
        lastActive = System.currentTimeMillis();
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "nothing";
        }
        String t = s.replaceAll("[^\\x20-\\x7e]", "?");
        return t.length() > 60 ? t.substring(0, 60) + "..." : t;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            stepper.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            arms.forEach(Arm::close);
        }
    }
}
