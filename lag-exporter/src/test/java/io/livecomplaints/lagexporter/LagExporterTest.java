package io.livecomplaints.lagexporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.livecomplaints.testkit.TestPlatform;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The exporter against a real (embedded KRaft) broker: a group that committed part of a topic shows the rest as lag
 * on /actuator/prometheus, per topic summed over partitions; the lag follows new commits and new records, stays when
 * no consumer is alive (that is the point of reading it from the broker), and disappears with the group. Readiness
 * probes follow the endpoint they probe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LagExporterTest {

    private static final String TOPIC = "lag-exporter-test-" + UUID.randomUUID();
    private static final String GROUP = "lag-exporter-test-group-" + UUID.randomUUID();
    private static final AtomicInteger readiness = new AtomicInteger(200);
    private static final HttpServer probed = startProbedService();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("complaints.lag-exporter.bootstrap-servers", () -> TestPlatform.get().bootstrapServers());
        registry.add("complaints.lag-exporter.interval", () -> "300ms");
        registry.add("complaints.lag-exporter.readiness", () -> "intake-service=http://127.0.0.1:"
                + probed.getAddress().getPort() + "/actuator/health/readiness");
    }

    @AfterAll
    static void stopProbedService() {
        probed.stop(0);
    }

    @Test
    void aGroupsUncommittedRecordsAreItsLagPerTopicFromTheBrokersSide() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestPlatform.get().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
            produce(TOPIC, 0, 6);
            produce(TOPIC, 1, 4);
            // a consumer group that read 2 of partition 0 and 1 of partition 1, then died: 7 left
            admin.alterConsumerGroupOffsets(GROUP, Map.of(new TopicPartition(TOPIC, 0), new OffsetAndMetadata(2),
                    new TopicPartition(TOPIC, 1), new OffsetAndMetadata(1))).all().get();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lag()).isEqualTo("7.0"));

            produce(TOPIC, 1, 3);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lag()).isEqualTo("10.0"));

            admin.alterConsumerGroupOffsets(GROUP, Map.of(new TopicPartition(TOPIC, 0), new OffsetAndMetadata(6),
                    new TopicPartition(TOPIC, 1), new OffsetAndMetadata(7))).all().get();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lag()).isEqualTo("0.0"));

            admin.deleteConsumerGroups(List.of(GROUP)).all().get();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lag()).isNull());
            assertThat(scrape()).contains("lag_exporter_last_success_timestamp_seconds");
        }
    }

    @Test
    void readinessFollowsTheProbedEndpoint() {
        readiness.set(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(scrape()).contains("complaints_service_ready{application=\"lag-exporter\",service=\"intake-service\"} 1.0"));
        readiness.set(503);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(scrape()).contains("complaints_service_ready{application=\"lag-exporter\",service=\"intake-service\"} 0.0"));
        readiness.set(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(scrape()).contains("complaints_service_ready{application=\"lag-exporter\",service=\"intake-service\"} 1.0"));
    }

    /** The value of kafka_consumergroup_lag for the test's group and topic, or null when it is not exposed. */
    private String lag() throws Exception {
        String prefix = "kafka_consumergroup_lag{application=\"lag-exporter\",group=\"" + GROUP + "\",topic=\"" + TOPIC + "\"} ";
        return scrape().lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .findFirst().orElse(null);
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static void produce(String topic, int partition, int count) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", TestPlatform.get().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, "k" + i, "v" + i));
            }
            producer.flush();
        }
    }

    private static HttpServer startProbedService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/actuator/health/readiness", exchange -> {
                exchange.sendResponseHeaders(readiness.get(), -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
