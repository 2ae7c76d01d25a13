package io.livecomplaints.minimalintake;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.TestPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The yardstick does what intake's endpoint must do at the least, on the same checks: token, JSON, durable record. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MinimalComplaintControllerTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String BODY = "{\"channel\":\"ORDER_PAGE\",\"orderId\":\"O-1\",\"text\":\"要求退款\",\"demands\":[\"REFUND\"]}";

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        TestPlatform.register(registry);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aUsersComplaintIsWrittenAsOneRecordBeforeThe202() throws Exception {
        HttpResponse<String> answer = post(TestPlatform.get().tokens().user("U-minimal-1"), BODY);

        assertThat(answer.statusCode()).isEqualTo(202);
        String complaintId = JSON.readTree(answer.body()).path("complaintId").asString();
        assertThat(complaintId).startsWith("C-");
        JsonNode record = JSON.readTree(recordOf(complaintId));
        assertThat(record.path("userId").asString()).isEqualTo("U-minimal-1");
        assertThat(record.path("complaint").path("orderId").asString()).isEqualTo("O-1");
        assertThat(record.path("complaint").path("text").asString()).isEqualTo("要求退款");
    }

    @Test
    void withoutAValidTokenNothingIsAccepted() throws Exception {
        assertThat(post(null, BODY).statusCode()).isEqualTo(401);
        assertThat(post("not-a-jwt", BODY).statusCode()).isEqualTo(401);
        assertThat(post(new io.livecomplaints.testkit.security.AccessTokens("another-secret-of-at-least-32-bytes-length!!")
                .user("U-minimal-2"), BODY).statusCode()).isEqualTo(401);
    }

    @Test
    void theRolesAreIntakes() throws Exception {
        assertThat(post(TestPlatform.get().tokens().agent("A-1", "L1", "general"), BODY).statusCode()).isEqualTo(403);
        assertThat(post(TestPlatform.get().tokens().system("hotline"), BODY).statusCode()).isEqualTo(202);
    }

    @Test
    void aBodyThatIsNotJsonIsA400() throws Exception {
        assertThat(post(TestPlatform.get().tokens().user("U-minimal-3"), "{not json").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/complaints"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The value of the topic's record keyed {@code complaintId} (read from the beginning, bounded). */
    private static byte[] recordOf(String complaintId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestPlatform.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "minimal-intake-test-" + complaintId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("bench-minimal-complaints"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<String> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key().equals(complaintId)) {
                        return r.value();
                    }
                    seen.add(r.key());
                }
            }
            throw new AssertionError("no record " + complaintId + " within 30 s; saw " + seen);
        }
    }
}
