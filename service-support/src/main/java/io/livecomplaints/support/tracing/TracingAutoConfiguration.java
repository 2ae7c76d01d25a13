package io.livecomplaints.support.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Hands the service's Micrometer tracer and W3C propagator to the Kafka-instantiated tracing pieces
 * ({@link TracingProcessorWrapper}, the producer interceptors) before Kafka Streams starts. The tracer itself, the
 * HTTP server spans, the KafkaTemplate's produce spans and the OTLP exporter (off until
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} is set) are Spring Boot's, and so is the sampler,
 * which the hops ask about traces known only by their id.
 */
@AutoConfiguration
@ConditionalOnClass({Tracer.class, Propagator.class})
public class TracingAutoConfiguration {

    @Bean
    HopTracingInstaller hopTracingInstaller(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                                            ObjectProvider<Sampler> sampler) {
        return new HopTracingInstaller(tracer, propagator, sampler);
    }

    /**
     * Whether the sampler records a new trace with the given id, as it decided for the trace's root span (Spring
     * Boot's default sampler: parent-based, {@code management.tracing.sampling.probability} of the trace ids for a
     * root). Without a sampler bean every such trace is sampled.
     */
    static Predicate<String> sampledAsNewTrace(Sampler sampler) {
        if (sampler == null) {
            return traceId -> true;
        }
        return traceId -> sampler.shouldSample(Context.root(), traceId, "trace", SpanKind.INTERNAL, Attributes.empty(),
                List.of()).getDecision() == SamplingDecision.RECORD_AND_SAMPLE;
    }

    static final class HopTracingInstaller implements SmartInitializingSingleton, DisposableBean {
        private final ObjectProvider<Tracer> tracer;
        private final ObjectProvider<Propagator> propagator;
        private final ObjectProvider<Sampler> sampler;
        private HopTracing installed;

        HopTracingInstaller(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                            ObjectProvider<Sampler> sampler) {
            this.tracer = tracer;
            this.propagator = propagator;
            this.sampler = sampler;
        }

        @Override
        public void afterSingletonsInstantiated() {
            Tracer t = tracer.getIfUnique();
            Propagator p = propagator.getIfUnique();
            if (t != null && p != null && t != Tracer.NOOP && p != Propagator.NOOP) {
                installed = new HopTracing(t, p, sampledAsNewTrace(sampler.getIfUnique()));
                HopTracing.install(installed);
            }
        }

        @Override
        public void destroy() {
            if (installed != null) {
                HopTracing.uninstall(installed);
            }
        }
    }
}
