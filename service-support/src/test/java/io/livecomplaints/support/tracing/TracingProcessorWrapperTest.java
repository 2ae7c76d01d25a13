package io.livecomplaints.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The processor wrapper as service-defaults installs it ({@code processor.wrapper.class}), in a real topology of DSL
 * and Processor API nodes: one span per hop, the child of the record's traceparent.
 */
class TracingProcessorWrapperTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";

    private RecordingTracing tracing;
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> in;
    private TestOutputTopic<String, String> out;
    private final List<String> seenInside = new CopyOnWriteArrayList<>();

    @BeforeEach
    void topology() {
        tracing = new RecordingTracing();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "tracing-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        props.put(StreamsConfig.PROCESSOR_WRAPPER_CLASS_CONFIG, TracingProcessorWrapper.class.getName());
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(v -> v.toUpperCase())
                .filter((k, v) -> !v.isEmpty())
                .process(() -> new Processor<String, String, String, String>() {
                    private ProcessorContext<String, String> context;

                    @Override
                    public void init(ProcessorContext<String, String> context) {
                        this.context = context;
                    }

                    @Override
                    public void process(Record<String, String> record) {
                        seenInside.add(HopTracing.currentTraceparent());
                        context.forward(new Record<>(record.key(), record.value() + "!", record.timestamp())); // no headers
                    }
                })
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        driver = new TopologyTestDriver(builder.build(), props);
        in = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
        out = driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.String().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
        tracing.close();
    }

    private void send(String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        if (traceparent != null) {
            headers.add(TraceParents.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        in.pipeInput(new TestRecord<>("C-1", "late parcel", headers, 1_000L));
    }

    @Test
    void aHopIsOneSpanInTheRecordsTraceWithTheIncomingSpanAsParent() {
        send("00-" + TRACE + "-" + PARENT + "-01");

        assertThat(out.readValue()).isEqualTo("LATE PARCEL!");
        assertThat(tracing.spans).hasSize(1); // mapValues, filter and process: one hop
        SpanData hop = tracing.spans.get(0);
        assertThat(hop.getName()).isEqualTo("process in");
        assertThat(hop.getTraceId()).isEqualTo(TRACE);
        assertThat(hop.getParentSpanId()).isEqualTo(PARENT);
        assertThat(hop.getAttributes().asMap()).hasSize(6);
        assertThat(hop.getAttributes().asMap().toString()).contains("messaging.system=kafka", "messaging.destination.name=in",
                "messaging.kafka.partition=0", "messaging.kafka.offset=0", "kafka.streams.processor=", "kafka.streams.application.id=tracing-test");
        // inside the hop the span in scope is the hop's own: what the producer interceptor stamps on the output
        assertThat(seenInside).containsExactly("00-" + TRACE + "-" + hop.getSpanId() + "-01");
        assertThat(tracing.tracer.currentSpan()).isNull();
    }

    @Test
    void aHopOfAnUnsampledTraceIsNotRecordedAndItsOutputsStayInTheTraceUnsampled() {
        send("00-" + TRACE + "-" + PARENT + "-00");

        assertThat(out.readValue()).isEqualTo("LATE PARCEL!");
        assertThat(tracing.spans).isEmpty();
        assertThat(seenInside).singleElement().asString().matches("00-" + TRACE + "-[0-9a-f]{16}-00").doesNotContain(PARENT);
    }

    @Test
    void aMalformedOrMissingTraceparentStartsANewTraceAndTheRecordIsStillProcessed() {
        send("00-not-a-trace-01");
        send("01-" + TRACE + "-" + PARENT + "-01-extra");
        send(null);

        assertThat(out.readValuesToList()).containsExactly("LATE PARCEL!", "LATE PARCEL!", "LATE PARCEL!");
        assertThat(tracing.spans).hasSize(3).allSatisfy(span -> {
            assertThat(span.getTraceId()).matches("[0-9a-f]{32}").isNotEqualTo(TRACE);
            assertThat(span.getParentSpanContext().isValid()).isFalse();
        });
        assertThat(tracing.spans.stream().map(SpanData::getTraceId).distinct()).hasSize(3);
    }

    @Test
    void aRecordForwardedFromAPunctuationIsAHopOfItsProcessor() {
        // a punctuation's metadata has no topic, partition -1, offset -1 (a due SLA timer forwarding a case change)
        org.apache.kafka.streams.processor.api.RecordMetadata punctuation = new org.apache.kafka.streams.processor.api.RecordMetadata() {
            public String topic() { return null; }
            public int partition() { return -1; }
            public long offset() { return -1; }
        };
        try (HopTracing.Hop hop = TracingProcessorWrapper.hop("case-processor", "tracing-test", punctuation, new RecordHeaders(), "v")) {
            assertThat(HopTracing.currentTraceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        }
        assertThat(tracing.spans).hasSize(1);
        assertThat(tracing.spans.get(0).getName()).isEqualTo("process case-processor");
        assertThat(tracing.spans.get(0).getAttributes().asMap().toString()).contains("messaging.system=kafka",
                "kafka.streams.processor=case-processor", "kafka.streams.application.id=tracing-test");
        assertThat(tracing.spans.get(0).getAttributes().asMap()).hasSize(3);
    }
}
