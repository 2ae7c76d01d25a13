package io.livecomplaints.resolution.sla.model;

import io.livecomplaints.events.SlaClock;
import java.time.Instant;

/**
 * A scheduled timer: at {@code fireAt}, warn of or act on a deadline of one case's clock, or close a quiet resolved
 * case. Its key in the persisted schedule sorts by time, so due timers are a range scan from the start.
 *
 * @param clock null for {@link Kind#AUTO_CLOSE}
 */
public record SlaTimer(Instant fireAt, String complaintId, Kind kind, SlaClock clock) {

    /** What the timer does when it fires. */
    public enum Kind { WARNING, DEADLINE, AUTO_CLOSE }

    private static final char SEPARATOR = '|';
    private static final String NO_CLOCK = "-";

    /** {@code <fireAt millis, 15 digits>|<complaintId>|<kind>|<clock>}: lexicographic order is time order. */
    public String key() {
        return String.format("%015d", fireAt.toEpochMilli()) + SEPARATOR + complaintId + SEPARATOR + kind + SEPARATOR
                + (clock == null ? NO_CLOCK : clock.name());
    }

    /** The key of the last instant that is due at {@code now} (inclusive upper bound of a range scan). */
    public static String lastKeyDueAt(Instant now) {
        return String.format("%015d", now.toEpochMilli()) + SEPARATOR + Character.MAX_VALUE;
    }

    public static SlaTimer fromKey(String key) {
        int first = key.indexOf(SEPARATOR);
        int last = key.lastIndexOf(SEPARATOR);
        int kindStart = key.lastIndexOf(SEPARATOR, last - 1);
        String clock = key.substring(last + 1);
        return new SlaTimer(Instant.ofEpochMilli(Long.parseLong(key.substring(0, first))), key.substring(first + 1, kindStart),
                Kind.valueOf(key.substring(kindStart + 1, last)), NO_CLOCK.equals(clock) ? null : SlaClock.valueOf(clock));
    }
}
