package io.livecomplaints.support.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
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
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} is set) are Spring Boot's.
 */
@AutoConfiguration
@ConditionalOnClass({Tracer.class, Propagator.class})
public class TracingAutoConfiguration {

    @Bean
    HopTracingInstaller hopTracingInstaller(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new HopTracingInstaller(tracer, propagator);
    }

    static final class HopTracingInstaller implements SmartInitializingSingleton, DisposableBean {
        private final ObjectProvider<Tracer> tracer;
        private final ObjectProvider<Propagator> propagator;
        private HopTracing installed;

        HopTracingInstaller(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
            this.tracer = tracer;
            this.propagator = propagator;
        }

        @Override
        public void afterSingletonsInstantiated() {
            Tracer t = tracer.getIfUnique();
            Propagator p = propagator.getIfUnique();
            if (t != null && p != null && t != Tracer.NOOP && p != Propagator.NOOP) {
                installed = new HopTracing(t, p);
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
