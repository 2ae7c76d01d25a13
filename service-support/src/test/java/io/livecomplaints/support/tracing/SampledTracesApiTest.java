package io.livecomplaints.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.security.AccessTokens;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service with service-support's defaults: a tenth of new traces recorded, the others' decisions followed (parent
 * based). A request of an unsampled trace still has its trace id in its log lines (MDC) and passes its trace on.
 */
@SpringBootTest(classes = SampledTracesApiTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "complaints.security.jwt-secret=" + SampledTracesApiTest.SECRET,
        "spring.application.name=tracing-test",
        "complaints.topics.create=false"})
class SampledTracesApiTest {

    static final String SECRET = "test-secret-of-at-least-thirty-two-bytes-0123456789";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @SpringBootApplication
    @RestController
    static class App {
        /** What a log line of this request shows ({@code %X{traceId}}) and what a record it writes carries. */
        @GetMapping("/api/v1/trace")
        String trace() {
            return MDC.get("traceId") + " " + HopTracing.currentTraceparent();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Sampler sampler;

    private final HttpClient http = HttpClient.newHttpClient();

    private String get(String traceparent) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/trace"))
                .header("Authorization", "Bearer " + new AccessTokens(SECRET).user("U-1"))
                .header("traceparent", traceparent).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aTenthOfNewTracesIsRecordedAndTheCallersDecisionIsFollowed() {
        assertThat(sampler.getDescription()).startsWith("ParentBased{root:TraceIdRatioBased{0.100000}");
    }

    @Test
    void aRequestOfAnUnsampledTraceLogsItsTraceIdAndPassesTheTraceOnUnsampled() throws Exception {
        String[] seen = get("00-" + TRACE_ID + "-00f067aa0ba902b7-00").split(" ");
        assertThat(seen[0]).as("MDC traceId").isEqualTo(TRACE_ID);
        assertThat(seen[1]).as("traceparent of what it writes").matches("00-" + TRACE_ID + "-[0-9a-f]{16}-00")
                .doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void aRequestOfASampledTraceIsRecorded() throws Exception {
        String[] seen = get("00-" + TRACE_ID + "-00f067aa0ba902b7-01").split(" ");
        assertThat(seen[0]).as("MDC traceId").isEqualTo(TRACE_ID);
        assertThat(seen[1]).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
    }
}
