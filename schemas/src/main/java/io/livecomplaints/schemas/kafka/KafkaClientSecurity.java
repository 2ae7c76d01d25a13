package io.livecomplaints.schemas.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How our Kafka clients authenticate, from the environment only (docs/security.md): {@code PLAINTEXT} unless
 * {@code COMPLAINTS_KAFKA_SECURITY_PROTOCOL} says {@code SASL_PLAINTEXT} or {@code SASL_SSL}; then SCRAM-SHA-512
 * (or {@code COMPLAINTS_KAFKA_SASL_MECHANISM}) with {@code COMPLAINTS_KAFKA_USERNAME} and
 * {@code COMPLAINTS_KAFKA_PASSWORD}. Every client we create (services through Spring's {@code spring.kafka.properties},
 * the schema registry, the simulator) adds {@link #clientProperties()} to its own configuration.
 */
public record KafkaClientSecurity(String protocol, String mechanism, String username, String password) {

    public static final String PROTOCOL_ENV = "COMPLAINTS_KAFKA_SECURITY_PROTOCOL";
    public static final String MECHANISM_ENV = "COMPLAINTS_KAFKA_SASL_MECHANISM";
    public static final String USERNAME_ENV = "COMPLAINTS_KAFKA_USERNAME";
    public static final String PASSWORD_ENV = "COMPLAINTS_KAFKA_PASSWORD";
    public static final String SCRAM_SHA_512 = "SCRAM-SHA-512";

    public static final KafkaClientSecurity PLAINTEXT = new KafkaClientSecurity("PLAINTEXT", null, null, null);

    public KafkaClientSecurity {
        protocol = protocol == null || protocol.isBlank() ? "PLAINTEXT" : protocol.strip().toUpperCase(Locale.ROOT);
        if (protocol.startsWith("SASL_")) {
            mechanism = mechanism == null || mechanism.isBlank() ? SCRAM_SHA_512 : mechanism.strip();
            if (username == null || username.isBlank() || password == null || password.isEmpty()) {
                throw new IllegalArgumentException(protocol + " needs " + USERNAME_ENV + " and " + PASSWORD_ENV);
            }
        }
    }

    /** SCRAM-SHA-512 over SASL_PLAINTEXT as this principal. */
    public static KafkaClientSecurity scram(String username, String password) {
        return new KafkaClientSecurity("SASL_PLAINTEXT", SCRAM_SHA_512, username, password);
    }

    /** From this process's environment variables. */
    public static KafkaClientSecurity fromEnvironment() {
        return from(System::getenv);
    }

    /** From a lookup of the environment variable names above (e.g. a Spring Environment). */
    public static KafkaClientSecurity from(UnaryOperator<String> lookup) {
        return new KafkaClientSecurity(lookup.apply(PROTOCOL_ENV), lookup.apply(MECHANISM_ENV), lookup.apply(USERNAME_ENV),
                lookup.apply(PASSWORD_ENV));
    }

    public boolean sasl() {
        return protocol.startsWith("SASL_");
    }

    /** The client properties: nothing for PLAINTEXT, else security.protocol, sasl.mechanism and sasl.jaas.config. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>();
        if (!"PLAINTEXT".equals(protocol)) {
            properties.put("security.protocol", protocol);
        }
        if (sasl()) {
            properties.put("sasl.mechanism", mechanism);
            String module = mechanism.startsWith("SCRAM") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                    : "org.apache.kafka.common.security.plain.PlainLoginModule";
            properties.put("sasl.jaas.config", module + " required username=\"" + escape(username) + "\" password=\""
                    + escape(password) + "\";");
        }
        return properties;
    }

    /** {@code base} plus {@link #clientProperties()}. */
    public Map<String, Object> applyTo(Map<String, ?> base) {
        Map<String, Object> merged = new HashMap<>(base);
        merged.putAll(clientProperties());
        return merged;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "KafkaClientSecurity[" + protocol + (sasl() ? " " + mechanism + " as " + username : "") + "]";
    }
}
