package io.livecomplaints.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.security.AuthMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every notification endpoint against the role table (docs/security.md): 401 without a valid token. */
class AuthMatrixApiTest extends ServiceTestBase {

    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointAuthenticatesAndChecksRoles() throws Exception {
        int requests = AuthMatrix.of(context, port)
                // owner-only: 404 to anyone but the user the inbox or survey belongs to (NotificationFlowTest, ObjectAccessTest)
                .allowAnyAuthenticated("GET /api/v1/inbox/{userId}")
                .allow("GET /api/v1/merchant/inbox", io.livecomplaints.testkit.security.AuthMatrix.Kind.MERCHANT)
                .allow("GET /api/v1/anchor/inbox", io.livecomplaints.testkit.security.AuthMatrix.Kind.ANCHOR)
                .allowAnyAuthenticated("GET /api/v1/surveys/{complaintId}")
                .allowAnyAuthenticated("POST /api/v1/surveys/{complaintId}")
                .verify();
        assertThat(requests).isGreaterThan(0);
    }
}
