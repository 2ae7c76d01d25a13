package io.livecomplaints.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
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
