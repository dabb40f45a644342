package org.officialdom.model.bureaucracy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.officialdom.engine.EventLog;

/**
 * Tells a tracked official's career as a story, event by event, from the run's event log: entry,
 * posts, promotions and how they were won, gifts given or refused, voice, retaliation,
 * investigations, stance changes, public party exit and the way out. The passes record each event
 * as a {@link CareerEvent}; {@link Narrator} turns it into its clause of the story.
 */
public final class Biography {

    private Biography() {
    }

    /** Tells {@link CareerEvent}s: their kind and their clause, units and ranks named in {@code org}'s words. */
    static final class Narrator implements EventLog.Narrator {
        private final Organisation org;

        Narrator(Organisation org) {
            this.org = org;
        }

        @Override
        public String kind(Object fact) {
            return ((CareerEvent) fact).kind();
        }

        @Override
        public String detail(Object fact) {
            return ((CareerEvent) fact).detail(org);
        }
    }

    /**
     * @param events the official's events in order
     * @param when   the label of a step (its month, or "step n")
     */
    public static List<String> tell(int official, List<EventLog.Event> events, LongFunction<String> when) {
        List<String> out = new ArrayList<>();
        if (events.isEmpty()) {
            out.add("Official " + official + ": no events recorded (only tracked officials have biographies).");
            return out;
        }
        out.add("Official " + official + ", " + events.size() + " events:");
        // Repeated identical events (refusals month after month) are told once, with their count.
        for (int i = 0; i < events.size(); ) {
            EventLog.Event e = events.get(i);
            int j = i + 1;
            while (j < events.size() && events.get(j).detail().equals(e.detail()) && events.get(j).kind().equals(e.kind())) {
                j++;
            }
            String sentence = capitalise(e.detail().isEmpty() ? e.kind() : e.detail());
            if (j - i > 1) {
                sentence += String.format(Locale.ROOT, " (%d times, until %s)", j - i, when.apply(events.get(j - 1).step()));
            }
            out.add(String.format(Locale.ROOT, "  %-9s %s.", when.apply(e.step()), sentence));
            i = j;
        }
        EventLog.Event end = events.get(events.size() - 1);
        out.add(end.kind().equals("exit")
                ? "  The official left the organisation " + when.apply(end.step()) + "."
                : "  Still in post at the end of the run.");
        return out;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
