package io.livecomplaints.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.analytics.stats.StatsStores;
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
        assertThat(get(port, "/internal/v1/stats/tallies?store=" + StatsStores.TOTAL + "&prefix=x", TestPlatform.get().tokens().user("U-1")).statusCode())
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

    /** Issue 20 #8: extreme periods answered 500 (segment interval, long overflow); now 400 naming the allowed range. */
    @Test
    void periodsOutsideTheAllowedRangeAre400WithTheRange() throws Exception {
        for (String path : new String[] {
                "/api/v1/stats/sla?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z",
                "/api/v1/stats/complaints?by=type&from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z",
                "/api/v1/stats/complaints?by=type&window=1h&from=0001-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                "/api/v1/reports/review?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z",
                "/api/v1/stats/remedies?from=-999999999-01-01T00:00:00Z&to=%2B999999999-12-31T23:59:59Z",
                "/api/v1/stats/satisfaction?from=2026-01-01T00:00:00Z&to=%2B999999999-12-31T23:59:59Z"}) {
            HttpResponse<String> response = get(port, path, operator());
            assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
            assertThat(response.body()).as(path).contains("\"earliest\":\"2000-01-01T00:00:00Z\"", "\"latest\":\"2100-01-01T00:00:00Z\"");
        }
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        HttpResponse<String> recent = get(port, "/api/v1/reports/review?" + period(now.minus(java.time.Duration.ofDays(7)), now), operator());
        assertThat(recent.statusCode()).as("a period inside the range: " + recent.body()).isEqualTo(200);
    }

    private static void assertProblem(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }
}
