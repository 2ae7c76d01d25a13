package io.livecomplaints.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One analytics service on the shared real broker and registry, for every integration test class (one cached Spring
 * context). Each test class works in its own past hour (events carry their occurredAt) and with its own merchant,
 * team and session ids, so its figures are exact whatever the other classes wrote. Grace is wide enough that those
 * past events still count in their windows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "complaints.analytics.grace=40d",
        "complaints.analytics.metrics.refresh=500ms",
        "complaints.analytics.review.min-complaints=2",
        // a newly joined instance takes its share at once instead of warming up first (two-instance test)
        "spring.kafka.streams.properties.acceptable.recovery.lag=1000000"})
public abstract class AnalyticsServiceTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Map<String, TopicWriter<?>> WRITERS = new ConcurrentHashMap<>();
    protected static final HttpClient HTTP = HttpClient.newHttpClient();
    protected static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        TestPlatform.register(registry);
    }

    @LocalServerPort
    protected int port;

    /** Midnight UTC some days ago plus hours: each test class's own, hour-aligned past. */
    protected static Instant daysAgo(int days, int hour) {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(days)).plus(Duration.ofHours(hour));
    }

    @SuppressWarnings("unchecked")
    protected static <V> void write(Topic<String, V> topic, String key, V value) {
        ((TopicWriter<V>) WRITERS.computeIfAbsent(topic.name(), name -> TestPlatform.get().writer(topic))).send(key, value);
    }

    protected static String operator() {
        return TestPlatform.get().tokens().operator("ops-1");
    }

    protected HttpResponse<String> get(int port, String pathAndQuery, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls an API (as an operator) until its JSON satisfies the condition; returns that JSON, or fails with the last answers. */
    protected JsonNode await(int port, String pathAndQuery, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(port, pathAndQuery, operator());
            if (response.statusCode() == 200) {
                JsonNode body = JSON.readTree(response.body());
                if (condition.test(body)) {
                    return body;
                }
            }
            seen.add(response.statusCode() + " " + response.body());
            Thread.sleep(300); // polling an HTTP API, not waiting for a timer
        }
        throw new AssertionError("no answer of " + pathAndQuery + " satisfied the condition within " + PATIENCE + "; last: "
                + seen.subList(Math.max(0, seen.size() - 2), seen.size()));
    }

    protected JsonNode await(String pathAndQuery, Predicate<JsonNode> condition) throws Exception {
        return await(port, pathAndQuery, condition);
    }

    protected static String period(Instant from, Instant to) {
        return "from=" + from + "&to=" + to;
    }

    protected static void assertJson(JsonNode actual, String expectedJson) throws IOException {
        assertThat(actual).isEqualTo(JSON.readTree(expectedJson));
    }
}
