package io.livecomplaints.support.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.security.AccessTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The limits every service's API gets (ApiLimitsFilter, auto-configured with the bearer-token security), over real
 * HTTP on a real server with small values: per caller, past the rate → 429 problem+json with Retry-After and other
 * callers unaffected; a body announced over the cap → 413; actuator and other non-API paths are never limited.
 */
@SpringBootTest(classes = ApiLimitsFilterTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "complaints.security.jwt-secret=" + ApiLimitsFilterTest.SECRET,
        "spring.application.name=limits-test",
        "complaints.topics.create=false",
        "complaints.api.rate-limit.limit=5",
        "complaints.api.rate-limit.period=1h",
        "complaints.api.request-max-bytes=2048"})
class ApiLimitsFilterTest {

    static final String SECRET = "test-secret-of-at-least-thirty-two-bytes-0123456789";

    @SpringBootApplication
    @RestController
    static class App {
        @GetMapping("/api/v1/echo")
        String echo() {
            return "ok";
        }

        @PostMapping("/api/v1/echo")
        String echo(@RequestBody String body) {
            return "read " + body.length();
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final AccessTokens tokens = new AccessTokens(SECRET);

    @Test
    void aCallerPastItsRateIsToldWhenToRetryAndOthersAreNotLimited() throws Exception {
        String busy = tokens.operator("ops-busy");
        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/v1/echo", busy).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = get("/api/v1/echo", busy);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(refused.body()).contains("\"status\":429");
        assertThat(get("/api/v1/echo", tokens.user("U-calm")).statusCode()).as("another caller").isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            assertThat(get("/actuator/info", null).statusCode()).as("actuator paths are not the API: never limited").isEqualTo(200);
        }
    }

    @Test
    void aBodyOverTheCapIsRefusedBeforeItIsRead() throws Exception {
        String token = tokens.user("U-big");
        HttpResponse<String> refused = post(token, "x".repeat(4000));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(post(token, "x".repeat(1000)).body()).as("under the cap the request goes on").isEqualTo("read 1000");
    }

    @Test
    void withoutAValidTokenTheLimitsAreNeverReachedTheAnswerIs401() throws Exception {
        assertThat(get("/api/v1/echo", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/echo"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
