package io.livecomplaints.resolution.api;

import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.testkit.TestPlatform;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The anchor's side through HTTP with ANCHOR tokens: complaints in aggregate, penalties on the record, a penalty appeal. */
class AnchorApiTest extends ApiTestSupport {

    @Test
    void anAnchorSeesItsComplaintsInAggregateItsPenaltiesAndAppealsOneThatASupervisorOverturns() throws Exception {
        String anchor = "A-anchor-" + newId();
        String token = TestPlatform.get().tokens().anchor(anchor);
        String penalised = newId();
        String other = newId();
        open(about(penalised, anchor, "S-live-1"));
        open(about(other, anchor, "S-live-2"));
        String agent = agent("SUP-anchor", "SUPERVISOR");
        post("/api/v1/cases/" + penalised + "/accept", agent, null);
        assertThat(post("/api/v1/cases/" + penalised + "/resolve", agent, "{\"remedy\":\"ANCHOR_PENALTY\",\"liableParty\":\"ANCHOR\","
                + "\"reason\":\"主播在直播中辱骂用户\",\"ruleId\":\"R-ANCHOR-3\",\"anchorPenalty\":{\"level\":\"TRAFFIC_LIMIT\",\"durationDays\":7}}")
                .statusCode()).isEqualTo(200);

        HttpResponse<String> complaints = awaitBody("/api/v1/anchor/complaints", token, 200, "\"complaints\":2");
        System.out.println("GET /api/v1/anchor/complaints -> " + complaints.statusCode() + " " + complaints.body());
        assertThat(complaints.body()).contains("\"sessionId\":\"S-live-1\"", "\"sessionId\":\"S-live-2\"", "\"open\":1",
                "\"ANCHOR_CONDUCT\":2").doesNotContain("U-1", "收到的", penalised);
        HttpResponse<String> penalties = awaitBody("/api/v1/anchor/penalties", token, 200, "\"anchorPenalties\":1");
        System.out.println("GET /api/v1/anchor/penalties -> " + penalties.body());
        assertThat(penalties.body()).contains("\"level\":\"TRAFFIC_LIMIT\",\"durationDays\":7", penalised);

        assertThat(post("/api/v1/anchor/cases/" + penalised + "/appeal", TestPlatform.get().tokens().anchor("A-intruder"),
                "{\"reason\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/anchor/cases/" + penalised + "/appeal", TestPlatform.get().tokens().merchant("M-1"),
                "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/anchor/cases/" + other + "/appeal", token, "{\"reason\":\"x\"}").statusCode()).isEqualTo(409);
        HttpResponse<String> appealed = post("/api/v1/anchor/cases/" + penalised + "/appeal", token,
                "{\"reason\":\"回放显示是用户先辱骂，主播只是回应\"}");
        System.out.println("POST /api/v1/anchor/cases/{id}/appeal -> " + appealed.statusCode() + " " + appealed.body());
        assertThat(appealed.statusCode()).isEqualTo(200);
        assertThat(appealed.body()).contains("\"about\":\"ANCHOR_PENALTY\"", "\"status\":\"PENDING\"");
        awaitBody("/api/v1/appeals", supervisor("S-anchor"), 200, penalised);
        assertThat(post("/api/v1/appeals/" + penalised + "/decision", supervisor("S-anchor"),
                "{\"outcome\":\"OVERTURNED\",\"note\":\"回放证实用户先挑衅\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> after = awaitBody("/api/v1/anchor/penalties", token, 200, "\"anchorPenalties\":0");
        assertThat(after.body()).contains("\"appeal\":\"OVERTURNED\"");
        assertThat(get("/api/v1/anchor/complaints", TestPlatform.get().tokens().anchor("A-nobody")).body()).contains("\"complaints\":0");
    }

    private static ComplaintTriaged about(String id, String anchor, String session) {
        ComplaintTriaged t = triaged(id, Instant.now()).build();
        t.getClassification().setPrimaryType(ComplaintType.ANCHOR_CONDUCT);
        t.getComplaint().getEnrichment().setAnchorId(anchor);
        t.getComplaint().setSessionId(session);
        t.getComplaint().setOrderId("O-" + id);
        return t;
    }
}
