package io.livecomplaints.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trace context of the span in scope, as records and webhook calls carry it. */
class HopTracingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final RecordingTracing tracing = new RecordingTracing();

    @AfterEach
    void close() {
        tracing.close();
    }

    private Span childOf(String traceId, boolean sampled) {
        TraceContext parent = tracing.tracer.traceContextBuilder().traceId(traceId).spanId("00f067aa0ba902b7")
                .sampled(sampled).build();
        return tracing.tracer.spanBuilder().setParent(parent).name("hop").start();
    }

    /** What the W3C propagator writes for the span: the value currentTraceparent() must equal. */
    private String injected(Span span) {
        Map<String, String> carrier = new HashMap<>();
        tracing.propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TraceParents.HEADER);
    }

    private String traceparentInScopeOf(Span span) {
        try (Tracer.SpanInScope scope = tracing.tracer.withSpan(span)) {
            assertThat(HopTracing.currentTraceId()).isEqualTo(span.context().traceId());
            return HopTracing.currentTraceparent();
        }
    }

    @Test
    void theTraceparentIsTheOneThePropagatorWritesSampledOrNot() {
        Span sampled = childOf(TRACE, true);
        Span notSampled = childOf(TRACE, false);

        assertThat(traceparentInScopeOf(sampled)).isEqualTo(injected(sampled))
                .isEqualTo("00-" + TRACE + "-" + sampled.context().spanId() + "-01");
        assertThat(traceparentInScopeOf(notSampled)).isEqualTo(injected(notSampled))
                .isEqualTo("00-" + TRACE + "-" + notSampled.context().spanId() + "-00");
        sampled.end();
        notSampled.end();
        assertThat(tracing.spans).hasSize(1);
    }

    @Test
    void aNewTracesRootSpanKeepsTheFlagsOpenTelemetryGaveIt() {
        Span root = tracing.tracer.nextSpan().name("request").start();
        assertThat(traceparentInScopeOf(root)).isEqualTo(injected(root)).endsWith("-" + root.context().spanId() + "-03");
        root.end();
    }

    @Test
    void theTraceparentFollowsTheSpanInScopeAsItChanges() {
        Span first = childOf(TRACE, true);
        Span sibling = childOf(TRACE, true);
        Span otherTrace = tracing.tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope outer = tracing.tracer.withSpan(first)) {
            String firstTraceparent = HopTracing.currentTraceparent();
            assertThat(HopTracing.currentTraceparent()).isSameAs(firstTraceparent); // built once per span
            Span nested = tracing.tracer.nextSpan().name("nested").start();
            try (Tracer.SpanInScope inner = tracing.tracer.withSpan(nested)) {
                assertThat(HopTracing.currentTraceparent()).isEqualTo(injected(nested)).isNotEqualTo(firstTraceparent);
            }
            assertThat(HopTracing.currentTraceparent()).isEqualTo(firstTraceparent);
            try (Tracer.SpanInScope inner = tracing.tracer.withSpan(otherTrace)) {
                assertThat(HopTracing.currentTraceparent()).isEqualTo(injected(otherTrace));
            }
            try (Tracer.SpanInScope inner = tracing.tracer.withSpan(sibling)) {
                assertThat(HopTracing.currentTraceparent()).isEqualTo(injected(sibling)).isNotEqualTo(firstTraceparent);
            }
            assertThat(HopTracing.currentTraceparent()).isEqualTo(injected(first));
        }
        assertThat(HopTracing.currentTraceparent()).isNull();
        assertThat(HopTracing.currentTraceId()).isNull();
    }

    @Test
    void withoutTracingThereIsNoTraceparent() {
        Span span = childOf(TRACE, true);
        try (Tracer.SpanInScope scope = tracing.tracer.withSpan(span)) {
            tracing.close(); // uninstalls it
            assertThat(HopTracing.currentTraceparent()).isNull();
            assertThat(HopTracing.currentTraceId()).isNull();
        }
    }

    @Test
    void aHopOfAnUnsampledTraceIsNotRecordedBuildsNoTagsAndStillPassesItsTraceOn() {
        AtomicInteger tagsBuilt = new AtomicInteger();
        Supplier<Map<String, String>> tags = () -> {
            tagsBuilt.incrementAndGet();
            return Map.of("messaging.system", "kafka");
        };
        RecordHeaders notSampled = new RecordHeaders();
        TraceParents.set(notSampled, "00-" + TRACE + "-00f067aa0ba902b7-00");
        try (HopTracing.Hop hop = HopTracing.startHop("process in", notSampled, null, tags)) {
            assertThat(HopTracing.currentTraceparent()).matches("00-" + TRACE + "-[0-9a-f]{16}-00")
                    .doesNotContain("00f067aa0ba902b7");
            assertThat(HopTracing.currentTraceId()).isEqualTo(TRACE);
        }
        assertThat(tagsBuilt).hasValue(0);
        assertThat(tracing.spans).isEmpty();

        RecordHeaders sampled = new RecordHeaders();
        TraceParents.set(sampled, "00-" + TRACE + "-00f067aa0ba902b7-01");
        try (HopTracing.Hop hop = HopTracing.startHop("process in", sampled, null, tags)) {
            assertThat(HopTracing.currentTraceparent()).matches("00-" + TRACE + "-[0-9a-f]{16}-01");
        }
        assertThat(tagsBuilt).hasValue(1);
        assertThat(tracing.spans).singleElement().satisfies(span -> {
            assertThat(span.getName()).isEqualTo("process in");
            assertThat(span.getAttributes().asMap()).hasSize(1);
        });
    }

    @Test
    void aTraceKnownOnlyByItsIdIsSampledAsItsRootWasSoItIsRecordedInAllItsHopsOrInNone() throws Exception {
        try (RecordingTracing halfSampled = new RecordingTracing(0.5)) {
            int sampledRoots = 0;
            for (int n = 0; n < 200; n++) {
                Span root = halfSampled.tracer.nextSpan().name("post complaint").start(); // a new trace: the ratio decides
                root.end();
                String traceId = root.context().traceId();
                boolean rootSampled = root.context().sampled();
                sampledRoots += rootSampled ? 1 : 0;
                String flags = rootSampled ? "-01" : "-00";

                // a notification's delivery, which knows only the complaint's trace id
                int recordedBefore = halfSampled.spans.size();
                try (HopTracing.Hop delivery = HopTracing.continueTrace("deliver RESULT WEBHOOK", traceId, Map.of())) {
                    assertThat(HopTracing.currentTraceparent()).startsWith("00-" + traceId + "-").endsWith(flags);
                }
                assertThat(halfSampled.spans).hasSize(recordedBefore + (rootSampled ? 1 : 0));

                // a record of that trace written outside any span (a punctuation's), read by the next hop
                ProducerRecord<Object, Object> record = new ProducerRecord<>("complaint-cases", "C-1",
                        TraceparentInterceptorTest.wireEvent(traceId));
                new StreamsTraceparentInterceptor().onSend(record);
                String traceparent = TraceParents.of(record.headers());
                assertThat(traceparent).startsWith("00-" + traceId + "-").endsWith(flags);
                try (HopTracing.Hop next = HopTracing.startHop("process complaint-cases", record.headers(), null, Map::of)) {
                    assertThat(HopTracing.currentTraceparent()).endsWith(flags);
                }
                assertThat(halfSampled.spans).hasSize(recordedBefore + (rootSampled ? 2 : 0));
            }
            assertThat(sampledRoots).as("both decisions were tried").isBetween(50, 150);
        }
    }
}
