package io.livecomplaints.intake.api;

import static io.livecomplaints.testkit.security.AuthMatrix.Kind.SYSTEM;
import static io.livecomplaints.testkit.security.AuthMatrix.Kind.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.security.AuthMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every intake endpoint against the role table (docs/security.md): 401 without a valid token, 403 for other roles. */
class AuthMatrixApiTest extends IntakeApiTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointAuthenticatesAndChecksRoles() throws Exception {
        int requests = AuthMatrix.of(context, port)
                .allow("POST /api/v1/complaints", USER, SYSTEM)
                // the owner's view: 404 to anyone but the filing user, whatever the role (ProgressApiTest)
                .allowAnyAuthenticated("GET /api/v1/complaints/{complaintId}")
                .bodyNames("POST /api/v1/complaints", "userId",
                        "a SYSTEM files on behalf of the user it names; a USER's own id comes from the token, the body's is ignored")
                .verify();
        assertThat(requests).isGreaterThan(0);
    }
}
