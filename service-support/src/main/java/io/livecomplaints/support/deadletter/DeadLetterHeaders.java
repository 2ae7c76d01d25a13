package io.livecomplaints.support.deadletter;

import static io.livecomplaints.schemas.topics.DeadLetterHeaderNames.*;

import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds the headers ({@link io.livecomplaints.schemas.topics.DeadLetterHeaderNames}) a dead-letter record carries:
 * why it failed, where it came from, who gave up on it.
 * Building them also counts the record in {@code complaints_dead_letters_total}.
 */
public final class DeadLetterHeaders {

    private static final int MAX_REASON = 2000;

    private DeadLetterHeaders() {
    }

    /**
     * @param stage deserialization, processing or listener
     */
    public static Headers describe(String service, String stage, String topic, int partition, long offset, Throwable error) {
        Throwable root = rootCause(error);
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root != error && error.getMessage() != null && !error.getMessage().contains(reason)) {
            reason = error.getMessage() + ": " + reason;
        }
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON);
        }
        RecordHeaders headers = new RecordHeaders();
        add(headers, REASON, reason);
        add(headers, EXCEPTION, root.getClass().getName());
        add(headers, STAGE, stage);
        add(headers, SERVICE, service);
        add(headers, SOURCE_TOPIC, topic);
        add(headers, SOURCE_PARTITION, Integer.toString(partition));
        add(headers, SOURCE_OFFSET, Long.toString(offset));
        add(headers, FAILED_AT, Instant.now().toString());
        Metrics.counter("complaints.dead.letters", "topic", topic, "stage", stage).increment();
        return headers;
    }

    private static void add(Headers headers, String key, String value) {
        headers.add(key, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }

    private static Throwable rootCause(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
