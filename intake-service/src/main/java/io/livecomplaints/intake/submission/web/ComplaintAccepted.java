package io.livecomplaints.intake.submission.web;

import java.time.Instant;

/** The acknowledgment (受理确认): received, and answered by {@code firstResponseDueAt}. */
public record ComplaintAccepted(String complaintId, String state, Instant receivedAt, Instant firstResponseDueAt,
                                String message) {
}
