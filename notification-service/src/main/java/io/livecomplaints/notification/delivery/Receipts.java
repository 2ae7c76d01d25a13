package io.livecomplaints.notification.delivery;

import io.livecomplaints.events.DeliveryStatus;
import io.livecomplaints.events.Envelope;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.notification.delivery.model.DeliveryJob;
import io.livecomplaints.schemas.topics.Parties;
import io.livecomplaints.support.deadletter.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;

/**
 * Receipts on {@code notifications}: one per (source event, kind, channel) and delivery step (SENT, FAILED, DEFERRED,
 * SUPPRESSED), naming the recipient only masked. A receipt's event id is derived from the job and its step, so a
 * step that is redone after a crash carries the same id.
 */
final class Receipts {

    private Receipts() {
    }

    static NotificationReceipt of(DeliveryJob job, DeliveryStatus status, String recipientMasked, String error, Instant at) {
        Envelope envelope = Envelope.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes((job.key() + "|" + status + "|" + job.attempts()).getBytes(StandardCharsets.UTF_8)).toString())
                .setComplaintId(job.complaintId())
                .setOccurredAt(at)
                .setProducer(Parties.NOTIFICATION)
                .setTraceId(job.traceId())
                .build();
        return NotificationReceipt.newBuilder()
                .setEnvelope(envelope)
                .setSourceEventId(job.sourceEventId())
                .setUserId(job.userId())
                .setChannel(job.channel())
                .setKind(job.kind())
                .setStatus(status)
                .setLanguage(job.language())
                .setTemplateId(job.templateId())
                .setRecipientMasked(recipientMasked)
                .setAttempts(job.attempts())
                .setError(error)
                .build();
    }

    /** Headers of the copy on notifications-dlt: why delivery gave up and which event the message answered. */
    static Headers deadLetterHeaders(String service, DeliveryJob job) {
        return DeadLetterHeaders.describe(service, "delivery", job.sourceTopic(), job.sourcePartition(), job.sourceOffset(),
                new UndeliverableException(job.key() + " on " + job.channel() + ": " + job.lastError()));
    }

    /** A message that could not be delivered, with why. */
    static final class UndeliverableException extends RuntimeException {
        UndeliverableException(String message) {
            super(message);
        }
    }
}
