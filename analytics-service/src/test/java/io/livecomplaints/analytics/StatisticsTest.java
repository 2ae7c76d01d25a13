package io.livecomplaints.analytics;

import static io.livecomplaints.analytics.Events.caseVersion;
import static io.livecomplaints.analytics.Events.order;
import static io.livecomplaints.analytics.Events.outcome;
import static io.livecomplaints.analytics.Events.qos;
import static io.livecomplaints.analytics.Events.sla;
import static io.livecomplaints.analytics.Events.survey;
import static io.livecomplaints.analytics.Events.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.OrderStatus;
import io.livecomplaints.events.OutcomeResult;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.Severity;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.SlaEventKind;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.testkit.TestPlatform;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A known sequence of lifecycle events (four complaints of one team, with cases, outcomes, SLA events, surveys,
 * orders and QoS telemetry) written to the real topics, and every figure the API and Prometheus give for it.
 */
class StatisticsTest extends AnalyticsServiceTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TEAM = "team-" + RUN;
    private static final String M1 = "M-" + RUN + "-1";
    private static final String M2 = "M-" + RUN + "-2";
    private static final String SESSION = "S-" + RUN;
    /** 12:00 UTC three days ago (20:00 in Shanghai): this class's hour */
    private static final Instant T = daysAgo(3, 12);
    private static final Instant END = T.plus(Duration.ofHours(1));

    private static Instant at(int minutes) {
        return T.plus(Duration.ofMinutes(minutes));
    }

    @BeforeAll
    static void knownSequence() {
        Topics topics = TestPlatform.get().topics();
        Events.About shop1 = new Events.About(M1, "A-" + RUN, "R-" + RUN, SESSION, "SKU-" + RUN + "-1");
        Events.About shop2 = new Events.About(M2, "A-" + RUN, "R-" + RUN, SESSION, "SKU-" + RUN + "-2");
        write(topics.liveQos, SESSION, qos(SESSION, "R-" + RUN, "region-" + RUN, at(0)));
        write(topics.commerceOrders, "O-" + RUN + "-1", order("O-" + RUN + "-1", OrderStatus.PAID, shop1, at(0)));
        write(topics.commerceOrders, "O-" + RUN + "-1", order("O-" + RUN + "-1", OrderStatus.SHIPPED, shop1, at(0)));
        write(topics.commerceOrders, "O-" + RUN + "-2", order("O-" + RUN + "-2", OrderStatus.PAID, shop1, at(0)));
        for (int i = 3; i <= 5; i++) {
            write(topics.commerceOrders, "O-" + RUN + "-" + i, order("O-" + RUN + "-" + i, OrderStatus.PAID, shop2, at(0)));
        }
        ComplaintTriaged c1 = triaged("C-" + RUN + "-1", ComplaintType.PRODUCT_QUALITY, Channel.ORDER_PAGE, Severity.MEDIUM, TEAM, shop1, at(1), null);
        ComplaintTriaged c2 = triaged("C-" + RUN + "-2", ComplaintType.PRODUCT_QUALITY, Channel.APP_CHAT, Severity.HIGH, TEAM, shop1, at(2), null);
        ComplaintTriaged c3 = triaged("C-" + RUN + "-3", ComplaintType.STREAM_QUALITY, Channel.LIVE_ROOM_BUTTON, Severity.LOW, TEAM, shop2, at(3), null);
        ComplaintTriaged c4 = triaged("C-" + RUN + "-4", ComplaintType.STREAM_QUALITY, Channel.LIVE_COMMENT, Severity.LOW, TEAM, shop2, at(4), "region-" + RUN + "-b");
        for (ComplaintTriaged c : Arrays.asList(c1, c2, c3, c4, c1)) {
            write(topics.complaintsTriaged, c.getEnvelope().getComplaintId(), c);
        }
        write(topics.complaintCases, id(c1), caseVersion(c1, 1, CaseState.ASSIGNED, at(2), null, 0));
        write(topics.complaintCases, id(c1), caseVersion(c1, 2, CaseState.IN_PROGRESS, at(6), at(6), 0));
        write(topics.complaintCases, id(c1), caseVersion(c1, 3, CaseState.IN_PROGRESS, at(7), at(6), 0));
        write(topics.complaintCases, id(c2), caseVersion(c2, 1, CaseState.IN_PROGRESS, at(12), at(12), 0));
        write(topics.complaintCases, id(c3), caseVersion(c3, 1, CaseState.IN_PROGRESS, at(4), at(4), 0));
        ComplaintOutcome refund = outcome(c1, OutcomeResult.RESOLVED, Remedy.FULL_REFUND, 12900, 0, LiableParty.MERCHANT, at(31));
        write(topics.complaintOutcomes, id(c1), refund);
        write(topics.complaintOutcomes, id(c1), refund);
        write(topics.complaintOutcomes, id(c2), outcome(c2, OutcomeResult.RESOLVED, Remedy.PARTIAL_REFUND, 5000, 1000, LiableParty.MERCHANT, at(50)));
        write(topics.complaintOutcomes, id(c3), outcome(c3, OutcomeResult.RESOLVED, Remedy.TECH_FIX, 0, 0, LiableParty.PLATFORM, at(20)));
        SlaEvent breach = sla(id(c2), SlaEventKind.BREACHED, SlaClock.FIRST_RESPONSE, at(7), TEAM);
        write(topics.slaEvents, id(c2), breach);
        write(topics.slaEvents, id(c2), breach);
        write(topics.slaEvents, id(c2), sla(id(c2), SlaEventKind.BREACHED, SlaClock.FIRST_RESPONSE, at(8), TEAM));
        write(topics.slaEvents, id(c2), sla(id(c2), SlaEventKind.BREACHED, SlaClock.RESOLUTION, at(45), TEAM));
        write(topics.slaEvents, id(c2), sla(id(c2), SlaEventKind.ESCALATED, SlaClock.RESOLUTION, at(45), TEAM));
        write(topics.slaEvents, id(c4), sla(id(c4), SlaEventKind.WARNING, SlaClock.FIRST_RESPONSE, at(30), null));
        // the merchants are asked to answer (c1 of M1, c3 of M2); M1 does not answer in time: a merchant timeout,
        // which must not count in the platform's SLA figures (breachedComplaints stays 1, slaBreaches 2)
        write(topics.complaintCases, id(c1), ComplaintCase.newBuilder(caseVersion(c1, 3, CaseState.AWAITING_MERCHANT, at(8), at(6), 0))
                .setMerchantId(M1).setMerchantRequestedAt(at(8)).build());
        write(topics.complaintCases, id(c3), ComplaintCase.newBuilder(caseVersion(c3, 2, CaseState.AWAITING_MERCHANT, at(5), at(4), 0))
                .setMerchantId(M2).setMerchantRequestedAt(at(5)).build());
        write(topics.slaEvents, id(c1), sla(id(c1), SlaEventKind.WARNING, SlaClock.MERCHANT_RESPONSE, at(9), TEAM));
        write(topics.slaEvents, id(c1), sla(id(c1), SlaEventKind.BREACHED, SlaClock.MERCHANT_RESPONSE, at(10), TEAM));
        write(topics.complaintCases, id(c1), caseVersion(c1, 4, CaseState.REOPENED, at(40), at(6), 1));
        write(topics.complaintCases, id(c1), caseVersion(c1, 5, CaseState.IN_PROGRESS, at(41), at(6), 1));
        write(topics.surveyResponses, id(c1), survey(id(c1), 2, at(35)));
        write(topics.surveyResponses, id(c2), survey(id(c2), 5, at(55)));
        write(topics.surveyResponses, id(c3), survey(id(c3), 4, at(25)));
    }

    private static String id(ComplaintTriaged c) {
        return c.getEnvelope().getComplaintId();
    }

    @Test
    void complaintCountsPerBreakdownInThePeriodAndAllTime() throws Exception {
        String period = period(T, END);
        assertJson(await("/api/v1/stats/complaints?by=merchant&" + period, b -> b.path("counts").size() == 2
                && b.path("counts").path(M2).asLong() == 2).path("counts"), "{\"" + M1 + "\":2,\"" + M2 + "\":2}");
        assertJson(await("/api/v1/stats/complaints?by=team&" + period, b -> b.path("counts").path(TEAM).asLong() == 4).path("counts"),
                "{\"" + TEAM + "\":4}");
        assertJson(await("/api/v1/stats/complaints?by=product&" + period, b -> b.path("counts").size() == 2).path("counts"),
                "{\"SKU-" + RUN + "-1\":2,\"SKU-" + RUN + "-2\":2}");
        assertJson(await("/api/v1/stats/complaints?by=region&" + period, b -> b.path("counts").size() == 2).path("counts"),
                "{\"region-" + RUN + "\":1,\"region-" + RUN + "-b\":1}");
        assertJson(await("/api/v1/stats/complaints?by=type&" + period, b -> b.path("counts").path("STREAM_QUALITY").asLong() == 2).path("counts"),
                "{\"PRODUCT_QUALITY\":2,\"STREAM_QUALITY\":2}");
        assertThat(await("/api/v1/stats/complaints?by=session", b -> b.path("counts").has(SESSION)).path("counts").path(SESSION).asLong())
                .isEqualTo(4);
        assertThat(await("/api/v1/stats/types", b -> b.path("STREAM_QUALITY").asLong() >= 2).path("PRODUCT_QUALITY").asLong())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void minuteWindowsShowWhenComplaintsArrived() throws Exception {
        JsonNode series = await("/api/v1/stats/complaints?by=team&window=1m&" + period(T, at(5)),
                b -> b.path("buckets").size() == 4);
        assertThat(series.path("window").asText()).isEqualTo("1m");
        for (int i = 0; i < 4; i++) {
            JsonNode bucket = series.path("buckets").get(i);
            assertThat(Instant.parse(bucket.path("start").asText())).isEqualTo(at(i + 1));
            assertJson(bucket.path("counts"), "{\"" + TEAM + "\":1}");
        }
    }

    @Test
    void complaintRatesArePerOrderCountedOnce() throws Exception {
        JsonNode rates = await("/api/v1/stats/rates?by=merchant&" + period(T, END), b -> b.path("rates").size() == 2).path("rates");
        assertJson(rates, "[{\"id\":\"" + M1 + "\",\"complaints\":2,\"orders\":2,\"rate\":1.0},"
                + "{\"id\":\"" + M2 + "\",\"complaints\":2,\"orders\":3,\"rate\":" + (2.0 / 3) + "}]");
    }

    @Test
    void slaFiguresOfTheTeam() throws Exception {
        JsonNode figures = await("/api/v1/stats/sla?by=team&" + period(T, END),
                b -> b.path("figures").path(TEAM).path("resolution").path("count").asLong() == 3
                        && b.path("figures").path(TEAM).path("warnings").asLong() == 1).path("figures").path(TEAM);
        assertJson(figures, "{\"complaints\":4,\"breachedComplaints\":1,\"breachRate\":0.25,\"slaBreaches\":2,\"warnings\":1,"
                + "\"escalations\":1,\"firstResponse\":{\"count\":3,\"medianSeconds\":300,\"p95Seconds\":600},"
                + "\"resolution\":{\"count\":3,\"medianSeconds\":1800,\"p95Seconds\":2880}}");
    }

    @Test
    void merchantTimeoutRatesPerMerchantApartFromThePlatformsSla() throws Exception {
        JsonNode timeouts = await("/api/v1/stats/merchants/timeouts?" + period(T, END),
                b -> b.path("overall").path("timeouts").asLong() >= 1 && b.path("overall").path("requests").asLong() >= 2);
        System.out.println("GET /api/v1/stats/merchants/timeouts → " + timeouts);
        JsonNode merchants = timeouts.path("merchants");
        List<JsonNode> ours = new java.util.ArrayList<>();
        merchants.forEach(m -> {
            if (m.path("merchantId").asText().contains(RUN)) {
                ours.add(m);
            }
        });
        assertThat(ours).hasSize(2);
        assertJson(ours.get(0), "{\"merchantId\":\"" + M1 + "\",\"requests\":1,\"timeouts\":1,\"rate\":1.0}");
        assertJson(ours.get(1), "{\"merchantId\":\"" + M2 + "\",\"requests\":1,\"timeouts\":0,\"rate\":0.0}");
        assertThat(timeouts.path("overall").path("merchantId").asText()).isEqualTo("all");
    }

    @Test
    void remediesAndLiablePartiesOfThePeriod() throws Exception {
        JsonNode remedies = await("/api/v1/stats/remedies?" + period(T, END), b -> b.path("total").path("count").asLong() == 3);
        assertJson(remedies, "{\"total\":{\"count\":3,\"amountFen\":18900},\"byRemedy\":{"
                + "\"FULL_REFUND\":{\"count\":1,\"amountFen\":12900},\"PARTIAL_REFUND\":{\"count\":1,\"amountFen\":6000},"
                + "\"TECH_FIX\":{\"count\":1,\"amountFen\":0}},\"liableParties\":{"
                + "\"MERCHANT\":{\"decisions\":2,\"share\":" + (2.0 / 3) + "},\"PLATFORM\":{\"decisions\":1,\"share\":" + (1.0 / 3) + "}}}");
    }

    @Test
    void satisfactionAndReopenRateOfTheTeam() throws Exception {
        JsonNode satisfaction = await("/api/v1/stats/satisfaction?by=team&" + period(T, END),
                b -> b.path("figures").path(TEAM).path("responses").asLong() == 3 && b.path("figures").path(TEAM).path("reopened").asLong() == 1);
        assertJson(satisfaction.path("figures").path(TEAM), "{\"responses\":3,\"meanScore\":" + (11.0 / 3)
                + ",\"decided\":3,\"reopened\":1,\"reopenRate\":" + (1.0 / 3) + "}");
        assertJson(satisfaction.path("scores"), "{\"2\":1,\"4\":1,\"5\":1}");
    }

    @Test
    void theReviewReportNamesTheRecurringProblemsOfThePeriod() throws Exception {
        JsonNode report = await("/api/v1/reports/review?" + period(T, END),
                b -> b.path("complaints").asLong() == 4 && b.path("breachRateRises").size() == 1 && b.path("merchants").size() == 2);
        assertThat(report.path("previousComplaints").asLong()).isZero();
        assertThat(report.path("merchants").get(0).path("id").asText()).isEqualTo(M1);
        assertThat(report.path("merchants").get(1).path("id").asText()).isEqualTo(M2);
        assertJson(report.path("technicalTimeSlots"), "[{\"slot\":\"20:00-21:00\",\"complaints\":2}]");
        assertJson(report.path("technicalRegions"), "[{\"region\":\"region-" + RUN + "\",\"complaints\":1},"
                + "{\"region\":\"region-" + RUN + "-b\",\"complaints\":1}]");
        assertJson(report.path("breachRateRises"), "[{\"type\":\"PRODUCT_QUALITY\",\"complaints\":2,\"previousRate\":0.0,\"currentRate\":0.5}]");
        assertThat(report.path("findings").toString()).contains("merchant " + M1 + ": 2 complaints on 2 orders (100.0%)");

        HttpResponse<String> html = get(port, "/api/v1/reports/review?" + period(T, END) + "&format=html", operator());
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(html.body()).contains("<h1>复盘报告", M1, "20:00-21:00", "PRODUCT_QUALITY").doesNotContain("<script");
        HttpResponse<String> browser = HTTP.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/reports/review?" + period(T, END)))
                .header("Authorization", "Bearer " + operator()).header("Accept", "text/html,application/xhtml+xml").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(browser.body()).startsWith("<!DOCTYPE html>");
    }

    /**
     * Issue 20 #4: the scrape names merchants (top_complaints key=M1) with counts that the API gives operators only;
     * it was open to anyone and /actuator/metrics to a USER token. Now: the scraper's credential or an operator.
     */
    @Test
    void metricsAreForTheScraperAndOperatorsOnly() throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline && !scrape(TestPlatform.get().scraperAuthorization()).body().contains("key=\"" + M1 + "\"")) {
            Thread.sleep(300); // until the exported figures name this class's merchant
        }
        HttpResponse<String> open = scrape(null);
        HttpResponse<String> userMetrics = get(port, "/actuator/metrics/complaints.analytics.top.complaints",
                TestPlatform.get().tokens().user("U-metrics"));
        System.out.println("issue 20 #4 GET /actuator/prometheus without a token → " + open.statusCode() + " "
                + open.body().lines().filter(l -> l.contains(M1)).findFirst().orElse(open.body().substring(0, Math.min(300, open.body().length()))));
        System.out.println("issue 20 #4 GET /actuator/metrics/complaints.analytics.top.complaints as USER → " + userMetrics.statusCode() + " "
                + userMetrics.body().substring(0, Math.min(400, userMetrics.body().length())));
        assertThat(open.statusCode()).as("no credential").isEqualTo(401);
        assertThat(scrape("Basic " + java.util.Base64.getEncoder().encodeToString("prometheus:guess".getBytes())).statusCode())
                .as("a wrong scraper password").isEqualTo(401);
        String user = "Bearer " + TestPlatform.get().tokens().user("U-metrics");
        HttpResponse<String> asUser = scrape(user);
        assertThat(asUser.statusCode()).as("a USER token").isEqualTo(403);
        assertThat(asUser.body()).doesNotContain(M1);
        for (String path : new String[] {"/actuator/metrics", "/actuator/metrics/complaints.analytics.top.complaints"}) {
            assertThat(get(port, path, TestPlatform.get().tokens().user("U-metrics")).statusCode()).as(path + " as USER").isEqualTo(403);
            assertThat(get(port, path, TestPlatform.get().tokens().agent("A-metrics", "SENIOR", TEAM)).statusCode()).as(path + " as AGENT").isEqualTo(403);
            assertThat(get(port, path, null).statusCode()).as(path + " without a token").isEqualTo(401);
        }
        assertThat(scrape(TestPlatform.get().scraperAuthorization()).statusCode()).as("the scraper").isEqualTo(200);
        assertThat(scrape("Bearer " + operator()).statusCode()).as("an operator").isEqualTo(200);
    }

    private HttpResponse<String> scrape(String authorization) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void prometheusExportsTheFiguresWithLowCardinalityLabelsOnly() throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String scrape = "";
        while (System.nanoTime() < deadline) {
            scrape = scrape(TestPlatform.get().scraperAuthorization()).body();
            if (sum(scrape, "complaints_analytics_decided_total", "team=\"" + TEAM + "\"") == 3
                    && sum(scrape, "complaints_analytics_complaints_total", "team=\"" + TEAM + "\"") == 4
                    // a scrape may land mid-refresh: counters are set before the top-N gauges
                    && sum(scrape, "complaints_analytics_top_complaints", "key=\"" + M1 + "\"") == 2
                    && sum(scrape, "complaints_analytics_top_merchant_requests", "merchant=\"" + M1 + "\"") == 1) {
                break;
            }
            Thread.sleep(300);
        }
        assertThat(sum(scrape, "complaints_analytics_complaints_total", "team=\"" + TEAM + "\"")).isEqualTo(4);
        assertThat(sum(scrape, "complaints_analytics_complaints_total", "team=\"" + TEAM + "\"", "type=\"STREAM_QUALITY\"")).isEqualTo(2);
        assertThat(sum(scrape, "complaints_analytics_breached_complaints_total", "team=\"" + TEAM + "\"")).isEqualTo(1);
        assertThat(sum(scrape, "complaints_analytics_sla_breaches_total", "team=\"" + TEAM + "\"")).isEqualTo(2);
        assertThat(sum(scrape, "complaints_analytics_escalations_total", "team=\"" + TEAM + "\"")).isEqualTo(1);
        assertThat(sum(scrape, "complaints_analytics_reopened_total", "team=\"" + TEAM + "\"")).isEqualTo(1);
        assertThat(sum(scrape, "complaints_analytics_satisfaction_score_points_total", "team=\"" + TEAM + "\"")).isEqualTo(11);
        assertThat(sum(scrape, "complaints_analytics_first_response_seconds", "team=\"" + TEAM + "\"", "quantile=\"0.5\"")).isEqualTo(300);
        assertThat(sum(scrape, "complaints_analytics_resolution_seconds", "team=\"" + TEAM + "\"", "quantile=\"0.95\"")).isEqualTo(2880);
        assertThat(sum(scrape, "complaints_analytics_top_complaints", "key=\"" + M1 + "\"")).isEqualTo(2);
        assertThat(sum(scrape, "complaints_analytics_liable_party_total", "party=\"MERCHANT\"")).isGreaterThanOrEqualTo(2);
        assertThat(sum(scrape, "complaints_analytics_remedy_amount_fen_total", "remedy=\"FULL_REFUND\"")).isGreaterThanOrEqualTo(12900);
        assertThat(sum(scrape, "complaints_analytics_merchant_timeouts_total")).isGreaterThanOrEqualTo(1);
        assertThat(sum(scrape, "complaints_analytics_merchant_requests_total")).isGreaterThanOrEqualTo(2);
        assertThat(sum(scrape, "complaints_analytics_top_merchant_timeouts", "merchant=\"" + M1 + "\"")).isEqualTo(1);
        assertThat(sum(scrape, "complaints_analytics_top_merchant_requests", "merchant=\"" + M1 + "\"")).isEqualTo(1);
        assertThat(scrape).doesNotContain("U-C-" + RUN); // no user ids
    }

    /** Sum of the samples of a metric whose labels contain every given label. */
    static double sum(String scrape, String metric, String... labels) {
        return scrape.lines().filter(l -> l.startsWith(metric + "{"))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
