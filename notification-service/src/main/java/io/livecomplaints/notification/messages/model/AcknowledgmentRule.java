package io.livecomplaints.notification.messages.model;

import io.livecomplaints.events.ComplaintReceived;
import java.time.Duration;
import java.util.Map;

/** Rule (受理确认): every received complaint is acknowledged at once with the first-response deadline intake promised. */
public final class AcknowledgmentRule {

    private AcknowledgmentRule() {
    }

    public static Notice acknowledge(ComplaintReceived complaint) {
        var envelope = complaint.getEnvelope();
        return new Notice(envelope.getEventId(), envelope.getComplaintId(), envelope.getTraceId(), complaint.getUserId(),
                complaint.getLanguage(), null, Message.ACKNOWLEDGMENT,
                Map.of("complaintId", envelope.getComplaintId(), "dueAt", complaint.getFirstResponseDueAt()), Duration.ZERO);
    }
}
