package io.livecomplaints.notification.delivery.model;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.events.NotificationKind;

/**
 * One message on one channel for one source event, and how far its delivery got. Its {@link #key()}
 * ({@code dedupId:KIND:CHANNEL[:target]}, the dedup id being the source event id, or the complaint id for the
 * acknowledgment) is the dedup key and the idempotency key providers receive. It holds
 * no contact data: the recipient is looked up when it is sent.
 *
 * @param target        webhook subscriber name, else null
 * @param notBefore     epoch millis before which it is not sent (survey delay, quiet hours, retry backoff)
 * @param attempts      sends tried so far
 * @param toldDeferred  a DEFERRED receipt was already written for it
 */
public record DeliveryJob(String key, String sourceEventId, String sourceTopic, int sourcePartition, long sourceOffset,
                          String complaintId, String traceId, String userId, NotificationKind kind,
                          NotificationChannel channel, String target, ComplaintType type, String templateId,
                          String language, String subject, String text, long createdAt, long notBefore, int attempts,
                          boolean toldDeferred, JobStatus status, String lastError, long doneAt) {

    public static String keyOf(String dedupId, NotificationKind kind, NotificationChannel channel, String target) {
        return dedupId + ":" + kind + ":" + channel + (target == null ? "" : ":" + target);
    }

    public DeliveryJob waitUntil(long at, String why) {
        return new DeliveryJob(key, sourceEventId, sourceTopic, sourcePartition, sourceOffset, complaintId, traceId, userId,
                kind, channel, target, type, templateId, language, subject, text, createdAt, at, attempts, toldDeferred,
                JobStatus.PENDING, why, doneAt);
    }

    public DeliveryJob attempted() {
        return new DeliveryJob(key, sourceEventId, sourceTopic, sourcePartition, sourceOffset, complaintId, traceId, userId,
                kind, channel, target, type, templateId, language, subject, text, createdAt, notBefore, attempts + 1,
                toldDeferred, status, lastError, doneAt);
    }

    public DeliveryJob deferredTold() {
        return new DeliveryJob(key, sourceEventId, sourceTopic, sourcePartition, sourceOffset, complaintId, traceId, userId,
                kind, channel, target, type, templateId, language, subject, text, createdAt, notBefore, attempts, true,
                status, lastError, doneAt);
    }

    public DeliveryJob finish(JobStatus finalStatus, String error, long at) {
        return new DeliveryJob(key, sourceEventId, sourceTopic, sourcePartition, sourceOffset, complaintId, traceId, userId,
                kind, channel, target, type, templateId, language, subject, text, createdAt, notBefore, attempts,
                toldDeferred, finalStatus, error, at);
    }
}
