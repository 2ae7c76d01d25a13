package io.livecomplaints.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.Severity;
import io.livecomplaints.events.TimelineEntry;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/complaints/{id}: the owner's view of progress, 404 to everyone else. */
class ProgressApiTest extends IntakeApiTestSupport {

    private static final String PATH = "/api/v1/complaints/";

    @Test
    void rightAfterFilingTheOwnerSeesReceivedWithThePromisedDeadline() throws Exception {
        String user = newUser();
        HttpResponse<String> filed = post(userToken(user), "{\"channel\":\"IM\",\"text\":\"微信客服一直不回\"}");
        String id = complaintId(filed);

        HttpResponse<String> view = get(userToken(user), PATH + id);

        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        JsonNode body = json(view);
        assertThat(body.path("state").asString()).isEqualTo("RECEIVED");
        assertThat(body.path("deadlines").path("firstResponseDueAt").asString()).isEqualTo(json(filed).path("firstResponseDueAt").asString());
        assertThat(body.path("timeline").get(0).path("toState").asString()).isEqualTo("RECEIVED");
    }

    @Test
    void nobodyButTheOwnerSeesIt() throws Exception {
        String id = complaintId(post(userToken(newUser()), "{\"channel\":\"APP_CHAT\",\"text\":\"退款一直没到账\"}"));

        assertThat(get(userToken(newUser()), PATH + id).statusCode()).isEqualTo(404);
        assertThat(get(TestPlatform.get().tokens().agent("A-1", "SENIOR", "after-sales"), PATH + id).statusCode()).isEqualTo(404);
        assertThat(get(TestPlatform.get().tokens().system("hotline"), PATH + id).statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = get(userToken(newUser()), PATH + "C-20261123-000000000000");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
    }

    @Test
    void onceResolutionKeepsTheCaseTheOwnerSeesItsStateTimelineAndDecision() throws Exception {
        String user = newUser();
        HttpResponse<String> filed = post(userToken(user), "{\"channel\":\"ORDER_PAGE\",\"text\":\"收到的是假货\",\"orderId\":\"O-case-1\"}");
        String id = complaintId(filed);
        Instant received = Instant.parse(json(filed).path("receivedAt").asString());
        ComplaintCase resolved = ComplaintCase.newBuilder()
                .setEnvelope(Envelopes.create(id, "resolution-service", null, received.plusSeconds(600)))
                .setState(CaseState.RESOLVED).setVersion(4).setUserId(user).setChannel(Channel.ORDER_PAGE)
                .setType(ComplaintType.PRODUCT_QUALITY).setSeverity(Severity.HIGH).setPriority(80).setTeam("after-sales")
                .setAssigneeId("A-7").setReceivedAt(received).setFirstResponseDueAt(received.plus(Duration.ofMinutes(30)))
                .setFirstRespondedAt(received.plus(Duration.ofMinutes(3))).setResolutionDueAt(received.plus(Duration.ofHours(48)))
                .setDecision(RemedyDecision.newBuilder().setRemedy(Remedy.FULL_REFUND).setRefundFen(89900)
                        .setLiableParty(LiableParty.MERCHANT).setReason("商家发货与直播展示不符，依据平台规则全额退款").build())
                .setTimeline(List.of(
                        entry(received, "RECEIVED", null, CaseState.RECEIVED, "intake-service", null),
                        entry(received.plusSeconds(60), "ASSIGN", CaseState.TRIAGED, CaseState.ASSIGNED, "A-7", "内部备注：优先处理"),
                        entry(received.plusSeconds(600), "RESOLVE", CaseState.ASSIGNED, CaseState.RESOLVED, "A-7", null)))
                .build();
        try (TopicWriter<ComplaintCase> writer = TestPlatform.get().writer(topics.complaintCases)) {
            writer.send(id, resolved);
        }

        await().atMost(EVENT_TIMEOUT).until(() -> json(get(userToken(user), PATH + id)).path("state").asString().equals("RESOLVED"));
        HttpResponse<String> view = get(userToken(user), PATH + id);

        JsonNode body = json(view);
        assertThat(body.path("deadlines").path("firstRespondedAt").asString()).isEqualTo(received.plus(Duration.ofMinutes(3)).toString());
        assertThat(body.path("timeline")).hasSize(3);
        assertThat(body.path("timeline").get(1).path("toState").asString()).isEqualTo("ASSIGNED");
        assertThat(body.path("decision").path("remedy").asString()).isEqualTo("FULL_REFUND");
        assertThat(body.path("decision").path("reason").asString()).contains("依据平台规则");
        assertThat(view.body()).as("agents and internal notes are not the owner's business").doesNotContain("A-7").doesNotContain("内部备注");
        assertThat(get(userToken(newUser()), PATH + id).statusCode()).isEqualTo(404);
    }

    private static TimelineEntry entry(Instant at, String action, CaseState from, CaseState to, String actor, String note) {
        return TimelineEntry.newBuilder().setAt(at).setAction(action).setFromState(from).setToState(to).setActorId(actor).setNote(note).build();
    }
}
