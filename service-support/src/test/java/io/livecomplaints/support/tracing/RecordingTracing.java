package io.livecomplaints.support.tracing;

import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real OpenTelemetry SDK tracer behind Micrometer's bridge, as Spring Boot builds it, recording ended spans. */
final class RecordingTracing implements AutoCloseable {

    final List<SpanData> spans = new CopyOnWriteArrayList<>();
    final OtelTracer tracer;
    final OtelPropagator propagator;
    private final SdkTracerProvider provider;
    private final HopTracing hopTracing;

    /** Every trace recorded: what {@code management.tracing.sampling.probability=1.0} configures. */
    RecordingTracing() {
        this(1.0);
    }

    /** The sampler Spring Boot builds for {@code management.tracing.sampling.probability}. */
    RecordingTracing(double probability) {
        Sampler sampler = Sampler.parentBased(Sampler.traceIdRatioBased(probability));
        provider = SdkTracerProvider.builder().setSampler(sampler).addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> batch) {
                spans.addAll(batch);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        })).build();
        io.opentelemetry.api.trace.Tracer otel = provider.get("test");
        tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
        propagator = new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
        hopTracing = new HopTracing(tracer, propagator, TracingAutoConfiguration.sampledAsNewTrace(sampler));
        HopTracing.install(hopTracing);
    }

    @Override
    public void close() {
        HopTracing.uninstall(hopTracing);
        provider.close();
    }
}
