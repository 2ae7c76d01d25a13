package io.livecomplaints.resolution.restart;

import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.SlaEventKind;
import io.livecomplaints.resolution.ResolutionApplication;
import io.livecomplaints.resolution.support.MutableClock;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import io.livecomplaints.testkit.TopicWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Cases and timers survive the service going away: instance A opens cases and asks a merchant; A stops; two days
 * pass; instance B starts on an empty state directory (a replaced node) and restores everything from Kafka: the
 * merchant's missed deadline is auto-approved and the unanswered case's first-response breach escalates, each once.
 * Runs in its own JVM (surefire execution restart-test, selected by the tag), so no other service instance shares its
 * consumer group.
 */
@Tag("own-jvm")
class ResolutionRestartTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();

    /** The moved clock, instead of the wall clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class MovedClock {
        @Bean
        @Primary
        Clock movedClock() {
            return CLOCK;
        }
    }

    @Test
    void casesAndTimersSurviveAStopAndLateTimersFireOnceOnStart() throws Exception {
        TestPlatform platform = TestPlatform.get();
        String waitingForMerchant = "C-restart-m-" + CLOCK.instant().toEpochMilli();
        String unanswered = "C-restart-u-" + CLOCK.instant().toEpochMilli();
        String junior = platform.tokens().agent("J-r", "JUNIOR", "after-sales");

        try (ConfigurableApplicationContext a = start("a")) {
            String api = "http://127.0.0.1:" + a.getEnvironment().getProperty("local.server.port");
            open(triaged(waitingForMerchant, CLOCK.instant()).build(), api);
            // HIGH: in the 49 calendar hours below only its first response falls due (plan 72 h, resolution 120 h)
            open(triaged(unanswered, CLOCK.instant()).setSeverity(io.livecomplaints.events.Severity.HIGH).build(), api);
            assertThat(post(api + "/api/v1/cases/" + waitingForMerchant + "/accept", junior, "{}").statusCode()).isEqualTo(200);
            HttpResponse<String> asked = post(api + "/api/v1/cases/" + waitingForMerchant + "/merchant-request", junior,
                    "{\"remedy\":\"FULL_REFUND\",\"reason\":\"货不对板，请商家退款\"}");
            assertThat(asked.body()).contains("\"state\":\"AWAITING_MERCHANT\"");
        }

        CLOCK.advance(Duration.ofHours(49)); // the service is down while both deadlines pass

        try (ConfigurableApplicationContext b = start("b");
             TopicReader<ComplaintOutcome> outcomes = platform.reader(platform.topics().complaintOutcomes);
             TopicReader<SlaEvent> sla = platform.reader(platform.topics().slaEvents)) {
            String api = "http://127.0.0.1:" + b.getEnvironment().getProperty("local.server.port");
            ComplaintOutcome autoApproved = outcomes.await(r -> waitingForMerchant.equals(r.key()), TIMEOUT).value();
            assertThat(autoApproved.getAutoApproved()).isTrue();
            assertThat(autoApproved.getDecision().getRefundFen()).isEqualTo(29_900);
            sla.await(r -> unanswered.equals(r.key()) && r.value().getKind() == SlaEventKind.ESCALATED, TIMEOUT);

            String merchantCase = await(api + "/api/v1/cases/" + waitingForMerchant, junior, "\"state\":\"RESOLVED\"");
            assertThat(merchantCase).contains("\"action\":\"MERCHANT_TIMEOUT\"");
            String escalated = await(api + "/api/v1/cases/" + unanswered, junior, "\"state\":\"ESCALATED\"");
            assertThat(escalated).contains("\"escalationLevel\":1");

            // B goes on working the restored case; then every effect of the timers is there exactly once
            assertThat(post(api + "/api/v1/cases/" + waitingForMerchant + "/close", junior, "{}").statusCode()).isEqualTo(200);
            assertThat(outcomes.drain(Duration.ofSeconds(2)).stream().filter(r -> waitingForMerchant.equals(r.key()))).hasSize(1);
            assertThat(sla.drain(Duration.ZERO).stream().filter(r -> unanswered.equals(r.key()))
                    .map(r -> r.value().getKind() + "/" + r.value().getClock()))
                    .containsExactly("WARNING/FIRST_RESPONSE", "BREACHED/FIRST_RESPONSE", "ESCALATED/FIRST_RESPONSE");
            assertThat(sla.drain(Duration.ZERO).stream().filter(r -> waitingForMerchant.equals(r.key())
                    && r.value().getKind() == SlaEventKind.BREACHED).map(r -> r.value().getClock())).containsExactly(SlaClock.MERCHANT_RESPONSE);
        }
    }

    private static ConfigurableApplicationContext start(String instance) throws Exception {
        TestPlatform platform = TestPlatform.get();
        // command-line arguments: they outrank application.yml (whose port 8083 others use on this machine)
        return new SpringApplicationBuilder(ResolutionApplication.class, MovedClock.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + platform.bootstrapServers(),
                "--complaints.schema-registry.url=" + platform.registryUrl(),
                "--complaints.state-dir=" + Files.createTempDirectory("resolution-" + instance),
                "--complaints.topics.partitions=2",
                "--complaints.security.jwt-secret=" + platform.jwtSecret());
    }

    private void open(ComplaintTriaged complaint, String api) throws Exception {
        try (TopicWriter<ComplaintTriaged> writer = TestPlatform.get().writer(TestPlatform.get().topics().complaintsTriaged)) {
            writer.send(complaint.getEnvelope().getComplaintId(), complaint);
        }
        await(api + "/api/v1/cases/" + complaint.getEnvelope().getComplaintId(), TestPlatform.get().tokens().supervisor("S", "SUPERVISOR"), "\"version\"");
    }

    private HttpResponse<String> post(String url, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls a GET until its body contains {@code expected} (the case replica catches up asynchronously). */
    private String await(String url, String token, String expected) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && response.body().contains(expected)) {
                return response.body();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(url + " never showed " + expected + "; last: " + last);
    }
}
