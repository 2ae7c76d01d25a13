package io.livecomplaints.notification.messages.model;

import io.livecomplaints.events.ComplaintCase;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Rule (事件通告): a user whose complaint belongs to an incident (a flash-sale surge, a CDN outage) hears, for that
 * complaint, once that the platform handles the incident as a whole — once, however many case changes (or replays)
 * follow: the source id is {@code incident:<incidentId>:<complaintId>}, so the delivery dedup keeps it to one per
 * channel. Per complaint, not per user: the message names the complaint, and the dedup store is partitioned by
 * complaint, so a per-user key would be deduplicated only when the user's complaints share a partition (a user with
 * two complaints in one incident heard once or twice depending on partitioning); now it is always once per complaint.
 */
public final class IncidentNoticeRule {

    private IncidentNoticeRule() {
    }

    public static Optional<Notice> notice(ComplaintCase change) {
        if (change.getIncidentId() == null) {
            return Optional.empty();
        }
        var envelope = change.getEnvelope();
        return Optional.of(new Notice("incident:" + change.getIncidentId() + ":" + envelope.getComplaintId(), envelope.getComplaintId(),
                envelope.getTraceId(), change.getUserId(), change.getLanguage(), change.getType(), Message.INCIDENT,
                Map.of("complaintId", envelope.getComplaintId()), Duration.ZERO));
    }
}
