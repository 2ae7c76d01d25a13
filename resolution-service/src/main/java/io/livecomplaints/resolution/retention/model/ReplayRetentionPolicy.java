package io.livecomplaints.resolution.retention.model;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.Envelope;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.EvidenceKind;
import io.livecomplaints.events.ReplayRetention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Evidence retention (证据保全): a live replay a complaint references must outlive the platform's 30-day default, for
 * {@code retainFor} from now. A replay is referenced by LIVE_REPLAY evidence (with the moment the user points at) or,
 * without such evidence, by the live session the complaint is about.
 */
public record ReplayRetentionPolicy(Duration retainFor) {

    /** Retention requests for a newly opened case. */
    public List<ReplayRetention> forOpenedCase(ComplaintCase c, Instant now, Envelope envelope) {
        List<ReplayRetention> requests = forEvidence(c, c.getEvidence(), now, envelope);
        if (requests.isEmpty() && c.getSessionId() != null) {
            requests.add(request(c, c.getSessionId(), null, null, now, envelope,
                    "complaint " + c.getEnvelope().getComplaintId() + " is about this live session"));
        }
        return requests;
    }

    /** Retention requests for evidence (at opening or added later): one per LIVE_REPLAY reference. */
    public List<ReplayRetention> forEvidence(ComplaintCase c, List<Evidence> evidence, Instant now, Envelope envelope) {
        List<ReplayRetention> requests = new ArrayList<>();
        for (Evidence e : evidence) {
            if (e.getKind() == EvidenceKind.LIVE_REPLAY) {
                // without a known session the replay URL is the only id the replay store can go by
                String session = c.getSessionId() != null ? c.getSessionId() : e.getUrl();
                requests.add(request(c, session, e.getUrl(), e.getReplayOffsetSeconds(), now, envelope,
                        "complaint " + c.getEnvelope().getComplaintId() + " cites this replay as evidence"));
            }
        }
        return requests;
    }

    private ReplayRetention request(ComplaintCase c, String sessionId, String url, Long offset, Instant now,
                                    Envelope envelope, String reason) {
        return ReplayRetention.newBuilder()
                .setEnvelope(envelope)
                .setSessionId(sessionId)
                .setRoomId(c.getRoomId())
                .setReplayUrl(url)
                .setOffsetSeconds(offset)
                .setRetainUntil(now.plus(retainFor))
                .setReason(reason)
                .build();
    }
}
