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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams handler for records that cannot be read or processed: the original bytes go to
 * {@code <source topic>-dlt} inside the same transaction as the task's progress (KIP-1034), so a poison record
 * is neither lost nor retried forever, and never stalls its partition. Errors outside any source record
 * (punctuators) stop the thread: they are bugs, and the health check reports them.
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
        log.warn("{}: record {}-{}@{} failed in {}, sent to {}-dlt: {}", service, context.topic(), context.partition(),
                context.offset(), context.processorNodeId(), context.topic(), exception.toString());
        return ProcessingExceptionHandler.Response.resume(List.of(deadLetter("processing", context,
                context.sourceRawKey(), context.sourceRawValue(), exception)));
    }

    private ProducerRecord<byte[], byte[]> deadLetter(String stage, ErrorHandlerContext context, byte[] key, byte[] value,
                                                      Exception exception) {
        return new ProducerRecord<>(context.topic() + "-dlt", null, context.timestamp(), key, value,
                DeadLetterHeaders.describe(service, stage, context.topic(), context.partition(), context.offset(), exception));
    }
}
