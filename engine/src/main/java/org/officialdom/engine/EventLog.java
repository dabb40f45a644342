package org.officialdom.engine;

import java.io.IOException;
import java.io.Serializable;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Events in the lives of agents (entry, promotion, investigation, exit...), kept for a sample of
 * tracked agents. A model records each as a record of its own (the facts: which unit, which rank,
 * what verdict), and its {@link Narrator} tells it, as a kind and a sentence, when the log is read:
 * written as {@code events.csv} beside the metrics, stored, and told as an agent's biography.
 *
 * <p>Appends are synchronized so that a parallel pass may log; to keep the log's order independent
 * of threads, {@link #sort()} the events of a step once it is over.
 */
public final class EventLog {

    /** One event as told: at {@code step}, agent {@code agent} had an event of {@code kind}; {@code detail} tells more. */
    public record Event(long step, int agent, String kind, String detail) implements Serializable {
    }

    /** Tells a model's event records: each one's kind (a short word) and the sentence that tells it. */
    public interface Narrator {
        String kind(Object fact);

        String detail(Object fact);
    }

    /** One event as recorded. */
    private record Entry(long step, int agent, Object fact) {
    }

    private final Narrator narrator;
    private final List<Entry> entries = new ArrayList<>();
    private int sortedUpTo;

    /** A log whose events are records told by {@code narrator}. */
    public EventLog(Narrator narrator) {
        this.narrator = narrator;
    }

    /** A log of events told as they happen: each fact is an {@link Event} already. */
    public EventLog() {
        this(new Told());
    }

    /** The narrator of events recorded already told. */
    private static final class Told implements Narrator {
        @Override
        public String kind(Object fact) {
            return ((Event) fact).kind();
        }

        @Override
        public String detail(Object fact) {
            return ((Event) fact).detail();
        }
    }

    /** Records that agent {@code agent} had the event {@code fact} at {@code step}; the narrator tells it when read. */
    public synchronized void add(long step, int agent, Object fact) {
        entries.add(new Entry(step, agent, fact));
    }

    /** Records an event already told. */
    public synchronized void add(long step, int agent, String kind, String detail) {
        add(step, agent, new Event(step, agent, kind, detail == null ? "" : detail));
    }

    /** Orders events recorded since the last sort by (step, agent, kind, detail): thread-independent. */
    public synchronized void sort() {
        Comparator<Entry> order = Comparator.comparingLong(Entry::step).thenComparingInt(Entry::agent)
                .thenComparing(e -> told(e).kind()).thenComparing(e -> told(e).detail());
        entries.subList(sortedUpTo, entries.size()).sort(order);
        sortedUpTo = entries.size();
    }

    /** Every event, told, in order. */
    public synchronized List<Event> events() {
        List<Event> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(told(e));
        }
        return out;
    }

    /** The events of one agent, told, in order. */
    public synchronized List<Event> of(int agent) {
        List<Event> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.agent() == agent) {
                out.add(told(e));
            }
        }
        return out;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Drops events after {@code step} (when a run resumes from a checkpoint). */
    public synchronized void truncateAfter(long step) {
        entries.removeIf(e -> e.step() > step);
        sortedUpTo = Math.min(sortedUpTo, entries.size());
    }

    /** CSV with a header {@code step,agent,kind,detail}; details are quoted. */
    public synchronized void writeCsv(Writer out) throws IOException {
        out.write("step,agent,kind,detail\n");
        for (Entry entry : entries) {
            Event e = told(entry);
            out.write(e.step() + "," + e.agent() + "," + e.kind() + ",\"" + e.detail().replace("\"", "\"\"") + "\"\n");
        }
    }

    /** An event read back from a checkpoint is kept as told; the others are told by the narrator. */
    private Event told(Entry e) {
        if (e.fact() instanceof Event told) {
            return told;
        }
        return new Event(e.step(), e.agent(), narrator.kind(e.fact()), narrator.detail(e.fact()));
    }

    /**
     * Writes the events to a checkpoint, told (step, agent, kind, detail as columns): what a model
     * records is its own business, what it tells is plain text, and a resumed run writes the same
     * {@code events.csv}.
     */
    public synchronized void save(CheckpointWriter out) throws IOException {
        int n = entries.size();
        long[] steps = new long[n];
        int[] agents = new int[n];
        List<String> kinds = new ArrayList<>(n);
        List<String> details = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Event e = told(entries.get(k));
            steps[k] = e.step();
            agents[k] = e.agent();
            kinds.add(e.kind());
            details.add(e.detail());
        }
        out.putLongs("step", steps);
        out.putInt("sorted", sortedUpTo);
        out.putInts("agent", agents);
        out.putStrings("kind", kinds);
        out.putStrings("detail", details);
    }

    /** Reads what {@link #save} wrote into this log, which must be empty; the events are kept as told. */
    public synchronized void load(CheckpointReader in) throws IOException {
        if (!entries.isEmpty()) {
            throw new IllegalStateException("events loaded into a log that holds " + entries.size());
        }
        long[] steps = in.getLongs("step");
        int sorted = in.getInt("sorted", 0, steps.length);
        int[] agents = in.getInts("agent", steps.length, 0);
        List<String> kinds = in.getStrings("kind");
        List<String> details = in.getStrings("detail");
        if (kinds.size() != steps.length || details.size() != steps.length) {
            throw in.refused("detail", steps.length + " kinds and details", kinds.size() + " and " + details.size());
        }
        for (int k = 0; k < steps.length; k++) {
            entries.add(new Entry(steps[k], agents[k], new Event(steps[k], agents[k], kinds.get(k), details.get(k))));
        }
        sortedUpTo = sorted;
    }
}
