package io.livecomplaints.resolution.api;

import io.livecomplaints.schemas.auth.TokenClaims;
import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.OutcomeResult;
import io.livecomplaints.resolution.cases.model.CaseSizeBound;
import io.livecomplaints.resolution.support.Fixtures;
import io.livecomplaints.testkit.security.AccessTokens;
import io.livecomplaints.schemas.topics.DeadLetterHeaderNames;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import io.livecomplaints.testkit.TopicWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The holes of issue 20 that resolution owns, each reproduced as the adversarial probe did it, over real HTTP with
 * real tokens against the real broker (complaint-commands → case processor → complaint-cases / complaint-outcomes).
 * Each answer is printed ("PROBE …") for docs/security.md.
 */
class SecurityProbeApiTest extends ApiTestSupport {

    private static final String PARTIAL_50 = "{\"remedy\":\"PARTIAL_REFUND\",\"refundFen\":5000,\"liableParty\":\"MERCHANT\","
            + "\"reason\":\"商品与直播间展示不符，退还差价\"}";

    private final AccessTokens tokens = TestPlatform.get().tokens();

    private static HttpResponse<String> show(String what, HttpResponse<String> response) {
        String body = response.body();
        System.out.println("PROBE " + what + " → " + response.statusCode() + " "
                + (body.length() > 600 ? body.substring(0, 600) + "…" : body));
        return response;
    }

    private static String problemFields(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        return response.body();
    }

    @Test
    void aJuniorCannotPayItsLimitAgainByReopeningTheCase() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());
        String junior = junior("J-ladder");
        assertThat(post("/api/v1/cases/" + id + "/accept", junior, null).statusCode()).isEqualTo(200);
        HttpResponse<String> first = show("1 JUNIOR resolves ¥50", post("/api/v1/cases/" + id + "/resolve", junior, PARTIAL_50));
        assertThat(field(first.body(), "state")).isEqualTo("RESOLVED");

        HttpResponse<String> reopen = show("1 JUNIOR reopens", post("/api/v1/cases/" + id + "/reopen", junior, "{\"note\":\"用户来电不满意\"}"));
        assertThat(reopen.statusCode()).isEqualTo(403);
        assertThat(problemFields(reopen)).contains("reopened by the user's dispute or by a supervisor");

        // the legitimate way back: the user disputes; the case's next decision counts what it already paid
        assertThat(post("/api/v1/my/cases/" + id + "/dispute", tokens.user("U-1"), "{\"reason\":\"只退了50元，不够\"}").statusCode()).isEqualTo(200);
        assertThat(field(post("/api/v1/cases/" + id + "/accept", junior, null).body(), "state")).isEqualTo("IN_PROGRESS");
        HttpResponse<String> second = show("1 JUNIOR resolves ¥50 again", post("/api/v1/cases/" + id + "/resolve", junior, PARTIAL_50));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(field(second.body(), "state")).isEqualTo("AWAITING_APPROVAL");
        assertThat(field(second.body(), "requiredTier")).isEqualTo("INTERMEDIATE");
        assertThat(second.body()).contains("the case would pay 10000 fen refund, 0 fen compensation in all");

        HttpResponse<String> approved = post("/api/v1/cases/" + id + "/approve", agent("I-ladder", "INTERMEDIATE"), "{\"note\":\"核实两次退款合计¥100\"}");
        assertThat(field(approved.body(), "state")).isEqualTo("RESOLVED");
        try (TopicReader<ComplaintOutcome> outcomes = TestPlatform.get().reader(TestPlatform.get().topics().complaintOutcomes)) {
            List<ComplaintOutcome> resolved = outcomes.awaitAll(r -> id.equals(r.key()) && r.value().getOutcome() == OutcomeResult.RESOLVED,
                    2, TIMEOUT).stream().map(TopicReader.Received::value).toList();
            assertThat(resolved).extracting(o -> o.getDecision().getRefundFen()).containsExactly(5_000L, 5_000L);
            assertThat(resolved).extracting(ComplaintOutcome::getDecidedBy).as("the second ¥50 only with approval")
                    .containsExactly("J-ladder", "I-ladder");
        }
    }

    @Test
    void theMerchantComesFromTheTokenNeverFromTheBody() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build()); // an order of merchant M-1
        post("/api/v1/cases/" + id + "/accept", junior("J-merchant"), null);
        assertThat(field(post("/api/v1/cases/" + id + "/merchant-request", junior("J-merchant"),
                "{\"remedy\":\"FULL_REFUND\",\"reason\":\"货不对板，请商家全额退款\"}").body(), "state")).isEqualTo("AWAITING_MERCHANT");
        String path = "/api/v1/merchant/cases/" + id + "/response";

        HttpResponse<String> hotline = show("2 SYSTEM token answers for M-1", post(path, tokens.system("hotline"), "{\"merchantId\":\"M-1\",\"agrees\":true}"));
        assertThat(hotline.statusCode()).isEqualTo(403);
        assertThat(show("2 MERCHANT M-2 answers M-1's case", post(path, tokens.merchant("M-2"), "{\"agrees\":true}")).statusCode()).isEqualTo(404);
        HttpResponse<String> named = show("2 MERCHANT M-1 names a merchant in the body", post(path, tokens.merchant("M-1"), "{\"merchantId\":\"M-1\",\"agrees\":true}"));
        assertThat(named.statusCode()).isEqualTo(400);
        assertThat(problemFields(named)).contains("\"field\":\"merchantId\"");
        String unbound = tokens.mint("M-1", Set.of(TokenClaims.Role.MERCHANT), null, null, Duration.ofMinutes(5));
        assertThat(show("2 MERCHANT token without merchantId", post(path, unbound, "{\"agrees\":true}")).statusCode()).isEqualTo(401);

        HttpResponse<String> answered = show("2 MERCHANT M-1 agrees", post(path, tokens.merchant("M-1"), "{\"agrees\":true,\"note\":\"同意退款\"}"));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(field(answered.body(), "state")).isEqualTo("RESOLVED");
        try (TopicReader<ComplaintOutcome> outcomes = TestPlatform.get().reader(TestPlatform.get().topics().complaintOutcomes)) {
            assertThat(outcomes.await(r -> id.equals(r.key()), TIMEOUT).value().getDecidedBy()).isEqualTo("M-1");
        }
    }

    @Test
    void longTextIsRefusedNamingTheField() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());
        String junior = junior("J-caps");
        post("/api/v1/cases/" + id + "/accept", junior, null);
        String note100k = "长".repeat(100_000);

        HttpResponse<String> progress = show("3 progress note of 100,000 characters",
                post("/api/v1/cases/" + id + "/progress", junior, "{\"note\":\"" + note100k + "\"}"));
        assertThat(progress.statusCode()).isEqualTo(400);
        assertThat(problemFields(progress)).contains("\"field\":\"note\"", "must be at most 2000 characters (has 100000)");
        assertThat(post("/api/v1/cases/" + id + "/evidence", junior, "{\"kind\":\"PHOTO\",\"url\":\"https://img.example.com/1.png\","
                + "\"description\":\"" + "x".repeat(1001) + "\"}").body()).contains("\"field\":\"description\"");
        assertThat(post("/api/v1/cases/" + id + "/resolve", junior, "{\"remedy\":\"APOLOGY\",\"liableParty\":\"ANCHOR\",\"reason\":\""
                + "x".repeat(2001) + "\"}").body()).contains("\"field\":\"reason\"");
        assertThat(post("/api/v1/my/cases/" + id + "/dispute", tokens.user("U-1"), "{\"reason\":\"" + note100k + "\"}").body())
                .contains("\"field\":\"reason\"");
        assertThat(post("/api/v1/merchant/cases/" + id + "/response", tokens.merchant("M-1"), "{\"agrees\":false,\"note\":\"" + note100k + "\"}").body())
                .contains("\"field\":\"note\"");
        assertThat(post("/api/v1/cases/" + id + "/progress", junior, "{\"note\":\"" + "长".repeat(2000) + "\"}").statusCode())
                .as("a note at the cap").isEqualTo(200);
    }

    @Test
    void aCaseNeverGrowsPastItsBoundAndACaseThatCannotBeWrittenDoesNotStallItsPartition() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());
        assertThat(post("/api/v1/cases/" + id + "/accept", junior("A-1"), null).statusCode()).isEqualTo(200);
        var topics = TestPlatform.get().topics();
        try (TopicWriter<ComplaintCommand> commands = TestPlatform.get().writer(topics.complaintCommands);
             TopicReader<ComplaintCommand> dead = TopicReader.deadLetters(TestPlatform.get().bootstrapServers(), topics.complaintCommands);
             TopicReader<ComplaintCase> cases = TestPlatform.get().reader(topics.complaintCases)) {
            // commands written straight to the topic (the API would refuse such notes): the processor bounds the case itself
            commands.send(id, Fixtures.command(id, Fixtures.agent("A-1", AgentTier.JUNIOR), CommandAction.PROGRESS_NOTE, Instant.now())
                    .setNote("x".repeat(600_000)).build());
            cases.await(r -> id.equals(r.key()) && r.value().getVersion() == 3, TIMEOUT);
            // the API takes the expected version from its replica, which catches up a moment after the topic
            awaitBody("/api/v1/cases/" + id, supervisor("S-reader"), 200, "\"version\":3");

            HttpResponse<String> full = show("3 progress note on a case of 600 KB", post("/api/v1/cases/" + id + "/progress", junior("A-1"), "{\"note\":\"正在核实\"}"));
            assertThat(full.statusCode()).isEqualTo(409);
            assertThat(problemFields(full)).contains("CASE_FULL", "size budget");

            commands.send(id, Fixtures.command(id, Fixtures.agent("A-1", AgentTier.JUNIOR), CommandAction.RESOLVE, Instant.now())
                    .setDecision(Fixtures.refund(5_000)).setNote("y".repeat(300_000)).build());
            var letter = dead.await(r -> id.equals(r.key()), TIMEOUT);
            System.out.println("PROBE 3 dead letter: " + letter.headers().get(DeadLetterHeaderNames.REASON));
            assertThat(letter.headers().get(DeadLetterHeaderNames.REASON)).contains("would grow to", "above its bound of 786432 bytes");

            // the partition goes on, and the full case can still be finished
            HttpResponse<String> resolved = post("/api/v1/cases/" + id + "/resolve", junior("A-1"), PARTIAL_50);
            assertThat(field(resolved.body(), "state")).isEqualTo("RESOLVED");
            // versions: opened, accepted, the 600 KB note, resolved (the refused note and the dead letter wrote nothing)
            List<ComplaintCase> versions = cases.awaitAll(r -> id.equals(r.key()), 4, TIMEOUT).stream()
                    .map(TopicReader.Received::value).toList();
            assertThat(versions.get(versions.size() - 1).getState()).isEqualTo(io.livecomplaints.events.CaseState.RESOLVED);
            List<Integer> sizes = versions.stream().map(CaseSizeBound::sizeOf).toList();
            System.out.println("PROBE 3 case sizes per version: " + sizes);
            assertThat(sizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(786_432));
            assertThat(sizes).anySatisfy(size -> assertThat(size).isGreaterThan(512 * 1024));
        }
        String next = newId();
        open(triaged(next, Instant.now()).build());
    }

    @Test
    void aCaseIsReassignedOnlyToAnAgentOfItsTeam() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());
        String junior = junior("J-reassign");
        post("/api/v1/cases/" + id + "/accept", junior, null);
        String path = "/api/v1/cases/" + id + "/reassign";

        HttpResponse<String> markup = show("11 reassign to markup", post(path, junior, "{\"agentId\":\"<script>alert(1)</script>\"}"));
        assertThat(markup.statusCode()).isEqualTo(400);
        assertThat(problemFields(markup)).contains("\"field\":\"agentId\"");
        HttpResponse<String> otherTeam = show("11 reassign to another team's agent", post(path, junior, "{\"agentId\":\"LG-01\"}"));
        assertThat(otherTeam.statusCode()).isEqualTo(400);
        assertThat(otherTeam.body()).contains("\"field\":\"agentId\"", "is not an agent of team after-sales");
        HttpResponse<String> teamAgent = post(path, junior, "{\"agentId\":\"AS-02\",\"note\":\"熟悉该商家\"}");
        assertThat(teamAgent.statusCode()).isEqualTo(200);
        assertThat(field(teamAgent.body(), "assigneeId")).isEqualTo("AS-02");
    }

    @Test
    void agentEvidenceFollowsTheSameLinkRuleAsIntake() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());
        String junior = junior("J-evidence");
        post("/api/v1/cases/" + id + "/accept", junior, null);
        String path = "/api/v1/cases/" + id + "/evidence";

        for (String url : List.of("javascript:alert(document.cookie)", "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/")) {
            HttpResponse<String> refused = show("12 evidence " + url, post(path, junior, "{\"kind\":\"PHOTO\",\"url\":\"" + url + "\"}"));
            assertThat(refused.statusCode()).as(url).isEqualTo(400);
            assertThat(problemFields(refused)).contains("\"field\":\"url\"");
        }
        assertThat(post(path, junior, "{\"kind\":\"PHOTO\",\"url\":\"https://img.example.com/1.png\"}").statusCode()).isEqualTo(200);
    }
}
