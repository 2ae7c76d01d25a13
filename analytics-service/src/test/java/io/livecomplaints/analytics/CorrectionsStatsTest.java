package io.livecomplaints.analytics;

import static io.livecomplaints.analytics.Events.caseVersion;
import static io.livecomplaints.analytics.Events.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.livecomplaints.events.CaseCorrection;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.CorrectionKind;
import io.livecomplaints.events.Severity;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.testkit.TestPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Corrections agents made (reclassifications, transfers) and withdrawals, written as case versions to the real
 * complaint-cases topic: each counts once however many later versions carry it, and they show in the API and in
 * Prometheus.
 */
class CorrectionsStatsTest extends AnalyticsServiceTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TEAM = "team-c-" + RUN;
    /** 12:00 UTC five days ago: this class's hour */
    private static final Instant T = daysAgo(5, 12);

    private static CaseCorrection correction(CorrectionKind kind, String from, String to, int minute) {
        return CaseCorrection.newBuilder().setKind(kind).setFrom(from).setTo(to).setReason("misrouted").setActorId("A-1")
                .setAt(T.plus(Duration.ofMinutes(minute))).build();
    }

    @Test
    void eachCorrectionAndWithdrawalCountsOnce() throws Exception {
        Topics topics = TestPlatform.get().topics();
        Events.About shop = new Events.About("M-c-" + RUN, "A-c-" + RUN, "R-c-" + RUN, "S-c-" + RUN, "SKU-c-" + RUN);
        ComplaintTriaged c1 = triaged("C-c-" + RUN + "-1", ComplaintType.PRODUCT_QUALITY, Channel.ORDER_PAGE, Severity.MEDIUM, TEAM, shop, T, null);
        ComplaintTriaged c2 = triaged("C-c-" + RUN + "-2", ComplaintType.SERVICE, Channel.ORDER_PAGE, Severity.LOW, TEAM, shop, T, null);
        String id1 = c1.getEnvelope().getComplaintId();
        String id2 = c2.getEnvelope().getComplaintId();
        write(topics.complaintsTriaged, id1, c1);
        write(topics.complaintsTriaged, id2, c2);
        CaseCorrection reclassify = correction(CorrectionKind.RECLASSIFY, "PRODUCT_QUALITY", "LOGISTICS", 5);
        CaseCorrection transfer = correction(CorrectionKind.TRANSFER, TEAM, "logistics", 6);
        ComplaintCase v2 = ComplaintCase.newBuilder(caseVersion(c1, 2, CaseState.IN_PROGRESS, T.plus(Duration.ofMinutes(5)), null, 0))
                .setCorrections(List.of(reclassify)).build();
        ComplaintCase v3 = ComplaintCase.newBuilder(caseVersion(c1, 3, CaseState.TRIAGED, T.plus(Duration.ofMinutes(6)), null, 0))
                .setCorrections(List.of(reclassify, transfer)).build();
        ComplaintCase v4 = ComplaintCase.newBuilder(caseVersion(c1, 4, CaseState.IN_PROGRESS, T.plus(Duration.ofMinutes(7)), null, 0))
                .setCorrections(List.of(reclassify, transfer)).build();
        write(topics.complaintCases, id1, v2);
        write(topics.complaintCases, id1, v2); // redelivered
        write(topics.complaintCases, id1, v3);
        write(topics.complaintCases, id1, v4); // a later version still carries both
        ComplaintCase withdrawn = ComplaintCase.newBuilder(caseVersion(c2, 2, CaseState.CLOSED, T.plus(Duration.ofMinutes(8)), null, 0))
                .setWithdrawn(true).build();
        write(topics.complaintCases, id2, withdrawn);
        write(topics.complaintCases, id2, ComplaintCase.newBuilder(withdrawn).setVersion(3)
                .setEnvelope(Events.envelope(id2, T.plus(Duration.ofMinutes(9)))).build());

        String period = period(T, T.plus(Duration.ofHours(1)));
        JsonNode corrections = await("/api/v1/stats/corrections?" + period, b -> b.path("withdrawn").asLong() == 1
                && b.path("transfers").asLong() == 1);
        System.out.println("GET /api/v1/stats/corrections?" + period + " → " + corrections);
        assertJson(corrections.path("misclassifiedAs"), "{\"PRODUCT_QUALITY\":1}");
        assertJson(corrections.path("reclassifiedTo"), "{\"LOGISTICS\":1}");
        assertJson(corrections.path("transfersFromTeam"), "{\"" + TEAM + "\":1}");
        assertJson(corrections.path("withdrawnByType"), "{\"SERVICE\":1}");
        assertThat(corrections.path("reclassifications").asLong()).isEqualTo(1);

        // the counters move as each event is read, not with the API's stores: wait until all three show
        List<Pattern> counters = List.of(
                Pattern.compile("complaints_analytics_transfers_total\\{[^}]*team=\"" + TEAM + "\"[^}]*\\} 1\\.0"),
                Pattern.compile("complaints_analytics_reclassifications_total\\{[^}]*type=\"PRODUCT_QUALITY\"[^}]*\\} [1-9]"),
                Pattern.compile("complaints_analytics_withdrawn_total\\{[^}]*team=\"" + TEAM + "\"[^}]*\\} 1\\.0"));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String scrape = "";
        while (System.nanoTime() < deadline) {
            scrape = get(port, "/actuator/prometheus", operator()).body(); // metrics: scraper or operator
            String now = scrape;
            if (counters.stream().allMatch(counter -> counter.matcher(now).find())) {
                break;
            }
            Thread.sleep(500);
        }
        for (Pattern counter : counters) {
            assertThat(scrape).containsPattern(counter);
        }
    }
}
