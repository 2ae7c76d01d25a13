package io.livecomplaints.resolution.api;

import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.Demand;
import io.livecomplaints.events.Enrichment;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.EvidenceKind;
import io.livecomplaints.events.PersonalContact;
import io.livecomplaints.events.QosDiagnosis;
import io.livecomplaints.events.QosVerdict;
import io.livecomplaints.events.Severity;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agent's and user's work on a case over real HTTP against the real broker (issue 13): the complaint inside the
 * case with a masked contact, internal notes vs progress updates, the user's additions and withdrawal, transfer and
 * reclassification, and escalation reaching the supervisors' queue.
 */
public class CaseWorkApiTest extends ApiTestSupport {

    static final String PHONE = "13812345678";

    /** A HIGH product complaint about a ¥899 coat, with everything intake and triage found. */
    public static ComplaintTriaged coat(String id, Instant at) {
        ComplaintTriaged.Builder t = triaged(id, at);
        ComplaintReceived c = ComplaintReceived.newBuilder(t.getComplaint())
                .setText("直播间说是100%羊毛大衣，收到后标签写着羊毛30%，要求退货退款并赔偿。电话13812345678")
                .setDemands(List.of(Demand.REFUND, Demand.COMPENSATION))
                .setClaimedAmountFen(89_900L)
                .setIncidentAt(at.minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS))
                .setEvidence(List.of(Evidence.newBuilder().setKind(EvidenceKind.PHOTO).setUrl("https://img.example/label.jpg")
                        .setDescription("衣服标签").build()))
                .setContact(PersonalContact.newBuilder().setName("张伟").setPhone(PHONE).setEmail("zhang.wei@example.com")
                        .setConsentToContact(true).build())
                .setEnrichment(Enrichment.newBuilder(t.getComplaint().getEnrichment()).setAmountPaidFen(89_900L)
                        .setProductName("双面羊毛大衣").setSessionPromises(List.of("100%羊毛", "七天无理由退货")).build())
                .build();
        return t.setComplaint(c).setSeverity(Severity.HIGH).setPriority(85)
                .setPriorityReasons(List.of("severity HIGH", "claimed ¥899 ≥ ¥500"))
                .setDiagnosis(QosDiagnosis.newBuilder().setVerdict(QosVerdict.NO_TELEMETRY).setFindings(List.of("no live-qos samples")).build())
                .build();
    }

    @Test
    void theComplaintIsInTheCaseAndTheContactOnlyMasked() throws Exception {
        String id = newId();
        try (TopicReader<ComplaintCase> cases = TestPlatform.get().reader(TestPlatform.get().topics().complaintCases)) {
            open(coat(id, Instant.now()));
            HttpResponse<String> read = get("/api/v1/cases/" + id, agent("A-1", "SENIOR"));
            System.out.println("GET /api/v1/cases/" + id + " → " + read.statusCode() + " " + read.body());

            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("\"complaint\":{\"text\":\"直播间说是100%羊毛大衣，收到后标签写着羊毛30%，要求退货退款并赔偿。电话138****5678\"",
                    "\"demands\":[\"REFUND\",\"COMPENSATION\"]", "\"claimedAmountFen\":89900", "\"productName\":\"双面羊毛大衣\"",
                    "\"skuId\":\"SKU-1\"", "\"sessionPromises\":[\"100%羊毛\",\"七天无理由退货\"]", "\"verdict\":\"NO_TELEMETRY\"",
                    "\"priorityReasons\":[\"severity HIGH\",\"claimed ¥899 ≥ ¥500\"]", "\"repeat\":false", "\"incidentAt\":\"",
                    "\"url\":\"https://img.example/label.jpg\",\"replayOffsetSeconds\":null,\"capturedAt\":null,\"description\":\"衣服标签\",\"addedBy\":\"U-1\"",
                    "\"contact\":{\"phone\":\"138****5678\",\"email\":\"z***@example.com\",\"name\":\"张*\",\"consent\":true}");
            assertThat(read.body()).doesNotContain(PHONE, "zhang.wei@", "张伟");
            // nor is the raw contact anywhere in the case event
            ComplaintCase stored = cases.await(r -> id.equals(r.key()), TIMEOUT).value();
            assertThat(stored.toString()).doesNotContain(PHONE, "zhang.wei@", "张伟").contains("138****5678");
        }
    }

    @Test
    void anInternalNoteStaysInsideAndAProgressUpdateReachesTheUser() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());
        String agent = agent("A-2", "SENIOR");
        post("/api/v1/cases/" + id + "/accept", agent, null);

        HttpResponse<String> noted = post("/api/v1/cases/" + id + "/notes", agent, "{\"text\":\"商家历史上有3次同类投诉，先查质检报告\"}");
        System.out.println("POST notes → " + noted.statusCode() + " " + noted.body());
        assertThat(noted.statusCode()).isEqualTo(200);
        assertThat(noted.body()).contains("\"action\":\"INTERNAL_NOTE\"", "\"note\":\"商家历史上有3次同类投诉，先查质检报告\"",
                "\"visibility\":\"INTERNAL\"");
        HttpResponse<String> progress = post("/api/v1/cases/" + id + "/progress", agent, "{\"note\":\"已联系商家核实面料，48小时内答复\"}");
        assertThat(progress.body()).contains("\"action\":\"PROGRESS_NOTE\"").containsPattern("\"note\":\"已联系商家核实面料，48小时内答复\",\"commandId\":\"[^\"]+\",\"visibility\":\"SHARED\"");

        HttpResponse<String> mine = get("/api/v1/my/cases/" + id, TestPlatform.get().tokens().user("U-1"));
        System.out.println("GET /api/v1/my/cases/" + id + " → " + mine.body());
        assertThat(mine.body()).contains("已联系商家核实面料").doesNotContain("质检报告", "INTERNAL_NOTE");

        assertThat(post("/api/v1/cases/" + id + "/notes", agent, "{\"text\":\"" + "长".repeat(2001) + "\"}").body())
                .contains("\"field\":\"text\"", "at most 2000 characters");
        assertThat(post("/api/v1/cases/" + id + "/notes", agent, "{}").statusCode()).isEqualTo(400);

        // the decision's outcome (public) carries no note either
        post("/api/v1/cases/" + id + "/resolve", agent, "{\"remedy\":\"PARTIAL_REFUND\",\"refundFen\":10000,\"liableParty\":\"MERCHANT\",\"reason\":\"面料不符，退差价\"}");
        try (TopicReader<ComplaintOutcome> outcomes = TestPlatform.get().reader(TestPlatform.get().topics().complaintOutcomes)) {
            assertThat(outcomes.await(r -> id.equals(r.key()), TIMEOUT).value().toString()).doesNotContain("质检报告");
        }
    }

    @Test
    void theUserAddsMaterialAndWithdrawsTheirOwnCaseOnly() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());
        String user = TestPlatform.get().tokens().user("U-1");

        HttpResponse<String> added = post("/api/v1/my/cases/" + id + "/additions", user,
                "{\"text\":\"补充：洗了一次就起球了\",\"evidence\":[{\"kind\":\"PHOTO\",\"url\":\"https://img.example/pilling.jpg\"}]}");
        System.out.println("POST additions → " + added.statusCode() + " " + added.body());
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("\"kind\":\"USER_ADDITION\"", "补充：洗了一次就起球了");

        String agentView = get("/api/v1/cases/" + id, agent("A-3", "SENIOR")).body();
        assertThat(agentView).contains("\"action\":\"USER_ADDITION\"", "https://img.example/pilling.jpg", "\"addedBy\":\"U-1\"")
                .containsPattern("\"newInputAt\":\"[^\"]+\"");
        assertThat(get("/api/v1/queue", agent("A-3", "SENIOR")).body())
                .containsPattern("\"complaintId\":\"" + id + "\"[^}]*\"newInput\":true");

        String stranger = TestPlatform.get().tokens().user("U-2");
        assertThat(post("/api/v1/my/cases/" + id + "/additions", stranger, "{\"text\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/my/cases/" + id + "/withdraw", stranger, "{\"reason\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/my/cases/" + id + "/additions", user, "{\"text\":\"" + "长".repeat(2001) + "\"}").body())
                .contains("\"field\":\"text\"");
        assertThat(post("/api/v1/my/cases/" + id + "/withdraw", user, "{}").body()).contains("\"field\":\"reason\"");

        HttpResponse<String> withdrawn = post("/api/v1/my/cases/" + id + "/withdraw", user, "{\"reason\":\"商家已私下退款，撤回投诉\"}");
        System.out.println("POST withdraw → " + withdrawn.statusCode() + " " + withdrawn.body());
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(withdrawn.body()).contains("\"state\":\"CLOSED\"", "\"withdrawn\":true", "\"canDispute\":false");
        HttpResponse<String> again = post("/api/v1/my/cases/" + id + "/withdraw", user, "{\"reason\":\"再撤一次\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(post("/api/v1/my/cases/" + id + "/additions", user, "{\"text\":\"还有\"}").statusCode()).isEqualTo(409);
        HttpResponse<String> dispute = post("/api/v1/my/cases/" + id + "/dispute", user, "{\"reason\":\"又想投诉了\"}");
        assertThat(dispute.statusCode()).isEqualTo(409);
        assertThat(dispute.body()).contains("withdrew this complaint");

        // a withdrawal publishes no outcome (no credit effect on anyone)
        try (TopicReader<ComplaintOutcome> outcomes = TestPlatform.get().reader(TestPlatform.get().topics().complaintOutcomes)) {
            assertThat(outcomes.drain(Duration.ofSeconds(2)).stream().filter(r -> id.equals(r.key()))).isEmpty();
        }
    }

    @Test
    void aMisroutedCaseIsTransferredAndReclassifiedWithItsReasons() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());
        String agent = agent("A-4", "SENIOR");
        post("/api/v1/cases/" + id + "/accept", agent, null);

        assertThat(post("/api/v1/cases/" + id + "/transfer", agent, "{\"team\":\"nobody\",\"reason\":\"x\"}").body())
                .contains("\"field\":\"team\"", "is not a team");
        HttpResponse<String> same = post("/api/v1/cases/" + id + "/transfer", agent, "{\"team\":\"after-sales\",\"reason\":\"x\"}");
        assertThat(same.statusCode()).isEqualTo(409);
        assertThat(same.body()).contains("NO_CHANGE", "Nothing to change", "already in team after-sales");
        assertThat(post("/api/v1/cases/" + id + "/reclassify", agent, "{\"type\":\"WOOL\",\"reason\":\"x\"}").body())
                .contains("\"field\":\"type\"");
        assertThat(post("/api/v1/cases/" + id + "/reclassify", agent, "{\"type\":\"PRODUCT_QUALITY\",\"reason\":\"x\"}").statusCode())
                .isEqualTo(409);

        HttpResponse<String> reclassified = post("/api/v1/cases/" + id + "/reclassify", agent,
                "{\"type\":\"LOGISTICS\",\"reason\":\"用户说的是快递压坏了包装，不是质量问题\"}");
        System.out.println("POST reclassify → " + reclassified.statusCode() + " " + reclassified.body());
        assertThat(reclassified.statusCode()).isEqualTo(200);
        assertThat(reclassified.body()).contains("\"type\":\"LOGISTICS\"",
                "{\"kind\":\"RECLASSIFY\",\"from\":\"PRODUCT_QUALITY\",\"to\":\"LOGISTICS\"");

        HttpResponse<String> transferred = post("/api/v1/cases/" + id + "/transfer", agent,
                "{\"team\":\"logistics\",\"reason\":\"物流破损，转物流组\"}");
        System.out.println("POST transfer → " + transferred.statusCode() + " " + transferred.body());
        assertThat(transferred.statusCode()).isEqualTo(200);
        assertThat(transferred.body()).contains("\"state\":\"TRIAGED\"", "\"team\":\"logistics\"", "\"transferredFrom\":\"after-sales\"",
                "{\"kind\":\"TRANSFER\",\"from\":\"after-sales\",\"to\":\"logistics\"").doesNotContain("\"assigneeId\":\"A-4\"");
        // the case left the team: its agents no longer see it; the new team's queue has it
        assertThat(get("/api/v1/cases/" + id, agent).statusCode()).isEqualTo(404);
        String logistics = TestPlatform.get().tokens().agent("L-4", "JUNIOR", "logistics");
        assertThat(get("/api/v1/queue", logistics).body()).contains("\"complaintId\":\"" + id + "\",\"reason\":\"TEAM_QUEUE\"");
    }

    @Test
    void aBreachedDeadlineEscalatesTheCaseIntoTheSupervisorsQueueAndBoard() throws Exception {
        String id = newId();
        Instant longAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        open(triaged(id, longAgo).setTeam("funds-risk").build()); // its 30-minute first response passed half an hour ago
        String supervisor = supervisor("S-7");

        awaitBody("/api/v1/cases/" + id, supervisor, 200, "\"state\":\"ESCALATED\"");
        String queue = awaitBody("/api/v1/queue", supervisor, 200, "\"complaintId\":\"" + id + "\",\"reason\":\"ESCALATED\"").body();
        assertThat(queue).contains("\"complaintId\":\"" + id + "\",\"reason\":\"ESCALATED\"");

        String worked = newId(); // and one an agent of the team works on
        open(triaged(worked, Instant.now()).setTeam("funds-risk").build());
        assertThat(post("/api/v1/cases/" + worked + "/accept", TestPlatform.get().tokens().agent("FR-9", "SENIOR", "funds-risk"), null)
                .statusCode()).isEqualTo(200);

        HttpResponse<String> board = get("/api/v1/teams/funds-risk/board", supervisor);
        System.out.println("GET /api/v1/teams/funds-risk/board → " + board.statusCode() + " " + board.body());
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("\"team\":\"funds-risk\"").containsPattern("\"ESCALATED\":[1-9]")
                .containsPattern("\"breached\":\\[[^\\]]*\"complaintId\":\"" + id + "\"")
                .containsPattern("\"escalations\":\\[[^\\]]*\"complaintId\":\"" + id + "\"")
                .contains("{\"agentId\":\"FR-9\",\"open\":1,\"escalated\":0}");
        assertThat(get("/api/v1/teams/nobody/board", supervisor).body()).contains("\"field\":\"team\"");
        assertThat(get("/api/v1/teams/funds-risk/board", agent("A-5", "SENIOR")).statusCode()).isEqualTo(403);
    }
}
