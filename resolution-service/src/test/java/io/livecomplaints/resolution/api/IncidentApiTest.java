package io.livecomplaints.resolution.api;

import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Incident;
import io.livecomplaints.events.IncidentKind;
import io.livecomplaints.testkit.TestPlatform;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** GET /api/v1/incidents on cases the processor opened from complaints-triaged with triage's incident ids. */
class IncidentApiTest extends ApiTestSupport {

    @Test
    void openIncidentsAreListedWithOpenCasesPerTypeSessionsAndAge() throws Exception {
        String incident = "INC-SURGE-session-S-" + newId().substring(7, 15) + "-20261204T060000Z";
        String a = newId();
        String b = newId();
        String c = newId();
        open(inIncident(a, incident, ComplaintType.LOGISTICS));
        open(inIncident(b, incident, ComplaintType.LOGISTICS));
        open(inIncident(c, incident, ComplaintType.PRODUCT_QUALITY));
        String agent = agent("SUP-inc", "SUPERVISOR");
        post("/api/v1/cases/" + c + "/accept", agent, null);
        assertThat(post("/api/v1/cases/" + c + "/resolve", agent, "{\"remedy\":\"APOLOGY\",\"liableParty\":\"PLATFORM\",\"reason\":\"秒杀超卖，已致歉\"}").statusCode())
                .isEqualTo(200);

        HttpResponse<String> listed = awaitBody("/api/v1/incidents?kind=SURGE", supervisor("S-inc"), 200, "\"openCases\":2");
        System.out.println("GET /api/v1/incidents?kind=SURGE -> " + listed.statusCode() + " " + listed.body());
        assertThat(listed.body()).contains("\"incidentId\":\"" + incident + "\"", "\"kind\":\"SURGE\"", "\"totalCases\":3",
                "\"openByType\":{\"LOGISTICS\":2}", "\"ageSeconds\":");
        assertThat(get("/api/v1/incidents?kind=QOS", supervisor("S-inc")).body()).doesNotContain(incident);
        assertThat(get("/api/v1/incidents", TestPlatform.get().tokens().agent("A-elsewhere", "JUNIOR", "other-team")).body())
                .doesNotContain(incident); // another team's cases
        assertThat(get("/api/v1/incidents", TestPlatform.get().tokens().merchant("M-1")).statusCode()).isEqualTo(403);
    }

    @Test
    void aSupervisorAppliesOneRemedyToEveryOpenCaseOfAnIncidentAllOrNothingAndSafeToRetry() throws Exception {
        String incident = "INC-SURGE-session-S-" + newId().substring(7, 15) + "-20261204T061500Z";
        java.util.List<String> ids = java.util.List.of(newId(), newId(), newId());
        for (String id : ids) {
            open(inIncident(id, incident, ComplaintType.LOGISTICS));
        }
        String supervisor = supervisor("S-bulk");
        String path = "/api/v1/incidents/" + incident + "/remedy";

        HttpResponse<String> tooMuch = post(path, supervisor, "{\"remedy\":\"FULL_REFUND\",\"compensationFen\":60000,"
                + "\"liableParty\":\"PLATFORM\",\"reason\":\"秒杀超卖，全额退款并补偿\",\"ruleId\":\"R-FLASH-1\"}");
        System.out.println("bulk remedy above authority -> " + tooMuch.statusCode() + " " + tooMuch.body());
        assertThat(tooMuch.statusCode()).isEqualTo(403);
        for (String id : ids) {
            assertThat(field(get("/api/v1/cases/" + id, supervisor).body(), "state")).isEqualTo("TRIAGED"); // nothing applied
        }

        String body = "{\"remedy\":\"FULL_REFUND\",\"liableParty\":\"PLATFORM\",\"reason\":\"秒杀超卖，平台统一全额退款\",\"ruleId\":\"R-FLASH-1\"}";
        HttpResponse<String> applied = post(path, supervisor, body);
        System.out.println("POST /api/v1/incidents/{id}/remedy -> " + applied.statusCode() + " " + applied.body());
        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(applied.body()).contains("\"applied\":3");
        HttpResponse<String> retried = post(path, supervisor, body);
        System.out.println("the same call again -> " + retried.statusCode() + " " + retried.body());
        assertThat(retried.body()).contains("\"applied\":0");
        assertThat(post("/api/v1/incidents/" + incident + "/remedy", agent("J-bulk", "JUNIOR"), body).statusCode()).isEqualTo(403);

        try (io.livecomplaints.testkit.TopicReader<io.livecomplaints.events.ComplaintOutcome> outcomes =
                     TestPlatform.get().reader(TestPlatform.get().topics().complaintOutcomes)) {
            var told = outcomes.awaitAll(r -> ids.contains(r.key()), 3, TIMEOUT);
            assertThat(told).allSatisfy(r -> assertThat(r.value().getDecision().getRefundFen()).isEqualTo(29_900));
            assertThat(outcomes.drain(java.time.Duration.ofSeconds(2)).stream().filter(r -> ids.contains(r.key()))).hasSize(3); // once each
        }
    }

    private static ComplaintTriaged inIncident(String id, String incident, ComplaintType type) {
        ComplaintTriaged t = triaged(id, Instant.now().minusSeconds(120)).setIncident(Incident.newBuilder().setIncidentId(incident)
                .setKind(IncidentKind.SURGE).setSize(3).setFirstSeenAt(Instant.now().minusSeconds(120)).build()).build();
        t.getClassification().setPrimaryType(type);
        t.getComplaint().setOrderId("O-" + id);
        t.getComplaint().setSessionId("S-flash");
        return t;
    }
}
