package io.livecomplaints.triage.grading.model;

import io.livecomplaints.events.Severity;

/**
 * What one grading rule does to a complaint: the severity it needs at least (or null), the points it adds to (or
 * with a negative number takes from) the priority, and the reason put on the event.
 */
public record PriorityRaise(Severity atLeast, int points, String reason) {
}
