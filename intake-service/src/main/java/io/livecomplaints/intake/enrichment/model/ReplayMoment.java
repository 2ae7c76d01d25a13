package io.livecomplaints.intake.enrichment.model;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.EvidenceKind;
import io.livecomplaints.events.LiveSessionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A complaint about a live moment points at the stream replay (直播回放) at that moment, so evidence is kept without
 * the user capturing it: for live-room and live-comment complaints, or any complaint with an incident time, when the
 * session has a replay and the moment lies inside the session. A replay reference the user gave wins.
 */
public final class ReplayMoment {

    public static final String ADDED_BY = "intake";

    private ReplayMoment() {
    }

    public static Optional<Evidence> of(Channel channel, Instant incidentAt, Instant receivedAt, LiveSessionEvent session) {
        boolean liveChannel = channel == Channel.LIVE_ROOM_BUTTON || channel == Channel.LIVE_COMMENT;
        if (session == null || session.getReplayUrl() == null || (!liveChannel && incidentAt == null)) {
            return Optional.empty();
        }
        Instant moment = incidentAt != null ? incidentAt : receivedAt;
        boolean afterStart = !moment.isBefore(session.getStartedAt());
        boolean beforeEnd = session.getEndedAt() == null || !moment.isAfter(session.getEndedAt());
        if (!afterStart || !beforeEnd) {
            return Optional.empty();
        }
        return Optional.of(Evidence.newBuilder()
                .setKind(EvidenceKind.LIVE_REPLAY)
                .setUrl(session.getReplayUrl())
                .setReplayOffsetSeconds(Duration.between(session.getStartedAt(), moment).toSeconds())
                .setCapturedAt(moment)
                .setDescription("replay of session " + session.getSessionId() + " at the complaint's moment")
                .setAddedBy(ADDED_BY)
                .build());
    }
}
