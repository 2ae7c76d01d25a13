package io.livecomplaints.intake.enrichment.model;

import io.livecomplaints.events.LiveSessionEvent;

/**
 * A live-room complaint that names only the room is about the room's most recently started session (the one on air,
 * or the last one if the room is off air). Updates of the same session replace it.
 */
public final class LatestSessionOfRoom {

    private LatestSessionOfRoom() {
    }

    /** Whether {@code candidate} should become the room's session instead of {@code current}. */
    public static boolean replaces(LiveSessionEvent current, LiveSessionEvent candidate) {
        return current == null
                || current.getSessionId().equals(candidate.getSessionId())
                || !candidate.getStartedAt().isBefore(current.getStartedAt());
    }
}
