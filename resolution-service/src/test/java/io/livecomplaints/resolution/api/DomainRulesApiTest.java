package io.livecomplaints.resolution.api;

import static io.livecomplaints.resolution.support.Fixtures.smallClaim;
import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.OrderStatus;
import io.livecomplaints.events.PenaltyLevel;
import io.livecomplaints.events.QosDiagnosis;
import io.livecomplaints.events.QosVerdict;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.Severity;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.resolution.support.Fixtures;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import io.livecomplaints.testkit.TopicWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's rules through the real path: complaints-triaged → the case processor → complaint-cases /
 * complaint-outcomes / credit-records, and the HTTP API with real tokens.
 */
class DomainRulesApiTest extends ApiTestSupport {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static ComplaintCase firstVersion(String id) throws Exception {
        try (TopicReader<ComplaintCase> cases = TestPlatform.get().reader(TestPlatform.get().topics().complaintCases)) {
            return cases.await(r -> id.equals(r.key()) && r.value().getVersion() == 1, TIMEOUT).value();
        }
    }

    private static Instant due(ComplaintCase c, SlaClock clock) {
        return c.getSlaClocks().stream().filter(s -> s.getClock() == clock).findFirst().map(SlaClockStatus::getDueAt).orElse(null);
    }

    private static String shanghai(Instant at) {
        return at == null ? "-" : at.atZone(SHANGHAI).toLocalDateTime().toString();
    }

    // --- 1. calendar hours -------------------------------------------------------------------------------------------

    @Test
    void highAndMediumComplaintsFiledAt23ShanghaiGetCalendarHourDeadlines() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(SHANGHAI);
        ZonedDateTime at23 = ZonedDateTime.of(LocalDate.now(SHANGHAI), LocalTime.of(23, 0), SHANGHAI);
        Instant filed = (at23.isAfter(now) ? at23 : at23.plusDays(1)).toInstant(); // ahead: no timer fires during the test
        String high = newId();
        String medium = newId();
        open(triaged(high, filed).setSeverity(Severity.HIGH).build());
        open(triaged(medium, filed).build());

        ComplaintCase h = firstVersion(high);
        ComplaintCase m = firstVersion(medium);
        for (ComplaintCase c : List.of(h, m)) {
            System.out.println("calendar hours: " + c.getSeverity() + " filed " + shanghai(filed) + " Shanghai: first response "
                    + shanghai(due(c, SlaClock.FIRST_RESPONSE)) + ", plan " + shanghai(due(c, SlaClock.HANDLING_PLAN))
                    + ", resolution " + shanghai(due(c, SlaClock.RESOLUTION)));
        }
        assertThat(due(h, SlaClock.FIRST_RESPONSE)).isEqualTo(filed.plus(Duration.ofMinutes(30)));
        assertThat(due(h, SlaClock.HANDLING_PLAN)).isEqualTo(filed.plus(Duration.ofHours(72)));
        assertThat(due(h, SlaClock.RESOLUTION)).isEqualTo(filed.plus(Duration.ofHours(120)));
        assertThat(h.getPlanDueAt()).isEqualTo(filed.plus(Duration.ofHours(72)));
        assertThat(due(m, SlaClock.HANDLING_PLAN)).isNull();
        assertThat(due(m, SlaClock.RESOLUTION)).isEqualTo(filed.plus(Duration.ofHours(48)));
        assertThat(m.getResolutionDueAt()).isEqualTo(filed.plus(Duration.ofHours(48)));
    }

    // --- 2. auto-answered complaints end -----------------------------------------------------------------------------

    @Test
    void aViewerSideComplaintAnsweredAutomaticallyIsResolvedBySystemAndTheUserMayDisputeIt() throws Exception {
        String id = newId();
        ComplaintTriaged.Builder t = triaged(id, Instant.now()).setAutoReply(true).setTeam("tech-support")
                .setDiagnosis(QosDiagnosis.newBuilder().setVerdict(QosVerdict.VIEWER_SIDE)
                        .setAdvice("请切换到更稳定的Wi-Fi或4G/5G网络后重新进入直播间。").build());
        t.getClassification().setPrimaryType(ComplaintType.STREAM_QUALITY);
        t.getComplaint().setDemands(List.of());
        t.getComplaint().setUserId("U-auto-" + id);
        open(t.build());

        ComplaintCase answered = firstVersion(id);
        assertThat(answered.getState()).isEqualTo(CaseState.RESOLVED);
        assertThat(answered.getFastPath()).isEqualTo("AUTO_ANSWER");
        assertThat(answered.getFirstRespondedAt()).isNotNull();
        assertThat(answered.getSlaClocks()).allSatisfy(s -> {
            assertThat(s.getMetAt()).isNotNull();
            assertThat(s.getBreachedAt()).isNull();
        });
        try (TopicReader<ComplaintOutcome> outcomes = TestPlatform.get().reader(TestPlatform.get().topics().complaintOutcomes)) {
            ComplaintOutcome o = outcomes.await(r -> id.equals(r.key()), TIMEOUT).value();
            System.out.println("auto answer outcome: " + o.getDecision());
            assertThat(o.getDecidedBy()).isEqualTo("resolution-service");
            assertThat(o.getDecision().getRemedy()).isEqualTo(Remedy.ADVICE);
            assertThat(o.getDecision().getLiableParty()).isEqualTo(LiableParty.USER);
            assertThat(o.getDecision().getRuleId()).isEqualTo("AUTO-QOS-VIEWER-SIDE");
        }

        String user = TestPlatform.get().tokens().user("U-auto-" + id);
        HttpResponse<String> disputed = post("/api/v1/my/cases/" + id + "/dispute", user, "{\"reason\":\"换了网络还是卡\"}");
        System.out.println("auto answer dispute: " + disputed.statusCode() + " " + disputed.body());
        assertThat(disputed.statusCode()).isEqualTo(200);
        assertThat(field(disputed.body(), "state")).isEqualTo("REOPENED");
    }

    // --- 3. the basis rule holds where the decision is made ----------------------------------------------------------

    @Test
    void aDecisionWithoutBasisIsRefusedByTheApiNamingReasonAndRuleIdAndByTheProcessor() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());
        post("/api/v1/cases/" + id + "/accept", junior("J-basis"), null);

        HttpResponse<String> bare = post("/api/v1/cases/" + id + "/resolve", junior("J-basis"),
                "{\"remedy\":\"APOLOGY\",\"liableParty\":\"MERCHANT\",\"reason\":\"不符合条件\"}");
        System.out.println("bare reason: " + bare.statusCode() + " " + bare.body());
        assertThat(bare.statusCode()).isEqualTo(400);
        assertThat(bare.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(bare.body()).contains("\"field\":\"reason\"").contains("\"field\":\"ruleId\"");

        // the same decision as a command on complaint-commands: the processor refuses it on the timeline, no outcome
        RemedyDecision bareDecision = RemedyDecision.newBuilder().setRemedy(Remedy.APOLOGY).setLiableParty(LiableParty.MERCHANT)
                .setReason("不符合条件").build();
        ComplaintCommand command = Fixtures.command(id, Fixtures.agent("J-basis", AgentTier.JUNIOR), CommandAction.RESOLVE, Instant.now())
                .setDecision(bareDecision).build();
        try (TopicWriter<ComplaintCommand> writer = TestPlatform.get().writer(TestPlatform.get().topics().complaintCommands)) {
            writer.send(id, command);
        }
        HttpResponse<String> refused = awaitBody("/api/v1/cases/" + id, junior("J-basis"), 200, "RESOLVE_REFUSED");
        assertThat(refused.body()).contains("ruleId is required");
        assertThat(field(refused.body(), "state")).isEqualTo("IN_PROGRESS");

        HttpResponse<String> withRule = post("/api/v1/cases/" + id + "/resolve", junior("J-basis"),
                "{\"remedy\":\"APOLOGY\",\"liableParty\":\"MERCHANT\",\"reason\":\"不符合条件\",\"ruleId\":\"R-7DAY-2\"}");
        assertThat(withRule.statusCode()).isEqualTo(200);
        assertThat(field(withRule.body(), "state")).isEqualTo("RESOLVED");
    }

    // --- 7. no double refunds ----------------------------------------------------------------------------------------

    @Test
    void anOrderAnEarlierComplaintGotMoneyBackForGoesToAnAgentInsteadOfAnExpressRefund() throws Exception {
        String order = "O-dbl-" + newId();
        String first = newId();
        ComplaintTriaged earlier = triaged(first, Instant.now()).build();
        earlier.getComplaint().setOrderId(order);
        earlier.getComplaint().setUserId("U-dbl-a-" + first);
        open(earlier);
        post("/api/v1/cases/" + first + "/accept", agent("S-dbl", "SENIOR"), null);
        HttpResponse<String> refunded = post("/api/v1/cases/" + first + "/resolve", agent("S-dbl", "SENIOR"),
                "{\"remedy\":\"FULL_REFUND\",\"liableParty\":\"MERCHANT\",\"reason\":\"商品与直播间展示不符，全额退款\"}");
        assertThat(field(refunded.body(), "state")).isEqualTo("RESOLVED");
        HttpResponse<String> orderRecord = awaitBody("/api/v1/credit/ORDER/" + order, supervisor("S-dbl"), 200, "\"refundCount\":1");
        System.out.println("order refunds: " + orderRecord.body());

        String second = newId();
        ComplaintTriaged again = smallClaim(second, Instant.now());
        again.getComplaint().setOrderId(order);
        again.getComplaint().setUserId("U-dbl-b-" + second);
        open(again);
        HttpResponse<String> c = awaitBody("/api/v1/cases/" + second, supervisor("S-dbl"), 200, "EXPRESS_REFUND_WITHHELD");
        System.out.println("withheld: " + c.body());
        assertThat(field(c.body(), "state")).isEqualTo("TRIAGED");
        assertThat(c.body()).contains("an earlier complaint on order " + order + " already got money back");
    }

    @Test
    void aRefundedOrCancelledOrderIsNotRefundedAgainAutomatically() throws Exception {
        for (OrderStatus status : List.of(OrderStatus.REFUNDED, OrderStatus.CANCELLED)) {
            String id = newId();
            ComplaintTriaged claim = smallClaim(id, Instant.now());
            claim.getComplaint().getEnrichment().setOrderStatus(status);
            claim.getComplaint().setUserId("U-status-" + id);
            open(claim);
            HttpResponse<String> c = awaitBody("/api/v1/cases/" + id, supervisor("S-status"), 200, "EXPRESS_REFUND_WITHHELD");
            assertThat(field(c.body(), "state")).isEqualTo("TRIAGED");
            assertThat(c.body()).contains("is already " + status);
        }
    }

    // --- 8. anchor penalties have levels -----------------------------------------------------------------------------

    @Test
    void anAnchorPenaltyNeedsItsLevelAndDurationAndGoesOnTheAnchorsRecord() throws Exception {
        String id = newId();
        String anchor = "A-pen-" + id;
        ComplaintTriaged complaint = triaged(id, Instant.now()).build();
        complaint.getComplaint().getEnrichment().setAnchorId(anchor);
        open(complaint);
        post("/api/v1/cases/" + id + "/accept", junior("J-pen"), null);
        String base = "\"remedy\":\"ANCHOR_PENALTY\",\"liableParty\":\"ANCHOR\",\"reason\":\"主播在直播中辱骂用户，违反主播行为规范\"";

        HttpResponse<String> noLevel = post("/api/v1/cases/" + id + "/resolve", junior("J-pen"), "{" + base + "}");
        System.out.println("penalty without level: " + noLevel.statusCode() + " " + noLevel.body());
        assertThat(noLevel.statusCode()).isEqualTo(400);
        assertThat(noLevel.body()).contains("\"field\":\"anchorPenalty.level\"");
        HttpResponse<String> noDays = post("/api/v1/cases/" + id + "/resolve", junior("J-pen"),
                "{" + base + ",\"anchorPenalty\":{\"level\":\"TRAFFIC_LIMIT\"}}");
        assertThat(noDays.statusCode()).isEqualTo(400);
        assertThat(noDays.body()).contains("\"field\":\"anchorPenalty.durationDays\"");
        HttpResponse<String> timedBan = post("/api/v1/cases/" + id + "/resolve", junior("J-pen"),
                "{" + base + ",\"anchorPenalty\":{\"level\":\"BAN\",\"durationDays\":30}}");
        assertThat(timedBan.statusCode()).isEqualTo(400);
        assertThat(timedBan.body()).contains("\"field\":\"anchorPenalty.durationDays\"");

        HttpResponse<String> limited = post("/api/v1/cases/" + id + "/resolve", junior("J-pen"),
                "{" + base + ",\"ruleId\":\"R-ANCHOR-3\",\"anchorPenalty\":{\"level\":\"TRAFFIC_LIMIT\",\"durationDays\":7}}");
        assertThat(limited.statusCode()).isEqualTo(200);
        assertThat(field(limited.body(), "state")).isEqualTo("RESOLVED");
        try (TopicReader<ComplaintOutcome> outcomes = TestPlatform.get().reader(TestPlatform.get().topics().complaintOutcomes)) {
            ComplaintOutcome o = outcomes.await(r -> id.equals(r.key()), TIMEOUT).value();
            assertThat(o.getDecision().getAnchorPenalty().getLevel()).isEqualTo(PenaltyLevel.TRAFFIC_LIMIT);
            assertThat(o.getDecision().getAnchorPenalty().getDurationDays()).isEqualTo(7);
        }
        HttpResponse<String> record = awaitBody("/api/v1/credit/ANCHOR/" + anchor, supervisor("S-pen"), 200, "\"anchorPenalties\":1");
        System.out.println("anchor record: " + record.body());
        assertThat(record.body()).contains("\"lastAnchorPenalty\":{\"level\":\"TRAFFIC_LIMIT\",\"durationDays\":7}");
    }
}
