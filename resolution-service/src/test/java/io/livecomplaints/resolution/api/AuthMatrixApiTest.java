package io.livecomplaints.resolution.api;

import static io.livecomplaints.testkit.security.AuthMatrix.Kind.AGENT;
import static io.livecomplaints.testkit.security.AuthMatrix.Kind.MERCHANT;
import static io.livecomplaints.testkit.security.AuthMatrix.Kind.OPERATOR;
import static io.livecomplaints.testkit.security.AuthMatrix.Kind.SUPERVISOR;
import static io.livecomplaints.testkit.security.AuthMatrix.Kind.SYSTEM;
import static io.livecomplaints.testkit.security.AuthMatrix.Kind.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.security.AuthMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every resolution endpoint against the role table (docs/security.md): 401 without a valid token, 403 for other roles. */
class AuthMatrixApiTest extends ApiTestSupport {

    private static final List<String> CASE_ACTIONS = List.of("accept", "evidence", "merchant-request", "proposal", "resolve",
            "approve", "deny", "escalate", "reject", "reopen", "close", "reassign", "progress",
            "notes", "transfer", "reclassify");

    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointAuthenticatesAndChecksRoles() throws Exception {
        AuthMatrix matrix = AuthMatrix.of(context, port)
                .allow("GET /api/v1/cases/{id}", AGENT, SUPERVISOR)
                .allow("GET /api/v1/queue", AGENT, SUPERVISOR)
                .allow("GET /api/v1/me", AGENT, SUPERVISOR)
                .allow("GET /api/v1/cases", AGENT, SUPERVISOR)
                .allow("GET /api/v1/teams/{team}/board", SUPERVISOR)
                .allow("POST /api/v1/my/cases/{id}/additions", USER)
                .allow("POST /api/v1/my/cases/{id}/withdraw", USER)
                .allow("GET /api/v1/incidents", AGENT, SUPERVISOR)
                .allow("POST /api/v1/incidents/{incidentId}/remedy", SUPERVISOR)
                .allow("GET /api/v1/credit/{subject}/{id}", USER, AGENT, SUPERVISOR, SYSTEM, OPERATOR)
                .allow("GET /api/v1/reports/regulator", SUPERVISOR, OPERATOR)
                .allow("GET /api/v1/my/cases/{id}", USER)
                .allow("POST /api/v1/my/cases/{id}/dispute", USER)
                .allow("POST /api/v1/merchant/cases/{id}/response", MERCHANT)
                .allow("GET /api/v1/merchant/cases", MERCHANT)
                .allow("GET /api/v1/merchant/cases/{id}", MERCHANT)
                .allow("POST /api/v1/merchant/cases/{id}/appeal", MERCHANT)
                .allow("GET /api/v1/appeals", SUPERVISOR)
                .allow("POST /api/v1/appeals/{id}/decision", SUPERVISOR)
                .allow("GET /api/v1/anchor/complaints", AuthMatrix.Kind.ANCHOR)
                .allow("GET /api/v1/anchor/penalties", AuthMatrix.Kind.ANCHOR)
                .allow("POST /api/v1/anchor/cases/{id}/appeal", AuthMatrix.Kind.ANCHOR);
        CASE_ACTIONS.forEach(action -> matrix.allow("POST /api/v1/cases/{id}/" + action, AGENT, SUPERVISOR));
        // read only to refuse it with a 400 naming it (RequestBodyRulesApiTest): the merchant is the token's
        matrix.bodyNames("POST /api/v1/merchant/cases/{id}/response", "merchantId", "read only to refuse it: the merchant is the token's");
        matrix.bodyNames("POST /api/v1/merchant/cases/{id}/appeal", "merchantId", "read only to refuse it: the merchant is the token's");
        matrix.bodyNames("POST /api/v1/anchor/cases/{id}/appeal", "anchorId", "read only to refuse it: the anchor is the token's");
        matrix.bodyNames("POST /api/v1/cases/{id}/reassign", "agentId", "the agent the case goes to, not the caller");
        assertThat(matrix.verify()).isGreaterThan(0);
    }
}
