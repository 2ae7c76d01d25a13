package io.livecomplaints.support.tracing;

import io.livecomplaints.events.Envelope;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.envelope.WireEnvelope;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * On every plain producer (service-defaults): a record without a {@code traceparent} (the KafkaTemplate's observation
 * adds one when a span is in scope) gets the current span's, else one in its envelope's trace, so every record we
 * write carries W3C trace context whose trace id is the envelope's {@code traceId}.
 */
public class TraceparentProducerInterceptor implements ProducerInterceptor<Object, Object> {

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        stamp(record, false);
        return record;
    }

    /**
     * Gives the record the traceparent of the span in scope when it is in the record's trace (its envelope's
     * traceId), else one in the envelope's trace, so the header's trace id always equals {@code Envelope.traceId}
     * (an agent's command continues the complaint's trace, not the trace of the agent's HTTP request).
     *
     * @param replaceInherited true on Kafka Streams' producer: a header there was inherited from the input record
     *                         (the parent hop's); false on plain producers, whose header the KafkaTemplate's
     *                         observation set from its produce span
     */
    static void stamp(ProducerRecord<Object, Object> record, boolean replaceInherited) {
        String envelopeTrace = traceIdOf(record.value());
        boolean hasEnvelopeTrace = TraceParents.isTraceId(envelopeTrace);
        String existingTrace = TraceParents.traceIdOfHeader(record.headers()); // null when absent or malformed
        boolean existingFits = existingTrace != null && (!hasEnvelopeTrace || envelopeTrace.equals(existingTrace));
        if (existingFits && !replaceInherited) {
            return;
        }
        String current = HopTracing.currentTraceparent();
        if (current != null && (!hasEnvelopeTrace || TraceParents.isInTrace(current, envelopeTrace))) {
            TraceParents.set(record.headers(), current);
        } else if (hasEnvelopeTrace && !existingFits) {
            TraceParents.set(record.headers(), HopTracing.traceparentForTrace(envelopeTrace));
        }
    }

    /** The envelope's traceId of a decoded event or of its wire bytes, or null. */
    static String traceIdOf(Object value) {
        if (value instanceof byte[] bytes) {
            return WireEnvelope.traceId(bytes);
        }
        Envelope envelope = Envelopes.of(value);
        return envelope == null ? null : envelope.getTraceId();
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
