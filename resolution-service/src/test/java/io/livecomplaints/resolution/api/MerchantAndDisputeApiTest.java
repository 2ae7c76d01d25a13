package io.livecomplaints.resolution.api;

import static io.livecomplaints.resolution.support.Fixtures.smallClaim;
import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ReplayRetention;
import io.livecomplaints.events.SurveyResponse;
import io.livecomplaints.resolution.support.Fixtures;
import io.livecomplaints.schemas.topics.DeadLetterHeaderNames;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import io.livecomplaints.testkit.TopicWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Merchant answers, fast paths, disputes, credit records, replay retention and dead letters, end to end in the service. */
class MerchantAndDisputeApiTest extends ApiTestSupport {

    private static final String MERCHANT_M1 = TestPlatform.get().tokens().merchant("M-1");

    @Test
    void theMerchantAnswersWithItsOwnTokenAndOnlyForTheirOwnOrders() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());
        post("/api/v1/cases/" + id + "/accept", junior("J-m"), null);
        HttpResponse<String> asked = post("/api/v1/cases/" + id + "/merchant-request", junior("J-m"),
                "{\"remedy\":\"FULL_REFUND\",\"reason\":\"货不对板，请商家全额退款\"}");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(field(asked.body(), "state")).isEqualTo("AWAITING_MERCHANT");
        assertThat(asked.body()).contains("\"clock\":\"MERCHANT_RESPONSE\"");

        assertThat(post("/api/v1/merchant/cases/" + id + "/response", TestPlatform.get().tokens().merchant("M-other"),
                "{\"agrees\":true}").statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/merchant/cases/" + id + "/response", junior("J-m"), "{\"agrees\":true}").statusCode()).isEqualTo(403);
        HttpResponse<String> answered = post("/api/v1/merchant/cases/" + id + "/response", MERCHANT_M1,
                "{\"agrees\":true,\"note\":\"同意退款\"}");

        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(field(answered.body(), "state")).isEqualTo("RESOLVED");
        try (TopicReader<ComplaintOutcome> outcomes = TestPlatform.get().reader(TestPlatform.get().topics().complaintOutcomes)) {
            ComplaintOutcome outcome = outcomes.await(r -> id.equals(r.key()), TIMEOUT).value();
            assertThat(outcome.getDecision().getRefundFen()).isEqualTo(29_900); // FULL_REFUND of what was paid
            assertThat(outcome.getDecidedBy()).isEqualTo("M-1");
            assertThat(outcome.getAutoApproved()).isFalse();
        }
    }

    @Test
    void aSmallClaimFromAUserInGoodStandingIsRefundedAtOnceAndOwedByTheMerchant() throws Exception {
        String id = newId();
        String merchant = "M-express-" + id;
        ComplaintTriaged small = smallClaim(id, Instant.now());
        small.getComplaint().getEnrichment().setMerchantId(merchant);
        small.getComplaint().setUserId("U-express-" + id);
        small.getComplaint().setOrderId("O-express-" + id); // an order nobody was refunded for yet (other tests refund O-1)
        open(small);

        HttpResponse<String> c = get("/api/v1/cases/" + id, supervisor("S-x"));
        assertThat(field(c.body(), "state")).isEqualTo("RESOLVED");
        assertThat(field(c.body(), "fastPath")).isEqualTo("EXPRESS_REFUND");
        HttpResponse<String> debt = awaitBody("/api/v1/credit/MERCHANT/" + merchant, supervisor("S-x"), 200, "\"platformAdvancedFen\":3000");
        assertThat(debt.body()).contains("\"refundsFen\":3000");
        HttpResponse<String> own = awaitBody("/api/v1/credit/USER/U-express-" + id,
                TestPlatform.get().tokens().user("U-express-" + id), 200, "\"validComplaints\":1");
        assertThat(own.body()).contains("\"refundCount\":1");
        assertThat(get("/api/v1/credit/USER/U-express-" + id, TestPlatform.get().tokens().user("U-someone-else")).statusCode()).isEqualTo(404);
    }

    @Test
    void theUserDisputesTheirOwnResultAndTheSurveyCountsSatisfaction() throws Exception {
        String id = newId();
        String anchor = "A-dispute-" + id;
        ComplaintTriaged complaint = triaged(id, Instant.now()).build();
        complaint.getComplaint().getEnrichment().setAnchorId(anchor);
        open(complaint);
        post("/api/v1/cases/" + id + "/accept", junior("J-d"), null);
        post("/api/v1/cases/" + id + "/resolve", junior("J-d"),
                "{\"remedy\":\"APOLOGY\",\"liableParty\":\"ANCHOR\",\"reason\":\"主播已道歉\"}");

        String user = TestPlatform.get().tokens().user("U-1");
        assertThat(get("/api/v1/my/cases/" + id, TestPlatform.get().tokens().user("U-2")).statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/my/cases/" + id + "/dispute", TestPlatform.get().tokens().user("U-2"), "{\"reason\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/my/cases/" + id + "/dispute", user, "{}").body()).contains("\"field\":\"reason\"");
        HttpResponse<String> disputed = post("/api/v1/my/cases/" + id + "/dispute", user, "{\"reason\":\"只道歉不够，要求退款\"}");

        assertThat(disputed.statusCode()).isEqualTo(200);
        assertThat(field(disputed.body(), "state")).isEqualTo("REOPENED");
        assertThat(field(disputed.body(), "reopenCount")).isEqualTo("1");
        assertThat(disputed.body()).doesNotContain("J-d"); // the user's view carries no agents' names or notes

        try (TopicWriter<SurveyResponse> surveys = TestPlatform.get().writer(TestPlatform.get().topics().surveyResponses)) {
            surveys.send(id, Fixtures.survey(id, "U-1", 2, false, Instant.now()));
        }
        HttpResponse<String> record = awaitBody("/api/v1/credit/ANCHOR/" + anchor, supervisor("S-d"), 200, "\"averageSatisfaction\":2.0");
        assertThat(record.body()).contains("\"disputes\":1");
    }

    @Test
    void evidenceCitingALiveReplayMarksTheReplayForRetention() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());
        post("/api/v1/cases/" + id + "/accept", junior("J-e"), null);

        HttpResponse<String> added = post("/api/v1/cases/" + id + "/evidence", junior("J-e"),
                "{\"kind\":\"LIVE_REPLAY\",\"url\":\"https://replay.example.com/S-9\",\"replayOffsetSeconds\":1834,\"description\":\"主播承诺赠品\"}");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/cases/" + id + "/evidence", junior("J-e"), "{\"kind\":\"PHOTO\"}").body()).contains("\"field\":\"url\"");

        try (TopicReader<ReplayRetention> retention = TestPlatform.get().reader(TestPlatform.get().topics().replayRetention)) {
            ReplayRetention r = retention.await(x -> id.equals(x.key()), TIMEOUT).value();
            assertThat(r.getOffsetSeconds()).isEqualTo(1834L);
            assertThat(r.getRetainUntil()).isAfter(Instant.now().plus(java.time.Duration.ofDays(30)));
        }
    }

    @Test
    void aCommandForAnUnknownCaseGoesToTheDeadLetterTopicWithItsReason() throws Exception {
        String id = newId();
        ComplaintCommand orphan = Fixtures.command(id, Fixtures.agent("A-1", io.livecomplaints.events.AgentTier.JUNIOR),
                io.livecomplaints.events.CommandAction.ACCEPT, Instant.now()).build();
        try (TopicWriter<ComplaintCommand> writer = TestPlatform.get().writer(TestPlatform.get().topics().complaintCommands);
             TopicReader<ComplaintCommand> dead = TopicReader.deadLetters(TestPlatform.get().bootstrapServers(),
                     TestPlatform.get().topics().complaintCommands)) {
            writer.send(id, orphan);
            writer.sendRaw(id + "-poison", "not avro".getBytes(StandardCharsets.UTF_8));

            var letter = dead.await(r -> id.equals(r.key()), TIMEOUT);
            assertThat(letter.headers().get(DeadLetterHeaderNames.REASON)).contains("no case " + id);
            assertThat(letter.headers().get(DeadLetterHeaderNames.SERVICE)).isEqualTo("resolution-service");
            assertThat(dead.await(r -> (id + "-poison").equals(r.key()), TIMEOUT).headers().get(DeadLetterHeaderNames.STAGE))
                    .isEqualTo("deserialization");
        }
        // the partition did not stall
        String next = newId();
        open(triaged(next, Instant.now()).build());
    }
}
