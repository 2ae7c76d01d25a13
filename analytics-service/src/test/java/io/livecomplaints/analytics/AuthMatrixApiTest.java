package io.livecomplaints.analytics;

import static io.livecomplaints.testkit.security.AuthMatrix.Kind.OPERATOR;
import static io.livecomplaints.testkit.security.AuthMatrix.Kind.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.security.AuthMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every analytics endpoint against the role table (docs/security.md): statistics are for operations and internal
 * systems (another instance's tallies, dashboards); users, agents and supervisors get 403.
 */
class AuthMatrixApiTest extends AnalyticsServiceTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointAuthenticatesAndChecksRoles() throws Exception {
        int requests = AuthMatrix.of(context, port)
                .allow("GET /api/v1/stats/types", OPERATOR, SYSTEM)
                .allow("GET /api/v1/stats/complaints", OPERATOR, SYSTEM)
                .allow("GET /api/v1/stats/rates", OPERATOR, SYSTEM)
                .allow("GET /api/v1/stats/remedies", OPERATOR, SYSTEM)
                .allow("GET /api/v1/stats/sla", OPERATOR, SYSTEM)
                .allow("GET /api/v1/stats/merchants/timeouts", OPERATOR, SYSTEM)
                .allow("GET /api/v1/stats/satisfaction", OPERATOR, SYSTEM)
                .allow("GET /api/v1/stats/corrections", OPERATOR, SYSTEM)
                .allow("GET /api/v1/reports/review", OPERATOR, SYSTEM)
                .allow("GET /internal/v1/stats/tallies", OPERATOR, SYSTEM)
                .verify();
        assertThat(requests).isGreaterThan(0);
    }
}
