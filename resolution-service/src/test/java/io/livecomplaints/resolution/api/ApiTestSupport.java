package io.livecomplaints.resolution.api;

import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The resolution service on the shared real broker and registry (one Spring context for every API test class), with
 * helpers to open cases through complaints-triaged and call the API over real HTTP with real tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTestSupport {

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);
    protected static final String TEAM = "after-sales";

    @DynamicPropertySource
    protected static void platform(DynamicPropertyRegistry registry) {
        TestPlatform.register(registry);
    }

    @LocalServerPort
    protected int port;

    final HttpClient http = HttpClient.newHttpClient();

    static String newId() {
        return "C-test-" + UUID.randomUUID().toString().substring(0, 12);
    }

    static String junior(String id) {
        return TestPlatform.get().tokens().agent(id, "JUNIOR", TEAM);
    }

    static String agent(String id, String tier) {
        return TestPlatform.get().tokens().agent(id, tier, TEAM);
    }

    static String supervisor(String id) {
        return TestPlatform.get().tokens().supervisor(id, "SUPERVISOR");
    }

    /** Writes the triaged complaint and waits until its case can be read through the API. */
    void open(ComplaintTriaged triaged) throws Exception {
        try (TopicWriter<ComplaintTriaged> writer = TestPlatform.get().writer(TestPlatform.get().topics().complaintsTriaged)) {
            writer.send(triaged.getEnvelope().getComplaintId(), triaged);
        }
        awaitStatus("/api/v1/cases/" + triaged.getEnvelope().getComplaintId(), supervisor("S-reader"), 200);
    }

    protected HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String json) throws Exception {
        return post(path, token, json, null);
    }

    HttpResponse<String> post(String path, String token, String json, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls a GET until it answers {@code status} (the case replica catches up asynchronously). */
    protected HttpResponse<String> awaitStatus(String path, String token, int status) throws Exception {
        return awaitBody(path, token, status, "");
    }

    protected HttpResponse<String> awaitBody(String path, String token, int status, String contains) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        HttpResponse<String> last;
        do {
            last = get(path, token);
            if (last.statusCode() == status && last.body().contains(contains)) {
                return last;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("GET " + path + " did not answer " + status + " with " + contains + "; last: "
                + last.statusCode() + " " + last.body());
    }

    static String field(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
