package io.livecomplaints.support;

import io.livecomplaints.schemas.kafka.KafkaClientSecurity;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the defaults every service shares (serdes, exactly-once, DLT handlers, actuator exposure) as the
 * lowest-precedence property source, so each service's application.yml only says what is its own.
 */
public class ServiceDefaultsPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "io/livecomplaints/support/service-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Kafka SASL/SCRAM from COMPLAINTS_KAFKA_* only: into spring.kafka.properties.*, which Spring gives every
        // client it builds (producers, consumers, admin/topic creation, Kafka Streams, the health check's admin)
        Map<String, Object> kafkaSecurity = new HashMap<>();
        KafkaClientSecurity.from(environment::getProperty).clientProperties()
                .forEach((key, value) -> kafkaSecurity.put("spring.kafka.properties." + key, value));
        if (!kafkaSecurity.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("live-complaints-kafka-security", kafkaSecurity));
        }
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("live-complaints-service-defaults",
                    new ClassPathResource(DEFAULTS, ServiceDefaultsPostProcessor.class.getClassLoader())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
        // Avro 1.12 decodes only into trusted packages; ours are generated under io.livecomplaints.
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.livecomplaints,java.lang,java.util");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
