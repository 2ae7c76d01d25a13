package io.livecomplaints.support.tracing;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * On Kafka Streams' producer (service-defaults): each record written inside a hop's span gets that span's
 * traceparent, replacing the one it inherited from its input (the parent's), so the next hop is the child of this
 * one. A record written outside any span (a punctuation, a cache flush) keeps its inherited traceparent or gets one
 * in its envelope's trace ({@link TraceparentProducerInterceptor}).
 */
public class StreamsTraceparentInterceptor implements ProducerInterceptor<Object, Object> {

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        TraceparentProducerInterceptor.stamp(record, true);
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
