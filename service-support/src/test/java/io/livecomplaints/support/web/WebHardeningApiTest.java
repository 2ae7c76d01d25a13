package io.livecomplaints.support.web;

import io.livecomplaints.schemas.auth.TokenClaims;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.security.AccessTokens;
import io.livecomplaints.testkit.security.BadTokens;
import io.livecomplaints.testkit.security.RawHttp;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What every service gets from service-support, over real HTTP on a real server with real tokens (issue 20):
 * tokens must carry exp and a bounded iat (#9); a body past the cap is 413 also when it is chunked (#3); JSON is read
 * strictly, a bad value is 400 naming the field (#10); every error is problem+json, also the ones Tomcat, the firewall
 * and the error page answer (#14); health shows details to operators only (#16).
 */
@SpringBootTest(classes = WebHardeningApiTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "complaints.security.jwt-secret=" + WebHardeningApiTest.SECRET,
        "spring.application.name=hardening-test",
        "complaints.topics.create=false",
        "complaints.api.request-max-bytes=4096"})
class WebHardeningApiTest {

    static final String SECRET = "test-secret-of-at-least-thirty-two-bytes-0123456789";

    @SpringBootApplication
    @RestController
    static class App {
        record Refund(long refundFen, int score, String note, Nested nested) {
        }

        record Nested(String reason) {
        }

        @PostMapping("/api/v1/refunds")
        String refund(@RequestBody Refund refund) {
            return "refund " + refund.refundFen() + " score " + refund.score() + " note " + refund.note();
        }

        @PostMapping("/api/v1/notes")
        String note(@RequestBody String note) {
            return "read " + note.length();
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final AccessTokens tokens = new AccessTokens(SECRET);

    @Test
    void tokensWithoutExpiryOrWithAnImplausibleIssueTimeAreRefused() throws Exception {
        long now = Instant.now().getEpochSecond();
        assertThat(post("/api/v1/notes", tokens.user("U-1"), "hi").statusCode()).isEqualTo(200);
        for (String token : new String[] {
                BadTokens.signed(SECRET, "HS256", TokenClaims.ISSUER, now, null),
                BadTokens.signed(SECRET, "HS256", TokenClaims.ISSUER, null, now + 3600),
                BadTokens.signed(SECRET, "HS256", TokenClaims.ISSUER, now + 3600, now + 7200),
                BadTokens.signed(SECRET, "HS256", TokenClaims.ISSUER, now - 48 * 3600, now + 3600)}) {
            HttpResponse<String> refused = post("/api/v1/notes", token, "hi");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertProblem(refused);
        }
        assertThat(post("/api/v1/notes", BadTokens.signed(SECRET, "HS256", TokenClaims.ISSUER, now - 3600, now + 3600), "hi")
                .statusCode()).as("issued an hour ago, valid another hour").isEqualTo(200);
    }

    @Test
    void aChunkedBodyPastTheCapIs413NotAServerError() throws Exception {
        String token = tokens.user("U-2");
        byte[] big = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(uri("/api/v1/notes"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertProblem(chunked);
        assertThat(chunked.body()).contains("larger than 4096 bytes");

        String json = "{\"refundFen\":1,\"score\":1,\"note\":\"" + "y".repeat(8000) + "\"}";
        HttpResponse<String> chunkedJson = http.send(HttpRequest.newBuilder(uri("/api/v1/refunds"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunkedJson.statusCode()).as(chunkedJson.body()).isEqualTo(413);
        assertThat(post("/api/v1/notes", token, "x".repeat(4000)).body()).isEqualTo("read 4000");
    }

    @Test
    void numbersAreNotCoercedAndKeysNotRepeated() throws Exception {
        String token = tokens.agent("A-1", "JUNIOR", "t");
        assertThat(postJson(token, "{\"refundFen\":100,\"score\":3,\"note\":\"ok\"}").body()).isEqualTo("refund 100 score 3 note ok");
        assertBadField(postJson(token, "{\"refundFen\":\"100\",\"score\":3}"), "refundFen");
        assertBadField(postJson(token, "{\"refundFen\":12.9,\"score\":3}"), "refundFen");
        assertBadField(postJson(token, "{\"refundFen\":100,\"score\":2.7}"), "score");
        assertBadField(postJson(token, "{\"refundFen\":100,\"score\":true}"), "score");
        assertBadField(postJson(token, "{\"refundFen\":100,\"note\":\"a\",\"note\":\"b\"}"), "note");
        assertBadField(postJson(token, "{\"refundFen\":100,\"nested\":{\"reason\":\"a\",\"reason\":\"b\"}}"), "nested.reason");
        assertBadField(postJson(token, "{\"refundFen\":100,\"score\":1} {\"refundFen\":200}"), "body");
        assertBadField(postJson(token, "[".repeat(2000) + "]".repeat(2000)), "body");
        assertBadField(postJson(token, "{\"refundFen\":"), "body");
    }

    @Test
    void everyErrorIsProblemJson() throws Exception {
        String token = tokens.operator("ops-1");
        for (String path : new String[] {"/api/v1/nowhere", "/api/v1/a%2Fb", "/api/v1/a%00b", "/api/v1/a%252Fb",
                "/api/v1/;jsessionid=1", "/api/v1/../../etc/passwd", "/" + "p".repeat(20_000)}) {
            RawHttp.Response response = raw("GET", path, token);
            assertThat(response.statusCode()).as(path).isBetween(400, 499);
            assertThat(response.isProblemJson()).as(path + " → " + response).isTrue();
            assertThat(response.body()).as(path).contains("\"status\":" + response.statusCode())
                    .doesNotContain("<html", "Apache Tomcat", "\"error\":", "\"timestamp\"");
        }
        for (String method : new String[] {"TRACE", "DELETE", "PATCH"}) {
            RawHttp.Response response = raw(method, "/api/v1/notes", token);
            assertThat(response.statusCode()).as(method).isBetween(400, 499);
            assertThat(response.isProblemJson()).as(method + " → " + response).isTrue();
        }
    }

    @Test
    void healthShowsItsDetailsOnlyToOperators() throws Exception {
        RawHttp.Response open = raw("GET", "/actuator/health", null);
        assertThat(open.body()).contains("\"status\"").doesNotContain("components", "details", "diskSpace", "path");
        RawHttp.Response asUser = raw("GET", "/actuator/health", tokens.user("U-3"));
        assertThat(asUser.body()).doesNotContain("components", "diskSpace");
        RawHttp.Response asOperator = raw("GET", "/actuator/health", tokens.operator("ops-2"));
        assertThat(asOperator.body()).contains("components", "diskSpace");
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).as(response.uri() + " " + response.body())
                .hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + response.statusCode());
    }

    private static void assertBadField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertProblem(response);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/refunds")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Over a plain socket: the JDK client refuses TRACE and normalises some paths; a hostile client does not. */
    private RawHttp.Response raw(String method, String path, String token) throws Exception {
        return RawHttp.send(port, method, path, token);
    }
}
