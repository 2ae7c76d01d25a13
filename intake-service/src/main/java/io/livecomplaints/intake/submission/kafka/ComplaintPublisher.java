package io.livecomplaints.intake.submission.kafka;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.schemas.topics.Topics;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes received complaints to {@code complaints-received} and returns only once every in-sync replica has them
 * (acks=all, idempotent producer), so an acknowledged complaint is never lost. When Kafka cannot take it within the
 * producer's delivery timeout, the caller gets {@link PublishFailedException} and nothing is acknowledged.
 */
@Component
public class ComplaintPublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final Topics topics;
    private final Duration timeout;

    public ComplaintPublisher(KafkaTemplate<String, Object> kafka, Topics topics,
                              @Value("${complaints.intake.publish-timeout:10s}") Duration timeout) {
        this.kafka = kafka;
        this.topics = topics;
        this.timeout = timeout;
    }

    public void publish(ComplaintReceived complaint) {
        try {
            kafka.send(topics.complaintsReceived.name(), complaint.getEnvelope().getComplaintId(), complaint)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while writing the complaint", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new PublishFailedException("Kafka did not acknowledge the complaint: " + e.getMessage(), e);
        }
    }

    /** The complaint could not be durably written; nothing was acknowledged to the user. */
    public static class PublishFailedException extends RuntimeException {
        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
