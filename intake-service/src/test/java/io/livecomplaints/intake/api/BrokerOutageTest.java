package io.livecomplaints.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.TestPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A broker that really goes away: intake runs against its own embedded broker, which the test stops. A complaint is
 * then answered 503 with Retry-After (nothing acknowledged without a durable write), within the producer's timeouts.
 * Kafka Streams is not started here (it would share the state directory of the main test context); enrichment
 * then records the upstream data as missing, which is what it does whenever its stores cannot be read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.kafka.streams.auto-startup=false")
@DirtiesContext
class BrokerOutageTest {

    private static EmbeddedKafkaKraftBroker broker;

    @DynamicPropertySource
    static void ownBroker(DynamicPropertyRegistry registry) {
        TestPlatform.register(registry);
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1"));
        broker.afterPropertiesSet();
        registry.add("spring.kafka.bootstrap-servers", broker::getBrokersAsString);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.destroy();
        }
    }

    @LocalServerPort
    int port;

    private HttpResponse<String> file(String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/complaints"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TestPlatform.get().tokens().user(user))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"APP_CHAT\",\"text\":\"扣款两次\"}", StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whenTheBrokerIsGoneTheAnswerIs503NotASilentDrop() throws Exception {
        assertThat(file("U-outage-1").statusCode()).as("while the broker is up").isEqualTo(202);

        broker.destroy();
        broker = null;
        HttpResponse<String> response = file("U-outage-2");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("nothing was filed");
    }
}
