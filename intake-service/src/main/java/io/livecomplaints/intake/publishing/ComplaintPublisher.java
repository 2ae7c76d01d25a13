package io.livecomplaints.intake.publishing;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.schemas.topics.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes received complaints to {@code complaints-received} and returns only once every in-sync replica has them
 * (acks=all), so an acknowledged complaint is never lost; when Kafka cannot take it, the caller gets an error.
 */
@Component
public class ComplaintPublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final Topics topics;

    public ComplaintPublisher(KafkaTemplate<String, Object> kafka, Topics topics) {
        this.kafka = kafka;
        this.topics = topics;
    }

    public void publish(ComplaintReceived complaint) {
        try {
            kafka.send(topics.complaintsReceived.name(), complaint.getEnvelope().getComplaintId(), complaint)
                    .get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while writing the complaint", e);
        } catch (ExecutionException | TimeoutException e) {
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
