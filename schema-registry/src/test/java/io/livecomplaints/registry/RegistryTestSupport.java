package io.livecomplaints.registry;

import io.livecomplaints.schemas.compat.CompatibilityLevel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** One embedded KRaft broker per test JVM, and registries started on it over real HTTP. */
final class RegistryTestSupport {

    private static EmbeddedKafkaKraftBroker broker;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RegistryTestSupport() {
    }

    static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1", "group.initial.rebalance.delay.ms", "0"));
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        }
        return broker.getBrokersAsString();
    }

    static SchemaRegistryApplication startRegistry(String topic) throws IOException {
        return SchemaRegistryApplication.start(new SchemaRegistryApplication.Config(bootstrapServers(), "127.0.0.1", 0,
                topic, (short) 1, CompatibilityLevel.BACKWARD));
    }

    record Response(int status, String body) {
    }

    static Response call(String method, String url, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Confluent request body for a schema. */
    static String schemaBody(String schema) {
        return "{\"schema\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(schema) + "}";
    }
}
