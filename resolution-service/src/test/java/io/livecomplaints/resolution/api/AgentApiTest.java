package io.livecomplaints.resolution.api;

import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.OutcomeResult;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The agents' API over real HTTP against the real broker: transitions, the ladder, object-level authorization. */
class AgentApiTest extends ApiTestSupport {

    private static final String REFUND_250 = "{\"remedy\":\"PARTIAL_REFUND\",\"refundFen\":25000,\"liableParty\":\"MERCHANT\","
            + "\"reason\":\"商品与直播间展示不符，退还差价\"}";

    @Test
    void anAgentAcceptsAndResolvesWithinTheirLimitAndTheOutcomeIsPublished() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());

        HttpResponse<String> accepted = post("/api/v1/cases/" + id + "/accept", agent("A-1", "INTERMEDIATE"), null);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(field(accepted.body(), "state")).isEqualTo("IN_PROGRESS");
        assertThat(field(accepted.body(), "assigneeId")).isEqualTo("A-1");
        assertThat(accepted.body()).contains("\"firstRespondedAt\":\"");

        HttpResponse<String> resolved = post("/api/v1/cases/" + id + "/resolve", agent("A-1", "INTERMEDIATE"),
                "{\"remedy\":\"PARTIAL_REFUND\",\"refundFen\":15000,\"liableParty\":\"MERCHANT\",\"reason\":\"退还差价\"}");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(field(resolved.body(), "state")).isEqualTo("RESOLVED");

        try (TopicReader<ComplaintOutcome> outcomes = TestPlatform.get().reader(TestPlatform.get().topics().complaintOutcomes)) {
            ComplaintOutcome outcome = outcomes.await(r -> id.equals(r.key()), TIMEOUT).value();
            assertThat(outcome.getOutcome()).isEqualTo(OutcomeResult.RESOLVED);
            assertThat(outcome.getDecision().getRemedy()).isEqualTo(Remedy.PARTIAL_REFUND);
            assertThat(outcome.getDecision().getRefundFen()).isEqualTo(15_000);
            assertThat(outcome.getDecidedBy()).isEqualTo("A-1");
            assertThat(outcome.getFirstRespondedAt()).isNotNull();
        }
    }

    @Test
    void aRemedyAboveTheTierGoesForApprovalToTheNextTierAndNobodyApprovesTheirOwn() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());
        post("/api/v1/cases/" + id + "/accept", junior("J-1"), null);

        HttpResponse<String> resolved = post("/api/v1/cases/" + id + "/resolve", junior("J-1"), REFUND_250);
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(field(resolved.body(), "state")).isEqualTo("AWAITING_APPROVAL");
        assertThat(field(resolved.body(), "requiredTier")).isEqualTo("SENIOR");

        HttpResponse<String> own = post("/api/v1/cases/" + id + "/approve", junior("J-1"), null);
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(own.body()).contains("own proposal");
        HttpResponse<String> tooLow = post("/api/v1/cases/" + id + "/approve", agent("I-1", "INTERMEDIATE"), null);
        assertThat(tooLow.statusCode()).isEqualTo(403);
        assertThat(tooLow.body()).contains("needs SENIOR authority");

        HttpResponse<String> approved = post("/api/v1/cases/" + id + "/approve", agent("S-1", "SENIOR"), "{\"note\":\"核实无误\"}");
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(field(approved.body(), "state")).isEqualTo("RESOLVED");
        assertThat(approved.body()).contains("approved the proposal of J-1");
    }

    @Test
    void anIllegalTransitionIsAConflictNamingIt() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());

        HttpResponse<String> response = post("/api/v1/cases/" + id + "/approve", supervisor("S-9"), null);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(response.body()).contains("APPROVE is not allowed in state TRIAGED", "ILLEGAL_TRANSITION");
    }

    @Test
    void aDecisionOnAStaleVersionIsAConflict() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());
        post("/api/v1/cases/" + id + "/accept", junior("J-2"), null); // version 2

        HttpResponse<String> response = post("/api/v1/cases/" + id + "/progress", junior("J-2"), "{\"note\":\"正在核实\"}", "\"1\"");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("STALE_VERSION", "changed since version 1");
    }

    @Test
    void anAgentOfAnotherTeamGets404AndASupervisorSeesEveryTeam() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());

        String logistics = TestPlatform.get().tokens().agent("L-1", "SENIOR", "logistics");
        assertThat(get("/api/v1/cases/" + id, logistics).statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/cases/" + id + "/accept", logistics, null).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/cases/" + id, supervisor("S-2")).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/cases/" + id, TestPlatform.get().tokens().user("U-1")).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/cases/" + id, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anIncompleteDecisionIsA400NamingEachField() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());
        post("/api/v1/cases/" + id + "/accept", junior("J-3"), null);

        HttpResponse<String> response = post("/api/v1/cases/" + id + "/resolve", junior("J-3"), "{\"remedy\":\"COUPON\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"liableParty\"", "\"field\":\"reason\"");
        HttpResponse<String> badEnum = post("/api/v1/cases/" + id + "/resolve", junior("J-3"), "{\"remedy\":\"MONEY_BACK\"}");
        assertThat(badEnum.statusCode()).isEqualTo(400);
        assertThat(badEnum.body()).contains("\"field\":\"remedy\"");
        HttpResponse<String> overPaid = post("/api/v1/cases/" + id + "/resolve", junior("J-3"),
                "{\"remedy\":\"PARTIAL_REFUND\",\"refundFen\":99999,\"liableParty\":\"MERCHANT\",\"reason\":\"x\"}");
        assertThat(overPaid.statusCode()).isEqualTo(400);
        assertThat(overPaid.body()).contains("exceeds the amount paid");
    }

    @Test
    void aRejectionNamesItsRuleAndIsPublished() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());
        post("/api/v1/cases/" + id + "/accept", junior("J-4"), null);

        assertThat(post("/api/v1/cases/" + id + "/reject", junior("J-4"), "{\"reason\":\"超过退货期\"}").body())
                .contains("\"field\":\"ruleId\"");
        HttpResponse<String> rejected = post("/api/v1/cases/" + id + "/reject", junior("J-4"),
                "{\"ruleId\":\"RULE-7DAY-RETURN\",\"reason\":\"商品已签收超过7天且已使用，不符合七天无理由退货规则\",\"liableParty\":\"USER\"}");

        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(field(rejected.body(), "state")).isEqualTo("REJECTED");
        try (TopicReader<ComplaintOutcome> outcomes = TestPlatform.get().reader(TestPlatform.get().topics().complaintOutcomes)) {
            ComplaintOutcome outcome = outcomes.await(r -> id.equals(r.key()), TIMEOUT).value();
            assertThat(outcome.getOutcome()).isEqualTo(OutcomeResult.REJECTED);
            assertThat(outcome.getDecision().getRuleId()).isEqualTo("RULE-7DAY-RETURN");
        }
    }

    @Test
    void theQueueListsByPriorityThenDeadline() throws Exception {
        String team = "queue-team-" + newId();
        String low = newId();
        String high = newId();
        String highLater = newId();
        Instant now = Instant.now();
        open(triaged(low, now).setTeam(team).setPriority(20).build());
        open(triaged(highLater, now.plusSeconds(600)).setTeam(team).setPriority(80).build());
        open(triaged(high, now).setTeam(team).setPriority(80).build());

        HttpResponse<String> queue = get("/api/v1/queue", TestPlatform.get().tokens().agent("Q-1", "JUNIOR", team));

        assertThat(queue.statusCode()).isEqualTo(200);
        String body = queue.body();
        assertThat(body.indexOf(high)).isLessThan(body.indexOf(highLater));
        assertThat(body.indexOf(highLater)).isLessThan(body.indexOf(low));
        assertThat(body).contains("\"reason\":\"TEAM_QUEUE\"");
    }
}
