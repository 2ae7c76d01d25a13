package io.livecomplaints.notification.delivery.model;

import io.livecomplaints.notification.channels.model.SendOutcome;
import java.time.Instant;
import java.util.Optional;

/**
 * Rule (when to send, when to wait, when to give up): a due job is sent unless its channel is in quiet hours for
 * the user and the message is not urgent; after a send, a delivered job is done, a rejected one fails for good, and
 * a retryable failure waits for the next backoff step unless the retry schedule gives up.
 */
public final class DeliveryPolicy {

    private final QuietHours quietHours;
    private final Urgency urgency;
    private final RetrySchedule retries;

    public DeliveryPolicy(QuietHours quietHours, Urgency urgency, RetrySchedule retries) {
        this.quietHours = quietHours;
        this.urgency = urgency;
        this.retries = retries;
    }

    /** Empty when the job may be sent now, else the job waiting for its quiet hours to end. */
    public Optional<DeliveryJob> holdForQuietHours(DeliveryJob job, Instant now) {
        if (urgency.isUrgent(job.kind(), job.type())) {
            return Optional.empty();
        }
        return quietHours.quietUntil(job.userId(), job.channel(), now)
                .map(end -> job.waitUntil(end.toEpochMilli(), "quiet hours until " + end));
    }

    /** The job after one send attempt with this outcome. */
    public DeliveryJob afterSend(DeliveryJob job, SendOutcome outcome, Instant now) {
        DeliveryJob tried = job.attempted();
        long at = now.toEpochMilli();
        switch (outcome.result()) {
            case SENT:
                return tried.finish(JobStatus.SENT, null, at);
            case REJECTED:
                return tried.finish(JobStatus.FAILED, "rejected by the provider: " + outcome.detail(), at);
            default:
                if (retries.givesUp(tried.attempts(), tried.createdAt(), at)) {
                    return tried.finish(JobStatus.FAILED, "gave up after " + tried.attempts() + " attempts: " + outcome.detail(), at);
                }
                return tried.waitUntil(at + retries.backoff(tried.attempts()).toMillis(), outcome.detail());
        }
    }
}
