package io.livecomplaints.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.security.AccessTokens;
import io.livecomplaints.testkit.security.RawHttp;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What every request pays for in the security chain (issue 16), over real HTTP: the bearer header is read by our
 * resolver with Spring's rules, our firewall (loops, not regexes) refuses control characters in headers with a 400,
 * and Spring Security makes no observations while the request's own (metric and span) stays.
 */
@SpringBootTest(classes = SecurityHotPathApiTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "complaints.security.jwt-secret=" + SecurityHotPathApiTest.SECRET,
        "spring.application.name=hot-path-test",
        "complaints.topics.create=false"})
class SecurityHotPathApiTest {

    static final String SECRET = "test-secret-of-at-least-thirty-two-bytes-0123456789";

    /** Names of the observations started in this context: each would be a timer and, with tracing, a span. */
    static final List<String> observed = new CopyOnWriteArrayList<>();

    @SpringBootApplication
    @RestController
    static class App {
        @GetMapping("/api/v1/ping")
        String ping(Caller caller) {
            return "pong " + caller.id();
        }

        @Bean
        ObservationHandler<Observation.Context> observationNames() {
            return new ObservationHandler<>() {
                @Override
                public void onStart(Observation.Context context) {
                    observed.add(context.getName());
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    HttpFirewall firewall;

    @Autowired
    FilterChainProxy filterChainProxy;

    private final HttpClient http = HttpClient.newHttpClient();
    private final AccessTokens tokens = new AccessTokens(SECRET);

    @Test
    void theBearerSchemeIsCaseInsensitiveAndAMalformedHeaderIs401WithTheSameChallenge() throws Exception {
        String token = tokens.user("U-1");
        assertThat(get("bearer " + token).body()).isEqualTo("pong U-1");
        assertThat(get("BEARER " + token).statusCode()).isEqualTo(200);
        for (String header : new String[] {"Bearer  " + token, "Bearer " + token + "=x", "Bearer " + token + ",x", "Bearer"}) {
            HttpResponse<String> refused = get(header);
            assertThat(refused.statusCode()).as(header).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
            assertThat(refused.body()).contains("Bearer token is malformed");
        }
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(uri("/api/v1/ping?access_token=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).as("no tokens from the query").isEqualTo(401);
    }

    @Test
    void ourFirewallRefusesAControlCharacterInAHeaderWithAProblem() throws Exception {
        // Spring Security 7 registers a composite around the FilterChainProxy that WebSecurity built with our bean
        Object built = ReflectionTestUtils.getField(filterChainProxy, "springSecurityFilterChain");
        assertThat(ReflectionTestUtils.getField(built, "firewall")).as("the firewall the chain uses").isSameAs(firewall);
        // U+0085 (NEL) sent as UTF-8 (C2 85): Tomcat reads header bytes as ISO-8859-1, so the value holds a C1 control
        RawHttp.Response refused = RawHttp.send(port, "GET", "/api/v1/ping", tokens.user("U-2") + "\u0085");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.isProblemJson()).as(refused.toString()).isTrue();
        assertThat(RawHttp.send(port, "GET", "/api/v1/ping", tokens.user("U-2")).body()).isEqualTo("pong U-2");
    }

    @Test
    void springSecurityObservesNothingWhileTheRequestKeepsItsMetricAndSpan() throws Exception {
        observed.clear();
        assertThat(get("Bearer " + tokens.user("U-3")).statusCode()).isEqualTo(200);
        assertThat(get("Bearer nope").statusCode()).isEqualTo(401);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (meters.find("http.server.requests").tag("uri", "/api/v1/ping").timer() == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(meters.find("http.server.requests").tag("uri", "/api/v1/ping").timer()).isNotNull();
        assertThat(observed).contains("http.server.requests").noneMatch(name -> name.startsWith("spring.security"));
        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("spring.security"));

        String operator = tokens.operator("ops-1");
        assertThat(actuator("/actuator/metrics/http.server.requests", operator).statusCode()).isEqualTo(200);
        assertThat(actuator("/actuator/metrics/spring.security.filterchains", operator).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/ping")).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> actuator(String path, String token) throws Exception {
        return get(path, "Bearer " + token);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
