package io.livecomplaints.platform.deadletter;

import io.livecomplaints.schemas.topics.DeadLetterHeaderNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record of a {@code <topic>-dlt} topic: the original key and value bytes as the failing service read them, and
 * the headers service-support's DeadLetterHeaders wrote (why, where from, who gave up on it).
 *
 * @param eventId the envelope's eventId read out of the value (every event starts with its envelope, whose first field
 *                is the eventId), or null when the value is not Avro of ours (the record that could not be read)
 */
public record DeadLetter(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                         List<Header> headers, String eventId) {

    /** Confluent wire format: magic byte 0, a 4-byte schema id, then the Avro binary. */
    private static final int WIRE_HEADER = 5;

    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(headers::add);
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(),
                record.value(), List.copyOf(headers), eventIdOf(record.value()));
    }

    public String header(String name) {
        String value = null;
        for (Header header : headers) {
            if (header.key().equals(name) && header.value() != null) {
                value = new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return value;
    }

    public String service() {
        return header(DeadLetterHeaderNames.SERVICE);
    }

    public String stage() {
        return header(DeadLetterHeaderNames.STAGE);
    }

    public String reason() {
        return header(DeadLetterHeaderNames.REASON);
    }

    /** The topic the record failed on: the header, else the DLT's name without {@code -dlt}. */
    public String sourceTopic() {
        String source = header(DeadLetterHeaderNames.SOURCE_TOPIC);
        return source != null && !source.isBlank() ? source : topic.replaceFirst("-dlt$", "");
    }

    public String failedAt() {
        return header(DeadLetterHeaderNames.FAILED_AT);
    }

    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }

    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /**
     * What a replay is idempotent by: the event on its source topic, so that an event dead-lettered by two services
     * is put back once; a record without an eventId by its own place in the DLT.
     */
    public String replayKey() {
        return sourceTopic() + "/" + (eventId != null ? eventId : coordinates());
    }

    static String eventIdOf(byte[] value) {
        if (value == null || value.length <= WIRE_HEADER || value[0] != 0) {
            return null;
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(value, WIRE_HEADER, value.length - WIRE_HEADER, null);
            String eventId = decoder.readString();
            return eventId.matches("[0-9a-fA-F-]{8,64}") ? eventId : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
