package io.livecomplaints.intake.api;

import static org.awaitility.Awaitility.await;

import io.livecomplaints.intake.kafka.IntakeQueries;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.testkit.TestPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake service on the shared real broker and registry, over real HTTP. Every API test class extends this, so
 * Spring builds the context once. Users are unique per test (per-user rate limits, idempotency scopes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "complaints.intake.rate-limit.per-user.limit=10",
        "complaints.intake.rate-limit.per-user.period=1h",
        "complaints.intake.rate-limit.per-ip.limit=100000",
        "complaints.api.request-max-bytes=16384"})
abstract class IntakeApiTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        TestPlatform.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    StreamsBuilderFactoryBean streams;

    @Autowired
    IntakeQueries queries;

    final HttpClient http = HttpClient.newHttpClient();
    final Topics topics = TestPlatform.get().topics();

    @BeforeEach
    void streamsRunning() {
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.getKafkaStreams() != null
                && streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
    }

    static String newUser() {
        return "U-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String userToken(String userId) {
        return TestPlatform.get().tokens().user(userId);
    }

    HttpResponse<String> post(String token, String json) throws Exception {
        return post(token, json, null);
    }

    HttpResponse<String> post(String token, String json, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/complaints"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String complaintId(HttpResponse<String> response) {
        return json(response).path("complaintId").asString();
    }
}
