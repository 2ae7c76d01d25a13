package io.livecomplaints.support.deadletter;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams handler for records that cannot be read or processed: the original bytes go to
 * {@code <source topic>-dlt} inside the same transaction as the task's progress (KIP-1034), so a poison record
 * is neither lost nor retried forever, and never stalls its partition. Errors outside any source record
 * (punctuators) stop the thread: they are bugs, and the health check reports them. Global stores cannot write
 * dead letters; they skip the record and count it.
 */
public class DeadLetterTopicHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopicHandler.class);

    private String service = "kafka-streams";

    @Override
    public void configure(Map<String, ?> configs) {
        Object id = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        if (id != null) {
            service = id.toString();
        }
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record,
                                                                Exception exception) {
        if (isGlobal(context)) {
            return DeserializationExceptionHandler.Response.resume(skipInGlobalStore(context, exception));
        }
        log.warn("{}: record {}-{}@{} cannot be deserialized, sent to {}-dlt: {}", service, record.topic(),
                record.partition(), record.offset(), record.topic(), exception.getMessage());
        return DeserializationExceptionHandler.Response.resume(List.of(deadLetter("deserialization", context,
                record.key(), record.value(), exception)));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        if (context.topic() == null) {
            log.error("{}: processing failed outside a source record (node {})", service, context.processorNodeId(), exception);
            return ProcessingExceptionHandler.Response.fail();
        }
        if (isGlobal(context)) {
            return ProcessingExceptionHandler.Response.resume(skipInGlobalStore(context, exception));
        }
        log.warn("{}: record {}-{}@{} failed in {}, sent to {}-dlt: {}", service, context.topic(), context.partition(),
                context.offset(), context.processorNodeId(), context.topic(), exception.toString());
        return ProcessingExceptionHandler.Response.resume(List.of(deadLetter("processing", context,
                context.sourceRawKey(), context.sourceRawValue(), exception)));
    }

    /** The global thread (task -1_-1) has no producer: Kafka Streams 4.2 fails on dead letters returned for it. */
    private static boolean isGlobal(ErrorHandlerContext context) {
        return context.taskId() != null && context.taskId().subtopology() < 0;
    }

    /**
     * A global store (a read-only mirror of a topic) skips the record instead: it stays in its topic, the mirror keeps
     * what it had for that key, and {@code complaints_skipped_records_total} counts it.
     */
    private List<ProducerRecord<byte[], byte[]>> skipInGlobalStore(ErrorHandlerContext context, Exception exception) {
        log.warn("{}: global store skipped record {}-{}@{}: {}", service, context.topic(), context.partition(),
                context.offset(), exception.toString());
        Metrics.counter("complaints.skipped.records", "topic", String.valueOf(context.topic())).increment();
        return List.of();
    }

    private ProducerRecord<byte[], byte[]> deadLetter(String stage, ErrorHandlerContext context, byte[] key, byte[] value,
                                                      Exception exception) {
        return new ProducerRecord<>(context.topic() + "-dlt", null, context.timestamp(), key, value,
                DeadLetterHeaders.describe(service, stage, context.topic(), context.partition(), context.offset(), exception));
    }
}
