package io.livecomplaints.notification.channels.model;

import io.livecomplaints.events.NotificationKind;
import io.livecomplaints.support.privacy.Pii;

/**
 * A rendered message on its way to one recipient. {@code idempotencyKey} ({@code sourceEventId:KIND:CHANNEL[:target]})
 * goes to the provider with every attempt, so a provider drops the rare duplicate after a crash between its answer
 * and our commit. {@code address} is personal data for SMS and e-mail: {@link #toString()} masks it.
 */
public record OutboundMessage(String idempotencyKey, String sourceEventId, String complaintId, String userId,
                              NotificationKind kind, String templateId, String language, String subject, String text,
                              String address, long occurredAt) {

    @Override
    public String toString() {
        return "OutboundMessage[" + idempotencyKey + " to " + Pii.maskText(address) + ", " + templateId + "]";
    }
}
