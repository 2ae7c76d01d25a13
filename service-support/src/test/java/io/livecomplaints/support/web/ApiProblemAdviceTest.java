package io.livecomplaints.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.security.AccessTokens;
import io.livecomplaints.support.kafka.publish.DurablePublisher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one problem+json style over real HTTP: what controllers throw, a publish that failed, a bad parameter, and what
 * the filters write, byte for byte as Spring MVC writes a ProblemDetail with Jackson 3 (standard members sorted, the
 * default type about:blank left out, then the extra members in the order they were added).
 */
@SpringBootTest(classes = ApiProblemAdviceTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "complaints.security.jwt-secret=" + ApiProblemAdviceTest.SECRET,
        "spring.application.name=problems-test",
        "complaints.topics.create=false",
        "complaints.api.rate-limit.limit=1000"})
class ApiProblemAdviceTest {

    static final String SECRET = "test-secret-of-at-least-thirty-two-bytes-0123456789";

    @SpringBootApplication
    @RestController
    static class App {
        @GetMapping("/api/v1/surveys/{id}")
        String survey(@PathVariable String id) {
            throw switch (id) {
                case "missing" -> ApiProblem.notFound("Not found", "No survey for this complaint");
                case "answered" -> ApiProblem.conflict("Already answered", "This survey was answered already");
                case "reused" -> ApiProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", "use a new key")
                        .with("complaintId", "C-9");
                case "invalid" -> ApiProblem.invalid("Invalid complaint", List.of(new ApiProblem.FieldError("orderId", "is required"),
                        new ApiProblem.FieldError("text", "is too long"), new ApiProblem.FieldError("text", "is blank")));
                case "starting" -> ApiProblem.unavailable("Intake unavailable", "Intake is starting").retryAfter(5);
                default -> new IllegalStateException("unexpected " + id);
            };
        }

        /** A publisher whose every write fails at once: the template's producer points nowhere and may not wait. */
        @GetMapping("/api/v1/publish")
        String publish() {
            var producers = new org.springframework.kafka.core.DefaultKafkaProducerFactory<String, Object>(java.util.Map.of(
                    "bootstrap.servers", "127.0.0.1:1", "max.block.ms", 1, "key.serializer",
                    org.apache.kafka.common.serialization.StringSerializer.class, "value.serializer",
                    org.apache.kafka.common.serialization.StringSerializer.class));
            try {
                new DurablePublisher(new KafkaTemplate<>(producers), Duration.ofSeconds(2), Duration.ofSeconds(5))
                        .answeringFailuresWith("Surveys unavailable", "The answer could not be recorded now; nothing was recorded. Please retry.")
                        .send("nowhere", "k", "v");
                return "written";
            } finally {
                producers.destroy();
            }
        }

        @GetMapping("/api/v1/stats")
        String stats(@RequestParam java.time.Instant from) {
            return "from " + from;
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String token = new AccessTokens(SECRET).operator("ops-1");

    @Test
    void whatControllersThrowIsAnsweredAsItSays() throws Exception {
        assertBody(get("/api/v1/surveys/missing"), 404,
                "{\"detail\":\"No survey for this complaint\",\"instance\":\"/api/v1/surveys/missing\",\"status\":404,"
                        + "\"title\":\"Not found\"}");
        assertBody(get("/api/v1/surveys/answered"), 409,
                "{\"detail\":\"This survey was answered already\",\"instance\":\"/api/v1/surveys/answered\",\"status\":409,"
                        + "\"title\":\"Already answered\"}");
        assertBody(get("/api/v1/surveys/reused"), 422,
                "{\"detail\":\"use a new key\",\"instance\":\"/api/v1/surveys/reused\",\"status\":422,"
                        + "\"title\":\"Idempotency-Key reused\",\"complaintId\":\"C-9\"}");
        assertBody(get("/api/v1/surveys/invalid"), 400,
                "{\"detail\":\"Invalid fields: orderId, text\",\"instance\":\"/api/v1/surveys/invalid\",\"status\":400,"
                        + "\"title\":\"Invalid complaint\",\"errors\":[{\"field\":\"orderId\",\"message\":\"is required\"},"
                        + "{\"field\":\"text\",\"message\":\"is too long\"},{\"field\":\"text\",\"message\":\"is blank\"}]}");
        HttpResponse<String> starting = get("/api/v1/surveys/starting");
        assertThat(starting.statusCode()).isEqualTo(503);
        assertThat(starting.headers().firstValue("Retry-After")).hasValue("5");
    }

    @Test
    void aFailedPublishIs503WithRetryAfterInThePublishersWords() throws Exception {
        HttpResponse<String> failed = get("/api/v1/publish");
        assertBody(failed, 503, "{\"detail\":\"The answer could not be recorded now; nothing was recorded. Please retry.\","
                + "\"instance\":\"/api/v1/publish\",\"status\":503,\"title\":\"Surveys unavailable\"}");
        assertThat(failed.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(failed.body()).doesNotContain("nowhere", "Kafka").as("the reason is logged, not told");
    }

    @Test
    void aParameterThatCannotBeConvertedIsNamed() throws Exception {
        assertBody(get("/api/v1/stats?from=yesterday"), 400, "{\"detail\":\"parameter 'from' has an invalid value: yesterday\",\"instance\":\"/api/v1/stats\","
                + "\"status\":400,\"title\":\"Bad Request\",\"field\":\"from\"}");
    }

    @Test
    void theFiltersWriteTheSameShape() throws Exception {
        HttpResponse<String> unauthorized = http.send(HttpRequest.newBuilder(uri("/api/v1/surveys/missing"))
                .header("Authorization", "Bearer not-a-token").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(unauthorized.body()).startsWith("{\"detail\":\"A valid bearer token is required: ")
                .endsWith("\",\"instance\":\"/api/v1/surveys/missing\",\"status\":401,\"title\":\"Unauthorized\"}");

        HttpResponse<String> forbidden = get("/actuator/prometheus", new AccessTokens(SECRET).user("U-1"));
        assertBody(forbidden, 403, "{\"detail\":\"Your role does not allow this\",\"instance\":\"/actuator/prometheus\","
                + "\"status\":403,\"title\":\"Forbidden\"}");
    }

    @Test
    void whatTheRendererWritesIsNeverMarkup() {
        String json = ProblemRenderer.json(ApiProblem.badRequest("note", "<script>alert(1)</script>").toProblemDetail());
        assertThat(json).doesNotContain("<", ">")
                .isEqualTo("{\"detail\":\"Invalid fields: note\",\"status\":400,\"title\":\"Invalid request\","
                        + "\"field\":\"note\",\"errors\":[{\"field\":\"note\",\"message\":\"\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E\"}]}");
    }

    private static void assertBody(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).isEqualTo(body);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, token);
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
