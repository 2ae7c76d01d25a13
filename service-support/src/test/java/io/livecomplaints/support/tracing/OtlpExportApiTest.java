package io.livecomplaints.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.livecomplaints.testkit.security.AccessTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service with service-support and an OTLP endpoint set: the HTTP request continues the caller's W3C trace (or
 * starts one when its traceparent is malformed, never failing), and its spans reach the collector over OTLP/HTTP.
 */
@SpringBootTest(classes = OtlpExportApiTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "complaints.security.jwt-secret=" + OtlpExportApiTest.SECRET,
        "spring.application.name=tracing-test",
        "complaints.topics.create=false",
        "management.opentelemetry.tracing.export.schedule-delay=100ms",
        "management.tracing.sampling.probability=1.0"}) // records every trace (the default samples a tenth)
class OtlpExportApiTest {

    static final String SECRET = "test-secret-of-at-least-thirty-two-bytes-0123456789";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    /** A stand-in OpenTelemetry collector: what was POSTed to /v1/traces (protobuf ExportTraceServiceRequest). */
    private static final List<byte[]> exported = new CopyOnWriteArrayList<>();
    private static final HttpServer collector = startCollector();

    private static HttpServer startCollector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/traces", exchange -> {
                exported.add(exchange.getRequestBody().readAllBytes());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void otlp(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
    }

    @AfterAll
    static void stopCollector() {
        collector.stop(0);
    }

    @SpringBootApplication
    @RestController
    static class App {
        @GetMapping("/api/v1/trace")
        String trace() {
            return HopTracing.currentTraceId();
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String traceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/trace"))
                .header("Authorization", "Bearer " + new AccessTokens(SECRET).user("U-1"));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRequestContinuesTheCallersTraceAndItsSpanIsExportedOverOtlp() throws Exception {
        HttpResponse<String> response = get("00-" + TRACE_ID + "-00f067aa0ba902b7-01");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(TRACE_ID);

        byte[] traceIdBytes = HexFormat.of().parseHex(TRACE_ID);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (exported.stream().noneMatch(body -> contains(body, traceIdBytes)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(exported).as("OTLP requests to the collector").anyMatch(body -> contains(body, traceIdBytes));
    }

    @Test
    void aMalformedTraceparentStartsANewTraceAndTheRequestSucceeds() throws Exception {
        for (String bad : new String[] {"garbage", "00-" + TRACE_ID + "-0000000000000000-01", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01"}) {
            HttpResponse<String> response = get(bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(200);
            assertThat(response.body()).as(bad).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
