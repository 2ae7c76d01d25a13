package io.livecomplaints.notification.messages.model;

import io.livecomplaints.events.ComplaintReceived;
import java.time.Duration;
import java.util.Map;

/**
 * Rule (受理确认): every received complaint is acknowledged at once with the first-response deadline intake promised,
 * once per complaint: intake may write one complaint twice (an Idempotency-Key retry that reached another instance
 * within its cross-instance window: same complaint id, another event id), so the dedup id is the complaint id.
 */
public final class AcknowledgmentRule {

    private AcknowledgmentRule() {
    }

    public static Notice acknowledge(ComplaintReceived complaint) {
        var envelope = complaint.getEnvelope();
        return new Notice(envelope.getEventId(), envelope.getComplaintId(), envelope.getTraceId(), complaint.getUserId(),
                complaint.getLanguage(), null, Message.ACKNOWLEDGMENT,
                Map.of("complaintId", envelope.getComplaintId(), "dueAt", complaint.getFirstResponseDueAt()), Duration.ZERO,
                envelope.getComplaintId());
    }
}
