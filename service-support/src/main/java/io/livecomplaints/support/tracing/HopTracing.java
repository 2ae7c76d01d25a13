package io.livecomplaints.support.tracing;

import io.livecomplaints.events.Envelope;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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

    HopTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
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

    /** The traceparent of the span in scope on this thread, or null. */
    public static String currentTraceparent() {
        HopTracing tracing = INSTALLED.get();
        TraceContext context = currentContext();
        if (tracing == null || context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        tracing.propagator.inject(context, carrier, Map::put);
        return TraceParents.traceIdOf(carrier.get(TraceParents.HEADER)) == null ? null : carrier.get(TraceParents.HEADER);
    }

    private static TraceContext currentContext() {
        HopTracing tracing = INSTALLED.get();
        Span span = tracing == null ? null : tracing.tracer.currentSpan();
        return span == null || !TraceParents.isTraceId(span.context().traceId()) ? null : span.context();
    }

    /**
     * Opens the span of a record's processing: a child of the record's traceparent (or of its envelope's trace).
     * Nested calls on the same thread (the next processors of the same sub-topology) get {@link Hop#NONE}, so a
     * hop is one span however many processors it runs through.
     */
    public static Hop startHop(String name, Headers headers, Object value, Map<String, String> tags) {
        HopTracing tracing = INSTALLED.get();
        if (tracing == null || tracing.tracer.currentSpan() != null) {
            return Hop.NONE;
        }
        String parent = TraceParents.of(headers);
        if (parent == null) {
            Envelope envelope = Envelopes.of(value);
            if (envelope != null && TraceParents.isTraceId(envelope.getTraceId())) {
                parent = TraceParents.forTrace(envelope.getTraceId());
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
        return tracing.open(name, TraceParents.isTraceId(traceId) ? TraceParents.forTrace(traceId) : null,
                Span.Kind.CLIENT, tags);
    }

    private Hop open(String name, String traceparent, Span.Kind kind, Map<String, String> tags) {
        Map<String, String> carrier = traceparent == null ? Map.of() : Map.of(TraceParents.HEADER, traceparent);
        Span.Builder builder = propagator.extract(carrier, Map::get).name(name).kind(kind);
        tags.forEach(builder::tag);
        Span span = builder.start();
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
