package io.livecomplaints.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.schemas.serde.RegistryTls;
import io.livecomplaints.schemas.serde.SerdeConfig;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Issue 18 #5: the registry's trust store and read credential, set once as environment variables
 * (COMPLAINTS_SCHEMA_REGISTRY_SSL_TRUSTSTORE_*, COMPLAINTS_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO), reach every serde
 * a service configures (producer, listener consumer, Kafka Streams) under Confluent's names, as Spring resolves the
 * shared defaults; without them, the serdes get no TLS settings and no credential.
 */
class RegistryClientSettingsTest {

    @Test
    void environmentSettingsReachEverySerde() throws Exception {
        StandardEnvironment environment = environment(Map.of(
                "COMPLAINTS_SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", "/etc/registry/trust.p12",
                "COMPLAINTS_SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", "from-a-secret",
                "COMPLAINTS_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "reader:from-a-secret"));
        for (String client : new String[] {"producer", "consumer", "streams"}) {
            Map<String, Object> serde = serdeProperties(environment, client);
            RegistryTls tls = SerdeConfig.tls(serde);
            assertThat(tls).as(client).isNotNull();
            assertThat(tls.trustStore()).as(client).isEqualTo(new RegistryTls.Store("/etc/registry/trust.p12", "from-a-secret", "PKCS12"));
            assertThat(serde).as(client).containsEntry(SerdeConfig.BASIC_AUTH_USER_INFO, "reader:from-a-secret");
        }
    }

    @Test
    void withoutThemTheSerdesUsePlainDefaults() throws Exception {
        StandardEnvironment environment = environment(Map.of());
        for (String client : new String[] {"producer", "consumer", "streams"}) {
            Map<String, Object> serde = serdeProperties(environment, client);
            assertThat(SerdeConfig.tls(serde)).as(client).isNull();
            assertThat(serde.get(SerdeConfig.BASIC_AUTH_USER_INFO)).as(client).isEqualTo("");
            assertThat(serde).as(client).containsEntry(SerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:8081");
        }
    }

    private static StandardEnvironment environment(Map<String, Object> variables) throws Exception {
        Properties defaults = new Properties();
        try (InputStream in = getDefaults()) {
            defaults.load(in);
        }
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource("env", variables));
        sources.addLast(new PropertiesPropertySource("service-defaults", defaults));
        return environment;
    }

    private static InputStream getDefaults() {
        return RegistryClientSettingsTest.class.getClassLoader().getResourceAsStream("io/livecomplaints/support/service-defaults.properties");
    }

    /** {@code spring.kafka.<client>.properties.*} resolved, as Spring hands them to the client and its serdes. */
    private static Map<String, Object> serdeProperties(StandardEnvironment environment, String client) throws Exception {
        String prefix = "spring.kafka." + client + ".properties.";
        Properties defaults = new Properties();
        try (InputStream in = getDefaults()) {
            defaults.load(in);
        }
        Map<String, Object> resolved = new HashMap<>();
        defaults.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> resolved.put(k.substring(prefix.length()), environment.getProperty(k)));
        return resolved;
    }
}
