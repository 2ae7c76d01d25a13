package io.livecomplaints.resolution.sla.model;

import io.livecomplaints.events.SlaClock;
import java.time.Instant;

/**
 * A scheduled timer: at {@code fireAt}, warn of or act on a deadline of one case's clock, or close a quiet resolved
 * case. The case processor keeps it in a persisted, time-ordered schedule until it falls due.
 *
 * @param clock null for {@link Kind#AUTO_CLOSE}
 */
public record SlaTimer(Instant fireAt, String complaintId, Kind kind, SlaClock clock) {

    /** What the timer does when it fires. */
    public enum Kind { WARNING, DEADLINE, AUTO_CLOSE }

    /**
     * The timer's id in the schedule, unique per instant: {@code <complaintId>|<kind>|<clock or ->}. Timers due at the
     * same instant fire in the order of their ids.
     */
    public String scheduleId() {
        return complaintId + '|' + kind + '|' + (clock == null ? "-" : clock.name());
    }
}
