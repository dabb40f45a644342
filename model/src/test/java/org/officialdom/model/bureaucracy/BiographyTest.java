package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialdom.engine.EventLog;
import org.officialdom.engine.Simulation;

class BiographyTest {

    @Test
    void eventsReadAsACareer() {
        List<EventLog.Event> events = List.of(
                new EventLog.Event(0, 7, "entry", "entered county government bureau no. 3 as clerk level"),
                new EventLog.Event(2, 7, "refused", "was invited into the gift circle and refused"),
                new EventLog.Event(3, 7, "refused", "was invited into the gift circle and refused"),
                new EventLog.Event(5, 7, "promotion", "promoted to section level in county government bureau no. 3, on merit"),
                new EventLog.Event(9, 7, "exit", "resigned for the private sector at age 30"));
        List<String> story = Biography.tell(7, events, s -> "month " + s);
        assertThat(story).containsExactly(
                "Official 7, 5 events:",
                "  month 0   Entered county government bureau no. 3 as clerk level.",
                "  month 2   Was invited into the gift circle and refused (2 times, until month 3).",
                "  month 5   Promoted to section level in county government bureau no. 3, on merit.",
                "  month 9   Resigned for the private sector at age 30.",
                "  The official left the organisation month 9.");
    }

    @Test
    void trackedOfficialsLeaveATrail() {
        Bureaucracy m = new Bureaucracy(Fixtures.small(3000).withTiming(1, 1));
        try (Simulation sim = new Simulation(m, 3, 1)) {
            sim.runTo(36);
        }
        List<EventLog.Event> all = m.events().events();
        assertThat(all).extracting(EventLog.Event::kind).contains("start", "entry", "promotion", "exit", "stance");
        int promoted = all.stream().filter(e -> e.kind().equals("promotion")).findFirst().orElseThrow().agent();
        assertThat(Biography.tell(promoted, m.events().of(promoted), s -> "step " + s))
                .anyMatch(l -> l.contains("Promoted to"));
    }
}
