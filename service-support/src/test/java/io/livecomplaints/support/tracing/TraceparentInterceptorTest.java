package io.livecomplaints.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every record we write leaves with a traceparent whose trace id is its envelope's traceId. */
class TraceparentInterceptorTest {

    private static final String ENVELOPE_TRACE = "0af7651916cd43dd8448eb211c80319c";

    private final RecordingTracing tracing = new RecordingTracing();

    @AfterEach
    void close() {
        tracing.close();
    }

    /** An event in the Confluent wire format: magic byte, schema id, then the envelope first. */
    static byte[] wireEvent(String traceId) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {0, 0, 0, 0, 7});
        BinaryEncoder avro = EncoderFactory.get().binaryEncoder(bytes, null);
        avro.writeString("event-1");
        avro.writeIndex(1);
        avro.writeString("C-1");
        avro.writeLong(1_700_000_000_000L);
        avro.writeString("triage-service");
        avro.writeString(traceId);
        avro.writeString("the rest of the event");
        avro.flush();
        return bytes.toByteArray();
    }

    private static ProducerRecord<Object, Object> record(Object value, String traceparent) {
        ProducerRecord<Object, Object> record = new ProducerRecord<>("complaints-triaged", "C-1", value);
        if (traceparent != null) {
            record.headers().add(TraceParents.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static String header(ProducerRecord<Object, Object> record) {
        return new String(record.headers().lastHeader(TraceParents.HEADER).value(), StandardCharsets.UTF_8);
    }

    @Test
    void aStreamsOutputWrittenInsideAHopGetsTheHopsSpanInsteadOfTheInheritedParent() throws IOException {
        String inherited = "00-" + ENVELOPE_TRACE + "-00f067aa0ba902b7-01";
        Span hop = tracing.tracer.spanBuilder().setParent(tracing.tracer.traceContextBuilder()
                .traceId(ENVELOPE_TRACE).spanId("00f067aa0ba902b7").sampled(true).build()).name("process").start();
        ProducerRecord<Object, Object> record = record(wireEvent(ENVELOPE_TRACE), inherited);
        try (Tracer.SpanInScope scope = tracing.tracer.withSpan(hop)) {
            new StreamsTraceparentInterceptor().onSend(record);
        } finally {
            hop.end();
        }
        assertThat(header(record)).isEqualTo("00-" + ENVELOPE_TRACE + "-" + hop.context().spanId() + "-01");
        assertThat(record.headers().headers(TraceParents.HEADER)).hasSize(1);
    }

    @Test
    void aRecordOfAnotherTraceThanTheSpanInScopeKeepsItsEnvelopesTrace() throws IOException {
        // e.g. an agent's HTTP command (its own trace) changes a case, whose events continue the complaint's trace
        Span request = tracing.tracer.nextSpan().name("http post").start();
        ProducerRecord<Object, Object> record = record(wireEvent(ENVELOPE_TRACE), null);
        try (Tracer.SpanInScope scope = tracing.tracer.withSpan(request)) {
            new StreamsTraceparentInterceptor().onSend(record);
        } finally {
            request.end();
        }
        assertThat(TraceParents.traceIdOf(header(record))).isEqualTo(ENVELOPE_TRACE);
    }

    @Test
    void aRecordWrittenOutsideAnySpanGetsItsEnvelopesTrace() throws IOException {
        ProducerRecord<Object, Object> record = record(wireEvent(ENVELOPE_TRACE), null);
        new TraceparentProducerInterceptor().onSend(record);
        assertThat(header(record)).matches("00-" + ENVELOPE_TRACE + "-[0-9a-f]{16}-01");
    }

    @Test
    void theKafkaTemplatesProduceSpanHeaderIsKept() throws IOException {
        String produceSpan = "00-" + ENVELOPE_TRACE + "-b7ad6b7169203331-01";
        ProducerRecord<Object, Object> record = record(wireEvent(ENVELOPE_TRACE), produceSpan);
        new TraceparentProducerInterceptor().onSend(record);
        assertThat(header(record)).isEqualTo(produceSpan);
    }

    @Test
    void aMalformedHeaderIsReplacedAndAnUndecodableValueLeftAlone() throws IOException {
        ProducerRecord<Object, Object> record = record(wireEvent(ENVELOPE_TRACE), "garbage");
        new TraceparentProducerInterceptor().onSend(record);
        assertThat(TraceParents.traceIdOf(header(record))).isEqualTo(ENVELOPE_TRACE);

        ProducerRecord<Object, Object> poison = record("{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8), null);
        new StreamsTraceparentInterceptor().onSend(poison);
        assertThat(poison.headers().lastHeader(TraceParents.HEADER)).isNull();
    }

    /** The decision table as it was first written (each value parsed where it was needed), the reference for stamp. */
    private static String referenceStamp(String envelopeTrace, String existing, String current, boolean replaceInherited) {
        boolean hasEnvelopeTrace = TraceParents.isTraceId(envelopeTrace);
        existing = TraceParents.traceIdOf(existing) == null ? null : existing;
        if (existing != null && !replaceInherited
                && (!hasEnvelopeTrace || envelopeTrace.equals(TraceParents.traceIdOf(existing)))) {
            return existing;
        }
        if (current != null && (!hasEnvelopeTrace || envelopeTrace.equals(TraceParents.traceIdOf(current)))) {
            return current;
        } else if (hasEnvelopeTrace) {
            if (existing == null || !envelopeTrace.equals(TraceParents.traceIdOf(existing))) {
                return "new in " + envelopeTrace;
            }
        } else if (existing == null && current != null) {
            return current;
        }
        return existing;
    }

    @Test
    void everyCombinationOfEnvelopeHeaderAndSpanIsDecidedAsTheDecisionTableSays() throws IOException {
        String other = "4bf92f3577b34da6a3ce929d0e0e4736";
        String[] envelopeTraces = {ENVELOPE_TRACE, "trace-C-1", null /* not decodable */};
        String[] headers = {null, "00-" + ENVELOPE_TRACE + "-00f067aa0ba902b7-01", " 00-" + ENVELOPE_TRACE + "-00f067aa0ba902b7-00 ",
                "00-" + other + "-b7ad6b7169203331-01", "garbage", "00-" + "0".repeat(32) + "-b7ad6b7169203331-01"};
        String[] spanTraces = {null, ENVELOPE_TRACE, other};
        int cases = 0;
        for (String envelopeTrace : envelopeTraces) {
            for (String existing : headers) {
                for (String spanTrace : spanTraces) {
                    for (boolean streams : new boolean[] {true, false}) {
                        Object value = envelopeTrace == null ? "{}".getBytes(StandardCharsets.UTF_8) : wireEvent(envelopeTrace);
                        ProducerRecord<Object, Object> record = record(value, existing);
                        Span span = spanTrace == null ? null : tracing.tracer.spanBuilder().setParent(tracing.tracer
                                .traceContextBuilder().traceId(spanTrace).spanId("1a2ad085fe2c62bb").sampled(true).build())
                                .name("hop").start();
                        String current = null;
                        try (Tracer.SpanInScope scope = span == null ? null : tracing.tracer.withSpan(span)) {
                            current = HopTracing.currentTraceparent();
                            if (streams) {
                                new StreamsTraceparentInterceptor().onSend(record);
                            } else {
                                new TraceparentProducerInterceptor().onSend(record);
                            }
                        } finally {
                            if (span != null) {
                                span.end();
                            }
                        }
                        String expected = referenceStamp(envelopeTrace, existing, current, streams);
                        String written = record.headers().lastHeader(TraceParents.HEADER) == null ? null : header(record);
                        String description = "envelope " + envelopeTrace + ", header " + existing + ", span in " + spanTrace
                                + (streams ? ", streams" : ", plain producer");
                        if (expected != null && expected.startsWith("new in ")) {
                            assertThat(written).as(description).matches("00-" + ENVELOPE_TRACE + "-[0-9a-f]{16}-01")
                                    .isNotEqualTo(existing);
                        } else {
                            assertThat(written).as(description).isEqualTo(expected == null ? existing : expected);
                        }
                        assertThat(record.headers().headers(TraceParents.HEADER)).as(description)
                                .hasSizeLessThanOrEqualTo(1);
                        cases++;
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(108);
    }
}
