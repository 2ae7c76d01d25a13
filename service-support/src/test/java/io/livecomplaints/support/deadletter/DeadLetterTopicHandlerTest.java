package io.livecomplaints.support.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.schemas.topics.DeadLetterHeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class DeadLetterTopicHandlerTest {

    private final DeadLetterTopicHandler handler = new DeadLetterTopicHandler();

    private static ErrorHandlerContext context(TaskId task) {
        return new ErrorHandlerContext() {
            public String topic() { return "complaints-received"; }
            public int partition() { return 1; }
            public long offset() { return 42; }
            public Headers headers() { return new RecordHeaders(); }
            public String processorNodeId() { return "source"; }
            public TaskId taskId() { return task; }
            public long timestamp() { return 1_000L; }
            public byte[] sourceRawKey() { return "C-1".getBytes(StandardCharsets.UTF_8); }
            public byte[] sourceRawValue() { return "junk".getBytes(StandardCharsets.UTF_8); }
        };
    }

    private final ConsumerRecord<byte[], byte[]> junk = new ConsumerRecord<>("complaints-received", 1, 42,
            "C-1".getBytes(StandardCharsets.UTF_8), "junk".getBytes(StandardCharsets.UTF_8));

    @Test
    void anUnreadableRecordBecomesADeadLetterWithItsReasonAndOrigin() {
        handler.configure(Map.of("application.id", "triage-service"));

        DeserializationExceptionHandler.Response response = handler.handleError(context(new TaskId(0, 1)), junk,
                new SerializationException("not in the Confluent Avro wire format"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
        assertThat(dead.topic()).isEqualTo("complaints-received-dlt");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("junk");
        assertThat(header(dead, DeadLetterHeaderNames.REASON)).contains("wire format");
        assertThat(header(dead, DeadLetterHeaderNames.SERVICE)).isEqualTo("triage-service");
        assertThat(header(dead, DeadLetterHeaderNames.SOURCE_OFFSET)).isEqualTo("42");
    }

    @Test
    void aGlobalStoreSkipsTheRecordBecauseItCannotWriteDeadLetters() {
        DeserializationExceptionHandler.Response response = handler.handleError(context(new TaskId(-1, -1)), junk,
                new SerializationException("bad"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
