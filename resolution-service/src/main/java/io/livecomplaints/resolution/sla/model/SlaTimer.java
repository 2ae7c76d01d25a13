package io.livecomplaints.resolution.sla.model;

import io.livecomplaints.events.SlaClock;
import java.time.Instant;

/**
 * A timer of a case: at {@code fireAt}, warn of or act on a deadline of one case's clock, or close a quiet resolved
 * case. The case's pending timers follow from the case; the case processor keeps one schedule entry per case, at the
 * earliest of them.
 *
 * @param clock null for {@link Kind#AUTO_CLOSE}
 */
public record SlaTimer(Instant fireAt, String complaintId, Kind kind, SlaClock clock) {

    /** What the timer does when it fires. */
    public enum Kind { WARNING, DEADLINE, AUTO_CLOSE }
}
