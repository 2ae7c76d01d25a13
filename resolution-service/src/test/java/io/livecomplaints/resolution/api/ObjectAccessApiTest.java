package io.livecomplaints.resolution.api;

import io.livecomplaints.schemas.auth.TokenClaims;
import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.security.AccessTokens;
import io.livecomplaints.testkit.TestPlatform;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Object-level authorization of every endpoint that takes an id (docs/security.md), on one real case of team
 * after-sales, user U-1, merchant M-1: whoever may not see it gets 404 (its existence is not revealed), whatever
 * the action; a supervisor sees every team's; the role layer (403) is AuthMatrixApiTest's.
 */
class ObjectAccessApiTest extends ApiTestSupport {

    private static final List<String> ACTIONS = List.of("accept", "evidence", "merchant-request", "proposal", "resolve",
            "approve", "deny", "escalate", "reject", "reopen", "close", "reassign", "progress");

    private final AccessTokens tokens = TestPlatform.get().tokens();

    @Test
    void aCaseIsInvisibleToEveryoneItDoesNotConcern() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());

        String otherTeam = tokens.agent("L-9", "SENIOR", "logistics");
        String noTeam = tokens.mint("A-noteam", Set.of(TokenClaims.Role.AGENT), "SENIOR", null, java.time.Duration.ofMinutes(5));
        for (String token : List.of(otherTeam, noTeam)) {
            assertThat(get("/api/v1/cases/" + id, token).statusCode()).isEqualTo(404);
            for (String action : ACTIONS) {
                // an incomplete body may be refused (400) before the case is looked up, but exactly as for a case
                // that does not exist: the answer never tells the case exists
                int status = post("/api/v1/cases/" + id + "/" + action, token, "{\"note\":\"x\"}").statusCode();
                assertThat(status).as("%s by an agent outside the case's team", action).isIn(404, 400)
                        .isEqualTo(post("/api/v1/cases/" + newId() + "/" + action, token, "{\"note\":\"x\"}").statusCode());
            }
            assertThat(get("/api/v1/queue", token).body()).doesNotContain(id);
        }
        assertThat(get("/api/v1/cases/" + id, supervisor("S-any")).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/queue", junior("J-own-team")).body()).as("the team's unassigned case").contains(id);
        assertThat(get("/api/v1/cases/" + id, junior("J-own-team")).statusCode()).isEqualTo(200);

        String otherUser = tokens.user("U-2");
        assertThat(get("/api/v1/my/cases/" + id, otherUser).statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/my/cases/" + id + "/dispute", otherUser, "{\"reason\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/my/cases/" + id, tokens.user("U-1")).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/my/cases/" + id, tokens.system("hotline")).statusCode())
                .as("an upstream system cannot read a user's view").isEqualTo(403);

        assertThat(post("/api/v1/merchant/cases/" + id + "/response", tokens.merchant("M-2"), "{\"agrees\":true}").statusCode())
                .as("another merchant's case").isEqualTo(404);
        assertThat(post("/api/v1/merchant/cases/" + id + "/response", tokens.system("merchant-platform"),
                "{\"merchantId\":\"M-1\",\"agrees\":true}").statusCode()).as("a system token answers for no merchant").isEqualTo(403);
    }

    @Test
    void aUserReadsOnlyTheirOwnCreditRecordWhileAgentsSystemsAndOperatorsReadAny() throws Exception {
        String id = newId();
        String user = "U-credit-" + id;
        var small = io.livecomplaints.resolution.support.Fixtures.smallClaim(id, Instant.now()); // express refund: records at once
        small.getComplaint().setUserId(user);
        small.getComplaint().setOrderId("O-credit-" + id); // an order nobody was refunded for yet (other tests refund O-1)
        open(small);
        awaitBody("/api/v1/credit/USER/" + user, tokens.user(user), 200, "\"validComplaints\":1");

        assertThat(get("/api/v1/credit/USER/" + user, tokens.user("U-2")).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/credit/MERCHANT/M-1", tokens.user(user)).statusCode()).as("not a user's business").isEqualTo(404);
        // agents, internal systems (risk control) and operations read credit records by design
        for (String reader : List.of(tokens.system("risk-system"), tokens.operator("ops-1"), junior("J-1"), supervisor("S-1"))) {
            assertThat(get("/api/v1/credit/USER/" + user, reader).statusCode()).isEqualTo(200);
        }
    }
}
