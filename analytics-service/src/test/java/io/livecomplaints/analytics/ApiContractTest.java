package io.livecomplaints.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.TestPlatform;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Who may read statistics, and what a bad request is told. */
class ApiContractTest extends AnalyticsServiceTest {

    @Test
    void statisticsNeedAnOperatorOrSystemToken() throws Exception {
        assertThat(get(port, "/api/v1/stats/types", null).statusCode()).isEqualTo(401);
        assertThat(get(port, "/api/v1/stats/types", TestPlatform.get().tokens().user("U-1")).statusCode()).isEqualTo(403);
        assertThat(get(port, "/api/v1/stats/sla", TestPlatform.get().tokens().agent("A-1", "SENIOR", "after-sales")).statusCode()).isEqualTo(403);
        assertThat(get(port, "/internal/v1/stats/tallies?store=stats-total&prefix=x", TestPlatform.get().tokens().user("U-1")).statusCode())
                .isEqualTo(403);
        await("/api/v1/stats/types", body -> body.isObject());
        assertThat(get(port, "/api/v1/stats/types", TestPlatform.get().tokens().system("grafana")).statusCode()).isEqualTo(200);
    }

    @Test
    void badParametersAreProblemsNamingTheField() throws Exception {
        assertProblem(get(port, "/api/v1/stats/complaints?by=userId", operator()), "by");
        assertProblem(get(port, "/api/v1/stats/complaints?by=type&window=5m", operator()), "window");
        assertProblem(get(port, "/api/v1/stats/sla?from=2026-11-01T00:00:00Z", operator()), "to");
        assertProblem(get(port, "/api/v1/stats/sla?from=yesterday&to=2026-11-01T00:00:00Z", operator()), "from");
        assertProblem(get(port, "/api/v1/reports/review?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", operator()), "to");
        assertProblem(get(port, "/api/v1/reports/review?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&format=pdf", operator()), "format");
    }

    private static void assertProblem(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }
}
