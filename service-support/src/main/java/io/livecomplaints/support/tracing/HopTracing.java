package io.livecomplaints.support.tracing;

import io.livecomplaints.events.Envelope;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelTraceContext;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;

/**
 * Spans for the hops that no library instruments: a Kafka Streams processor handling a record (Kafka Streams has no
 * observation API) and work a punctuation does for an event (a notification's delivery). The parent comes from the
 * record's {@code traceparent} header, else from its envelope's trace id, else a new trace starts.
 *
 * <p>Kafka instantiates processor wrappers and interceptors itself, outside Spring, so they reach the service's
 * tracer through this holder, which {@link TracingAutoConfiguration} fills. Without it (tracing off, plain unit
 * tests) every method is a no-op and records keep the trace id their envelope carries.
 */
public final class HopTracing {

    private static final AtomicReference<HopTracing> INSTALLED = new AtomicReference<>();

    private final Tracer tracer;
    private final Propagator propagator;
    private final Predicate<String> sampledAsNewTrace;

    /**
     * @param sampledAsNewTrace whether the service's sampler records a new trace with the given id: a trace ratio
     *                          decides by the trace id alone, so a trace known only by its id gets the decision its
     *                          root got in whichever of our services started it
     */
    HopTracing(Tracer tracer, Propagator propagator, Predicate<String> sampledAsNewTrace) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.sampledAsNewTrace = sampledAsNewTrace;
    }

    static void install(HopTracing tracing) {
        INSTALLED.set(tracing);
    }

    static void uninstall(HopTracing tracing) {
        INSTALLED.compareAndSet(tracing, null);
    }

    /** A span in scope until closed; {@link #NONE} when tracing is off or a hop span is already open on this thread. */
    public interface Hop extends AutoCloseable {
        Hop NONE = () -> { };

        /** Marks the span failed (the error is rethrown by the caller). */
        default void error(Throwable error) {
        }

        @Override
        void close();
    }

    /** The trace id of the span in scope on this thread (e.g. the HTTP request's), or null. */
    public static String currentTraceId() {
        TraceContext context = currentContext();
        return context == null ? null : context.traceId();
    }

    /**
     * The traceparent of the span in scope on this thread, or null: {@code 00-<trace id>-<span id>-<flags>}, what the
     * W3C propagator writes for it. Called for every record written, mostly several times for the same span (a hop
     * writing its outputs), so the last one built on the thread is reused while its span is current.
     */
    public static String currentTraceparent() {
        TraceContext context = currentContext();
        return context == null ? null : LAST_TRACEPARENT.get().of(context);
    }

    private static final ThreadLocal<LastTraceparent> LAST_TRACEPARENT = ThreadLocal.withInitial(LastTraceparent::new);

    /** The traceparent last built on a thread and the span context it was built for. */
    private static final class LastTraceparent {
        private String traceId;
        private String spanId;
        private String flags;
        private String traceparent;

        String of(TraceContext context) {
            String contextTraceId = context.traceId();
            String contextSpanId = context.spanId();
            String contextFlags = flagsOf(context);
            if (traceparent == null || !contextTraceId.equals(traceId) || !Objects.equals(contextSpanId, spanId)
                    || !contextFlags.equals(flags)) {
                traceId = contextTraceId;
                spanId = contextSpanId;
                flags = contextFlags;
                traceparent = TraceParents.isSpanId(contextSpanId)
                        ? "00-" + contextTraceId + "-" + contextSpanId + "-" + contextFlags
                        : null;
            }
            return traceparent;
        }
    }

    /**
     * The trace flags as the W3C propagator writes them: OpenTelemetry's own (bit 1 also marks a random trace id, so a
     * new trace's root span has {@code 03}), else {@code 01} when sampled.
     */
    private static String flagsOf(TraceContext context) {
        if (context instanceof OtelTraceContext otel) {
            return OtelTraceContext.toOtelSpanContext(otel).getTraceFlags().asHex();
        }
        return Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
    }

    /** The context of the span in scope on this thread if its trace id is valid, else null. */
    private static TraceContext currentContext() {
        HopTracing tracing = INSTALLED.get();
        Span span = tracing == null ? null : tracing.tracer.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext context = span.context();
        return TraceParents.isTraceId(context.traceId()) ? context : null;
    }

    /**
     * A traceparent in the given trace for a record or span that has only its trace id (the span it came from is not
     * known): a fresh parent span id, flagged sampled as the sampler decides for that trace id, so such a trace is
     * recorded in all its hops or in none. Sampled when tracing is off (the next service decides).
     */
    static String traceparentForTrace(String traceId) {
        HopTracing tracing = INSTALLED.get();
        return tracing == null ? TraceParents.forTrace(traceId) : tracing.parentInTrace(traceId);
    }

    private String parentInTrace(String traceId) {
        return TraceParents.forTrace(traceId, sampledAsNewTrace.test(traceId));
    }

    /**
     * Opens the span of a record's processing: a child of the record's traceparent (or of its envelope's trace).
     * Nested calls on the same thread (the next processors of the same sub-topology) get {@link Hop#NONE}, so a
     * hop is one span however many processors it runs through. The tags are built only for a span that is recorded
     * (a sampled trace's): for the others they would never be read.
     */
    public static Hop startHop(String name, Headers headers, Object value, Supplier<Map<String, String>> tags) {
        HopTracing tracing = INSTALLED.get();
        if (tracing == null || tracing.tracer.currentSpan() != null) {
            return Hop.NONE;
        }
        String parent = TraceParents.of(headers);
        if (parent == null) {
            Envelope envelope = Envelopes.of(value);
            if (envelope != null && TraceParents.isTraceId(envelope.getTraceId())) {
                parent = tracing.parentInTrace(envelope.getTraceId());
            }
        }
        return tracing.open(name, parent, Span.Kind.CONSUMER, tags);
    }

    /** Opens a client span in the given trace (a scheduled delivery of an event of that trace), or a new trace. */
    public static Hop continueTrace(String name, String traceId, Map<String, String> tags) {
        HopTracing tracing = INSTALLED.get();
        if (tracing == null) {
            return Hop.NONE;
        }
        return tracing.open(name, TraceParents.isTraceId(traceId) ? tracing.parentInTrace(traceId) : null,
                Span.Kind.CLIENT, () -> tags);
    }

    private Hop open(String name, String traceparent, Span.Kind kind, Supplier<Map<String, String>> tags) {
        Map<String, String> carrier = traceparent == null ? Map.of() : Map.of(TraceParents.HEADER, traceparent);
        Span span = propagator.extract(carrier, Map::get).name(name).kind(kind).start();
        if (!span.isNoop()) { // recorded: the sampler decided at start, which reads no tags of ours
            tags.get().forEach(span::tag);
        }
        Tracer.SpanInScope scope = tracer.withSpan(span);
        return new Hop() {
            @Override
            public void error(Throwable error) {
                span.error(error);
            }

            @Override
            public void close() {
                scope.close();
                span.end();
            }
        };
    }
}
