package io.livecomplaints.support.kafka.publish;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaOperations;

/**
 * The one blocking, durable write of a request's record: {@link #send} returns only once the broker acknowledged the
 * record (the services' producers use acks=all and idempotence: every in-sync replica has it), so what an API
 * acknowledges is never lost. When Kafka does not acknowledge within the timeout ({@code complaints.publish.timeout})
 * or refuses the record, {@link PublishFailedException} is thrown and the API answers 503 with Retry-After
 * ({@code complaints.publish.retry-after}). After a timeout the record may still be written later: records written
 * this way carry their own ids, so a client's retry is recognised downstream.
 *
 * <p>Auto-configured as the bean {@code durablePublisher}; a service that wants its own words in the 503 keeps
 * {@code publisher.answeringFailuresWith("Intake unavailable", "The complaint could not be recorded now; ...")}.
 */
public final class DurablePublisher {

    static final String DEFAULT_TITLE = "Service unavailable";
    static final String DEFAULT_DETAIL = "This could not be recorded now; nothing was changed. Please retry.";

    private final KafkaOperations<String, Object> kafka;
    private final Duration timeout;
    private final Duration retryAfter;
    private final String failureTitle;
    private final String failureDetail;

    public DurablePublisher(KafkaOperations<String, Object> kafka, Duration timeout, Duration retryAfter) {
        this(kafka, timeout, retryAfter, DEFAULT_TITLE, DEFAULT_DETAIL);
    }

    private DurablePublisher(KafkaOperations<String, Object> kafka, Duration timeout, Duration retryAfter,
                             String failureTitle, String failureDetail) {
        this.kafka = Objects.requireNonNull(kafka);
        this.timeout = Objects.requireNonNull(timeout);
        this.retryAfter = Objects.requireNonNull(retryAfter);
        this.failureTitle = failureTitle;
        this.failureDetail = failureDetail;
    }

    /** The same publisher, its failures told to the client as 503 with this title and detail. */
    public DurablePublisher answeringFailuresWith(String title, String detail) {
        return new DurablePublisher(kafka, timeout, retryAfter, title, detail);
    }

    /**
     * Writes {@code value} under {@code key} to {@code topic} and waits for the acknowledgment.
     *
     * @return where the record was written
     * @throws PublishFailedException not acknowledged within the timeout, refused, or interrupted while waiting
     */
    public RecordMetadata send(String topic, String key, Object value) {
        try {
            return kafka.send(topic, key, value).get(timeout.toMillis(), TimeUnit.MILLISECONDS).getRecordMetadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted while writing to " + topic, e);
        } catch (TimeoutException e) {
            throw failed("Kafka did not acknowledge the record for " + topic + " within " + timeout, e);
        } catch (ExecutionException e) {
            throw failed("Kafka did not take the record for " + topic + ": " + e.getCause(), e.getCause());
        } catch (RuntimeException e) { // e.g. no metadata for the topic within max.block.ms, a serializer's refusal
            throw failed("Kafka did not take the record for " + topic + ": " + e, e);
        }
    }

    public Duration timeout() {
        return timeout;
    }

    private PublishFailedException failed(String message, Throwable cause) {
        return new PublishFailedException(message, cause, failureTitle, failureDetail, retryAfter);
    }
}
