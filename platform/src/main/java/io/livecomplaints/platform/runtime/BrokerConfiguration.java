package io.livecomplaints.platform.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The project's one broker configuration, deploy/kafka/server.properties and server-sasl.properties, which the build
 * copies onto this package's classpath and the compose broker (deploy/kafka/kafka-start.sh) reads from the repository.
 */
final class BrokerConfiguration {

    private static final String ADMIN_PASSWORD = "${KAFKA_ADMIN_PASSWORD}";

    private BrokerConfiguration() {
    }

    /** The settings of every broker: a single KRaft node, replication factors of one, no topic auto-creation. */
    static List<String> singleNode() {
        return settings("kafka/server.properties");
    }

    /** SASL/SCRAM for clients, SASL/PLAIN for the controller, the StandardAuthorizer, admin the only super user. */
    static List<String> secured(String adminPassword) {
        return settings("kafka/server-sasl.properties").stream().map(line -> line.replace(ADMIN_PASSWORD, adminPassword)).toList();
    }

    private static List<String> settings(String resource) {
        try (InputStream in = BrokerConfiguration.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath (copied from deploy/kafka by the build)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
