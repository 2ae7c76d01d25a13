package io.livecomplaints.notification.messages.model;

import io.livecomplaints.events.ComplaintCase;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Rule (事件通告): a user whose complaint belongs to an incident (a flash-sale surge, a CDN outage) hears once that the
 * platform handles the incident as a whole — once, however many case changes (or replays) follow: the source id is
 * {@code incident:<incidentId>:<userId>}, so the delivery dedup keeps it to one per channel. The dedup store is per
 * partition (keyed by complaint): a user with two complaints of one incident on two partitions hears it twice — one
 * notice per user across partitions would need a repartition by user (not built).
 */
public final class IncidentNoticeRule {

    private IncidentNoticeRule() {
    }

    public static Optional<Notice> notice(ComplaintCase change) {
        if (change.getIncidentId() == null) {
            return Optional.empty();
        }
        var envelope = change.getEnvelope();
        return Optional.of(new Notice("incident:" + change.getIncidentId() + ":" + change.getUserId(), envelope.getComplaintId(),
                envelope.getTraceId(), change.getUserId(), change.getLanguage(), change.getType(), Message.INCIDENT,
                Map.of("complaintId", envelope.getComplaintId()), Duration.ZERO));
    }
}
