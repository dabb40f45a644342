package org.officialdom.engine;

import java.io.IOException;
import java.io.Serializable;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Events in the lives of agents (entry, promotion, investigation, exit...), kept for a sample of
 * tracked agents and for rare events of any agent. Written as {@code events.csv} beside the
 * metrics and read back to tell an agent's biography.
 *
 * <p>Appends are synchronized so that a parallel pass may log; to keep the log's order independent
 * of threads, sequential passes log directly and parallel passes should log only through
 * per-chunk buffers merged in chunk order, or {@link #sort()} the log at the end of the step.
 */
public final class EventLog implements Serializable {

    /** One event: at {@code step}, agent {@code agent} had an event of {@code kind}; {@code detail} tells more. */
    public record Event(long step, int agent, String kind, String detail) implements Serializable {
    }

    private final List<Event> events = new ArrayList<>();
    private int sortedUpTo;

    public synchronized void add(long step, int agent, String kind, String detail) {
        events.add(new Event(step, agent, kind, detail == null ? "" : detail));
    }

    /** Orders events logged since the last sort by (step, agent, kind, detail): thread-independent. */
    public synchronized void sort() {
        List<Event> tail = events.subList(sortedUpTo, events.size());
        tail.sort((a, b) -> {
            int c = Long.compare(a.step(), b.step());
            if (c == 0) {
                c = Integer.compare(a.agent(), b.agent());
            }
            if (c == 0) {
                c = a.kind().compareTo(b.kind());
            }
            return c != 0 ? c : a.detail().compareTo(b.detail());
        });
        sortedUpTo = events.size();
    }

    public synchronized List<Event> events() {
        return Collections.unmodifiableList(new ArrayList<>(events));
    }

    public synchronized List<Event> of(int agent) {
        return events.stream().filter(e -> e.agent() == agent).toList();
    }

    public synchronized int size() {
        return events.size();
    }

    /** Drops events after {@code step} (when a run resumes from a checkpoint). */
    public synchronized void truncateAfter(long step) {
        events.removeIf(e -> e.step() > step);
        sortedUpTo = Math.min(sortedUpTo, events.size());
    }

    /** CSV with a header {@code step,agent,kind,detail}; details are quoted. */
    public synchronized void writeCsv(Writer out) throws IOException {
        out.write("step,agent,kind,detail\n");
        for (Event e : events) {
            out.write(e.step() + "," + e.agent() + "," + e.kind() + ",\"" + e.detail().replace("\"", "\"\"") + "\"\n");
        }
    }
}
