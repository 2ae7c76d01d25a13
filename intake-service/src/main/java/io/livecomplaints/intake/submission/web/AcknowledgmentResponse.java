package io.livecomplaints.intake.submission.web;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.intake.acknowledgment.model.AcknowledgmentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The acknowledgment (受理确认): received, its id, and by when the first response comes; plus which upstream facts
 * could not be attached (so the app can ask the user for them).
 */
public record AcknowledgmentResponse(String complaintId, String state, Instant receivedAt, Instant firstResponseDueAt,
                                     String message, List<String> missing, String progressUrl) {

    static AcknowledgmentResponse of(ComplaintReceived c) {
        String id = c.getEnvelope().getComplaintId();
        return new AcknowledgmentResponse(id, "RECEIVED", c.getReceivedAt(), c.getFirstResponseDueAt(),
                AcknowledgmentMessage.text(c.getLanguage(), Duration.between(c.getReceivedAt(), c.getFirstResponseDueAt())),
                c.getEnrichment().getMissing(), ComplaintController.PATH + "/" + id);
    }
}
