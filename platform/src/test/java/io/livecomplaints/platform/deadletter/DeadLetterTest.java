package io.livecomplaints.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livecomplaints.schemas.topics.DeadLetterHeaderNames;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final String EVENT_ID = "3f8a2c1e-9b7d-4e21-8c55-1f0e2d3c4b5a";

    /** Confluent wire bytes of an event whose envelope starts with the eventId: 0, schema id, Avro string. */
    private static byte[] wireBytes(String eventId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 0, 7});
        byte[] id = eventId.getBytes(StandardCharsets.UTF_8);
        out.write(id.length * 2); // zig-zag varint of the length (< 64)
        out.writeBytes(id);
        out.writeBytes(new byte[] {0, 2, 4});
        return out.toByteArray();
    }

    private static DeadLetter letter(byte[] value, String service, String reason) {
        List<Header> headers = List.of(
                new RecordHeader(DeadLetterHeaderNames.SERVICE, service.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(DeadLetterHeaderNames.STAGE, "processing".getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(DeadLetterHeaderNames.REASON, reason.getBytes(StandardCharsets.UTF_8)));
        return new DeadLetter("complaint-submissions-dlt", 1, 42, 0, "k".getBytes(StandardCharsets.UTF_8), value,
                headers, DeadLetter.eventIdOf(value));
    }

    @Test
    void theEventIdIsReadOutOfTheEnvelopeAndIsWhatAReplayIsIdempotentBy() {
        DeadLetter readable = letter(wireBytes(EVENT_ID), "intake-service", "invalid complaint: text: too long");
        assertThat(readable.eventId()).isEqualTo(EVENT_ID);
        assertThat(readable.sourceTopic()).as("without the header: the DLT's name").isEqualTo("complaint-submissions");
        assertThat(readable.replayKey()).isEqualTo("complaint-submissions/" + EVENT_ID);

        DeadLetter garbage = letter("not avro".getBytes(StandardCharsets.UTF_8), "intake-service", "cannot deserialize");
        assertThat(garbage.eventId()).isNull();
        assertThat(garbage.replayKey()).isEqualTo("complaint-submissions/complaint-submissions-dlt-1@42");
    }

    @Test
    void filtersSelectByServiceStageReasonEventIdAndPlace() {
        DeadLetter letter = letter(wireBytes(EVENT_ID), "intake-service", "invalid complaint: Text: too long");
        assertThat(DeadLetterFilter.ALL.matches(letter)).isTrue();
        assertThat(new DeadLetterFilter("intake-service", "processing", "text", EVENT_ID, "1@42").matches(letter)).isTrue();
        assertThat(new DeadLetterFilter("triage-service", null, null, null, null).matches(letter)).isFalse();
        assertThat(new DeadLetterFilter(null, "deserialization", null, null, null).matches(letter)).isFalse();
        assertThat(new DeadLetterFilter(null, null, "amount", null, null).matches(letter)).isFalse();
        assertThat(new DeadLetterFilter(null, null, null, "other", null).matches(letter)).isFalse();
        assertThat(new DeadLetterFilter(null, null, null, null, "0@42").matches(letter)).isFalse();
    }

    @Test
    void optionsAreCheckedAndTopicsNamedEitherWay() throws Exception {
        assertThat(DeadLetterTool.options(new String[] {"replay", "--topic", "t", "--dry-run", "--reason", "x"}))
                .isEqualTo(Map.of("topic", "t", "dry-run", "true", "reason", "x"));
        assertThatThrownBy(() -> DeadLetterTool.options(new String[] {"list", "--colour", "red"})).hasMessageContaining("--colour");
        assertThatThrownBy(() -> DeadLetterTool.options(new String[] {"list", "--topic"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> DeadLetterTool.run(new String[] {"show"}, System.out)).hasMessageContaining("--topic is required");
        assertThat(DeadLetterTool.deadLetterTopic("complaint-submissions")).isEqualTo("complaint-submissions-dlt");
        assertThat(DeadLetterTool.deadLetterTopic("complaint-submissions-dlt")).isEqualTo("complaint-submissions-dlt");
        assertThat(DeadLetterTool.clientProperties(Map.of())).containsEntry("bootstrap.servers", "127.0.0.1:9092");
    }
}
