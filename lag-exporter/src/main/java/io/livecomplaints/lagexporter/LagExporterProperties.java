package io.livecomplaints.lagexporter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.lag-exporter.*}: the cluster to read and how, how often, and which readiness endpoints to probe.
 *
 * @param bootstrapServers the brokers
 * @param securityProtocol PLAINTEXT, or SASL_PLAINTEXT/SASL_SSL with {@code saslMechanism} SCRAM-SHA-512
 * @param username SCRAM user (a principal allowed to DESCRIBE every group and topic)
 * @param password its password, from the environment only
 * @param interval time between two readings of the offsets and the readiness endpoints
 * @param readiness {@code service=url} of each readiness endpoint to probe, e.g.
 *                  {@code intake-service=http://intake-service:8080/actuator/health/readiness} (a list, so that one
 *                  environment variable, COMPLAINTS_LAG_EXPORTER_READINESS, comma-separated, can hold them all)
 */
@ConfigurationProperties("complaints.lag-exporter")
public record LagExporterProperties(String bootstrapServers, String securityProtocol, String saslMechanism,
                                    String username, String password, Duration interval, List<String> readiness) {

    public LagExporterProperties {
        securityProtocol = securityProtocol == null || securityProtocol.isBlank() ? "PLAINTEXT" : securityProtocol;
        saslMechanism = saslMechanism == null || saslMechanism.isBlank() ? "SCRAM-SHA-512" : saslMechanism;
        interval = interval == null ? Duration.ofSeconds(15) : interval;
        readiness = readiness == null ? List.of() : List.copyOf(readiness);
    }

    /** service → readiness URL. */
    Map<String, String> readinessTargets() {
        Map<String, String> targets = new LinkedHashMap<>();
        for (String entry : readiness) {
            int equals = entry.indexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw new IllegalArgumentException("complaints.lag-exporter.readiness: expected service=url, got " + entry);
            }
            targets.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
        }
        return targets;
    }

    /** The Admin client's configuration. */
    Map<String, Object> adminConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("client.id", "lag-exporter");
        config.put("security.protocol", securityProtocol);
        config.put("request.timeout.ms", 10_000);
        config.put("default.api.timeout.ms", 15_000);
        if (securityProtocol.startsWith("SASL")) {
            config.put("sasl.mechanism", saslMechanism);
            config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                    + username + "\" password=\"" + password + "\";");
        }
        return config;
    }
}
