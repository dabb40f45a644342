package org.officialdom.model.scenario;

import tools.jackson.databind.node.ObjectNode;

/**
 * One change of policy on a scenario's calendar: from {@code step} on, the parameters in
 * {@code set} (a partial parameter tree) take the given values. {@code note} says what happened.
 */
public record CalendarEntry(int step, String note, ObjectNode set) {
}
