package io.livecomplaints.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.EvidenceKind;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** Filing through every channel: 202 with the promised deadline, and the event durably on complaints-received. */
@ExtendWith(OutputCaptureExtension.class)
class FilingApiTest extends IntakeApiTestSupport {

    private static final Set<Channel> CHAT = Set.of(Channel.APP_CHAT, Channel.IM, Channel.HOTLINE);
    private static TopicReader<ComplaintReceived> received;

    @BeforeAll
    static void openReader() {
        received = TestPlatform.get().reader(TestPlatform.get().topics().complaintsReceived);
    }

    @AfterAll
    static void closeReader() {
        received.close();
    }

    private ComplaintReceived event(String complaintId) {
        return received.await(r -> complaintId.equals(r.key()), EVENT_TIMEOUT).value();
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void everyChannelIsAcknowledgedWithItsFirstResponseDeadline(Channel channel) throws Exception {
        String user = newUser();
        String context = channel == Channel.ORDER_PAGE ? ",\"orderId\":\"O-ch-1\"" : channel == Channel.LIVE_ROOM_BUTTON ? ",\"roomId\":\"R-ch-1\""
                : channel == Channel.REGULATOR ? ",\"regulatorTicket\":{\"reference\":\"12315-ch-1\",\"authority\":\"12315\"}" : "";
        HttpResponse<String> response = post(userToken(user), "{\"channel\":\"" + channel + "\",\"text\":\"主播承诺的赠品没有收到\"" + context + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode ack = json(response);
        Duration promised = CHAT.contains(channel) ? Duration.ofMinutes(5) : Duration.ofMinutes(30);
        assertThat(ack.path("state").asString()).isEqualTo("RECEIVED");
        assertThat(Duration.between(Instant.parse(ack.path("receivedAt").asString()), Instant.parse(ack.path("firstResponseDueAt").asString())))
                .isEqualTo(promised);
        assertThat(ack.path("message").asString()).startsWith("已收到您的投诉").contains(promised.toMinutes() + "分钟");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/complaints/" + ack.path("complaintId").asString());

        ComplaintReceived event = event(ack.path("complaintId").asString());
        assertThat(event.getChannel()).isEqualTo(channel);
        assertThat(event.getUserId()).isEqualTo(user);
        assertThat(event.getSource()).isEqualTo("api");
        assertThat(event.getFirstResponseDueAt()).isEqualTo(Instant.parse(ack.path("firstResponseDueAt").asString()));
        assertThat(event.getEnvelope().getProducer()).isEqualTo("intake-service");
    }

    @Test
    void anUpstreamSystemFilesOnBehalfOfTheUserItNames() throws Exception {
        String user = newUser();
        HttpResponse<String> response = post(TestPlatform.get().tokens().system("hotline"),
                "{\"userId\":\"" + user + "\",\"channel\":\"HOTLINE\",\"text\":\"电话反映重复扣款两次\",\"vip\":true}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        ComplaintReceived event = event(complaintId(response));
        assertThat(event.getUserId()).isEqualTo(user);
        assertThat(event.getSource()).isEqualTo("hotline");
        assertThat(event.getVip()).isTrue();
    }

    @Test
    void aSystemMustNameTheUser() throws Exception {
        HttpResponse<String> response = post(TestPlatform.get().tokens().system("im-gateway"), "{\"channel\":\"IM\",\"text\":\"客服不回复\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").get(0).path("field").asString()).isEqualTo("userId");
    }

    @Test
    void aUserFilesOnlyForThemselfAndCannotClaimVip() throws Exception {
        String user = newUser();
        HttpResponse<String> response = post(userToken(user),
                "{\"userId\":\"U-someone-else\",\"vip\":true,\"channel\":\"APP_CHAT\",\"text\":\"客服态度差\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        ComplaintReceived event = event(complaintId(response));
        assertThat(event.getUserId()).isEqualTo(user);
        assertThat(event.getVip()).isFalse();
    }

    @Test
    void evidenceReferencesAndContactTravelOnTheEventOnlyInTheirFields(CapturedOutput logs) throws Exception {
        String user = newUser();
        HttpResponse<String> response = post(userToken(user), """
                {"channel":"SOCIAL_MEDIA","text":"直播间说正品，收到是假货","language":"zh-CN","demands":["REFUND","PUNISH_ANCHOR"],
                 "claimedAmountFen":15900,"incidentAt":"2026-11-20T12:00:00Z",
                 "evidence":[{"kind":"SCREENSHOT","url":"https://img.example.com/a.png"},
                             {"kind":"LIVE_REPLAY","url":"https://replay.example.com/S-1","replayOffsetSeconds":1325}],
                 "contact":{"name":"张三丰","phone":"13812345678","consentToContact":true}}
                """);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.body()).doesNotContain("13812345678").doesNotContain("张三丰");
        ComplaintReceived event = event(complaintId(response));
        assertThat(event.getEvidence()).extracting(e -> e.getKind()).containsExactly(EvidenceKind.SCREENSHOT, EvidenceKind.LIVE_REPLAY);
        assertThat(event.getEvidence().get(1).getReplayOffsetSeconds()).isEqualTo(1325L);
        assertThat(event.getContact().getPhone()).isEqualTo("13812345678");
        assertThat(event.getContact().getConsentToContact()).isTrue();
        assertThat(event.getText()).doesNotContain("13812345678");
        assertThat(event.getSchema().getField("contact").getObjectProp("pii")).isEqualTo(true);
        assertThat(event.getClaimedAmountFen()).isEqualTo(15900L);
        assertThat(event.getIncidentAt()).isEqualTo(Instant.parse("2026-11-20T12:00:00Z"));
        assertThat(logs.getAll()).as("intake logs no contact data").contains(event.getEnvelope().getComplaintId())
                .doesNotContain("13812345678").doesNotContain("张三丰");
    }

    @Test
    void withoutATokenTheAnswerIs401AndAnAgentMayNotFile() throws Exception {
        assertThat(post(null, "{}").statusCode()).isEqualTo(401);
        HttpResponse<String> agent = post(TestPlatform.get().tokens().agent("A-1", "SENIOR", "after-sales"),
                "{\"channel\":\"APP_CHAT\",\"text\":\"x\"}");
        assertThat(agent.statusCode()).isEqualTo(403);
        assertThat(agent.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        HttpResponse<String> docs = http.send(java.net.http.HttpRequest.newBuilder(uri("/v3/api-docs")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = json(docs).path("paths");
        assertThat(paths.has("/api/v1/complaints")).isTrue();
        assertThat(paths.has("/api/v1/complaints/{complaintId}")).isTrue();
        assertThat(json(docs).path("components").path("securitySchemes").has("bearer")).isTrue();
    }
}
