package io.livecomplaints.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.NotificationKind;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.platform.runtime.ServiceProcess;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.schemas.topics.DeadLetterHeaderNames;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import io.livecomplaints.testkit.TopicWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end: the five services run as their own JVMs from their runnable jars against a real
 * (embedded KRaft) broker and the real registry; a complaint posted over HTTP flows through all of them, and every
 * topic's event is decoded with the real serde.
 */
class EndToEndIT {

    private static final Duration STAGE_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static Topics topics;

    @BeforeAll
    static void startServices() throws Exception {
        TestPlatform platform = TestPlatform.get();
        topics = platform.topics();
        Path servicesDir = Path.of(System.getProperty("services.dir", "target/services"));
        Path workDir = Files.createTempDirectory("e2e");
        for (String name : List.of("intake-service", "triage-service", "resolution-service", "notification-service", "analytics-service")) {
            services.put(name, ServiceProcess.springService(name, servicesDir, ServiceProcess.freePort(),
                    platform.bootstrapServers(), platform.registryUrl(), workDir,
                    Map.of("COMPLAINTS_SECURITY_JWT_SECRET", platform.jwtSecret())).start());
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofMinutes(3));
        }
    }

    @AfterAll
    static void stopServices() throws InterruptedException {
        for (ServiceProcess service : services.values()) {
            service.stop();
        }
    }

    private static HttpResponse<String> post(String url, String userId, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestPlatform.get().tokens().user(userId)).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aComplaintPostedOverHttpFlowsThroughEveryService() throws Exception {
        HttpResponse<String> accepted = post(services.get("intake-service").url() + "/api/v1/complaints", "U-e2e-1",
                "{\"channel\":\"ORDER_PAGE\",\"text\":\"快递丢件了，物流一直显示派送中\",\"orderId\":\"O-e2e-1\",\"demands\":[\"REFUND\"]}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String id = accepted.body().replaceAll(".*\"complaintId\":\"([^\"]+)\".*", "$1");

        try (TopicReader<ComplaintReceived> received = TestPlatform.get().reader(topics.complaintsReceived);
             TopicReader<ComplaintTriaged> triaged = TestPlatform.get().reader(topics.complaintsTriaged);
             TopicReader<ComplaintCase> cases = TestPlatform.get().reader(topics.complaintCases);
             TopicReader<NotificationReceipt> notifications = TestPlatform.get().reader(topics.notifications)) {
            ComplaintReceived r = received.await(x -> id.equals(x.key()), STAGE_TIMEOUT).value();
            assertThat(r.getChannel()).isEqualTo(Channel.ORDER_PAGE);
            assertThat(r.getUserId()).isEqualTo("U-e2e-1");

            ComplaintTriaged t = triaged.await(x -> id.equals(x.key()), STAGE_TIMEOUT).value();
            assertThat(t.getClassification().getPrimaryType()).isEqualTo(ComplaintType.LOGISTICS);
            assertThat(t.getTeam()).isEqualTo("logistics");
            assertThat(t.getEnvelope().getTraceId()).isEqualTo(r.getEnvelope().getTraceId());

            ComplaintCase c = cases.await(x -> id.equals(x.key()), STAGE_TIMEOUT).value();
            assertThat(c.getState()).isIn(CaseState.TRIAGED, CaseState.ASSIGNED);
            assertThat(c.getTimeline()).isNotEmpty();

            NotificationReceipt ack = notifications.await(x -> id.equals(x.key())
                    && x.value().getKind() == NotificationKind.ACKNOWLEDGMENT, STAGE_TIMEOUT).value();
            assertThat(ack.getSourceEventId()).isEqualTo(r.getEnvelope().getEventId());
        }

        String stats = awaitBody(services.get("analytics-service").url() + "/api/v1/stats/types", "\"LOGISTICS\"",
                TestPlatform.get().tokens().operator("ops-1"));
        assertThat(stats).containsPattern("\"LOGISTICS\":[1-9]");
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheChainKeepsFlowing() throws Exception {
        try (TopicWriter<ComplaintReceived> writer = TestPlatform.get().writer(topics.complaintsReceived);
             TopicReader<ComplaintReceived> deadLetters = TopicReader.deadLetters(TestPlatform.get().bootstrapServers(), topics.complaintsReceived)) {
            writer.sendRaw("C-poison-1", "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));

            TopicReader.Received<ComplaintReceived> dead = deadLetters.await(x -> "C-poison-1".equals(x.key())
                    && "triage-service".equals(x.headers().get(DeadLetterHeaderNames.SERVICE)), STAGE_TIMEOUT);
            assertThat(dead.headers().get(DeadLetterHeaderNames.REASON)).contains("not in the Confluent Avro wire format");
            assertThat(dead.headers().get(DeadLetterHeaderNames.SOURCE_TOPIC)).isEqualTo("complaints-received");
        }
        // the partition did not stall: a complaint after the poison record is still triaged
        HttpResponse<String> accepted = post(services.get("intake-service").url() + "/api/v1/complaints", "U-e2e-2",
                "{\"channel\":\"APP_CHAT\",\"text\":\"The host kept asking viewers to pay him directly outside the app\"}");
        String id = accepted.body().replaceAll(".*\"complaintId\":\"([^\"]+)\".*", "$1");
        try (TopicReader<ComplaintTriaged> triaged = TestPlatform.get().reader(topics.complaintsTriaged)) {
            assertThat(triaged.await(x -> id.equals(x.key()), STAGE_TIMEOUT).value().getComplaint().getLanguage()).isNotBlank();
        }
    }

    private static String awaitBody(String url, String expected, String token) throws Exception {
        long deadline = System.nanoTime() + STAGE_TIMEOUT.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains(expected)) {
                return response.body();
            }
            seen.add(response.statusCode() + " " + response.body());
            Thread.sleep(500);
        }
        throw new AssertionError("no " + expected + " from " + url + ": " + seen.subList(Math.max(0, seen.size() - 3), seen.size()));
    }
}
