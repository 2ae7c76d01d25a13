package io.livecomplaints.analytics;

import static io.livecomplaints.analytics.Events.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.livecomplaints.analytics.query.LocalStats;
import io.livecomplaints.analytics.stats.StatsStores;
import io.livecomplaints.analytics.stats.model.Dimension;
import io.livecomplaints.analytics.stats.model.Metric;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Severity;
import io.livecomplaints.testkit.SecondInstance;
import io.livecomplaints.testkit.TestPlatform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Two instances of the service on the same application id split the partitions of the statistics between them;
 * either one answers every query with the figures of both (it asks the other for its share), and each exports to
 * Prometheus only the figures of the partitions it hosts.
 */
class TwoInstancesTest extends AnalyticsServiceTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final int MERCHANTS = 12;
    private static final Instant T = daysAgo(7, 9);
    /** the metrics test's own hour, apart from the merchants' hour T */
    private static final Instant T_METRICS = daysAgo(7, 14);

    @Autowired
    StreamsBuilderFactoryBean streams;
    @Autowired
    LocalStats localStats;

    @Test
    void eitherInstanceAnswersWithTheFiguresOfBoth() throws Exception {
        TestPlatform platform = TestPlatform.get();
        try (SecondInstance second = startSecondInstance()) {
            int secondPort = second.port();
            SecondInstance.awaitPartitionsSplit(streams::getKafkaStreams, StatsStores.TOTAL, PATIENCE);

            Set<String> merchants = new HashSet<>();
            for (int i = 0; i < MERCHANTS; i++) {
                String merchant = "M-" + RUN + "-" + i;
                merchants.add(merchant);
                ComplaintTriaged c = triaged("C-" + RUN + "-" + i, ComplaintType.PRICE, Channel.ORDER_PAGE, Severity.LOW, "after-sales",
                        new Events.About(merchant, "A-" + RUN, "R-" + RUN, "S-" + RUN, "SKU-" + RUN), T.plus(Duration.ofMinutes(i)), null);
                write(platform.topics().complaintsTriaged, c.getEnvelope().getComplaintId(), c);
            }
            String query = "/api/v1/stats/complaints?by=merchant&" + period(T, T.plus(Duration.ofHours(1)));
            JsonNode fromFirst = await(port, query, b -> b.path("counts").size() == MERCHANTS);
            JsonNode fromSecond = await(secondPort, query, b -> b.path("counts").size() == MERCHANTS);
            assertThat(fromSecond).isEqualTo(fromFirst);
            merchants.forEach(m -> assertThat(fromFirst.path("counts").path(m).asLong()).as(m).isEqualTo(1));

            // the figures really were spread: each instance holds only its own share locally
            Set<String> here = ours(localStats.localTotals(Metric.COMPLAINTS, Dimension.MERCHANT).keySet());
            Set<String> there = ours(second.bean(LocalStats.class).localTotals(Metric.COMPLAINTS, Dimension.MERCHANT).keySet());
            assertThat(here).isNotEmpty().doesNotContainAnyElementsOf(there);
            assertThat(there).isNotEmpty();
            assertThat(union(here, there)).isEqualTo(merchants);
        }
    }

    /**
     * Issue 17: each instance exports to Prometheus the statistics of the partitions it hosts now. When the second
     * instance takes its share, the first stops exporting that share (it kept it, with its last value, and a sum over
     * instances counted it twice); when the second leaves, the first exports everything again.
     */
    @Test
    void prometheusSumsOverInstancesCountEachStatisticOnceAcrossRebalances() throws Exception {
        TestPlatform platform = TestPlatform.get();
        String team = "team-" + RUN;
        String counter = "complaints_analytics_complaints_total";
        String ofTeam = "team=\"" + team + "\"";
        // one complaint per profile (type, channel, severity, team): each profile's counter lives on one partition
        List<ComplaintType> types = List.of(ComplaintType.PRICE, ComplaintType.LOGISTICS, ComplaintType.SERVICE, ComplaintType.STREAM_QUALITY);
        int complaints = 0;
        for (ComplaintType type : types) {
            for (Severity severity : Severity.values()) {
                String id = "C-" + RUN + "-" + type + "-" + severity;
                ComplaintTriaged c = triaged(id, type, Channel.APP_CHAT, severity, team,
                        new Events.About("M-" + RUN, "A-" + RUN, "R-" + RUN, "S-" + RUN, "SKU-" + RUN), T_METRICS.plus(Duration.ofMinutes(complaints)), null);
                write(platform.topics().complaintsTriaged, id, c);
                complaints++;
            }
        }
        int total = complaints;
        awaitScrapes("this instance alone exports all " + total, () -> sum(scrape(port), counter, ofTeam) == total);

        try (SecondInstance second = startSecondInstance()) {
            int secondPort = second.port();
            SecondInstance.awaitPartitionsSplit(streams::getKafkaStreams, StatsStores.TOTAL, PATIENCE);
            awaitScrapes("each instance exports its own share only, together " + total, () -> {
                double here = sum(scrape(port), counter, ofTeam);
                double there = sum(scrape(secondPort), counter, ofTeam);
                lastScrapes = "this instance " + here + ", the second " + there;
                return here > 0 && there > 0 && here + there == total;
            });
            // and it stays so: a later scrape of both still adds up (the stale meters were removed, not overtaken)
            Thread.sleep(1_500); // three refreshes of the meters
            assertThat(sum(scrape(port), counter, ofTeam) + sum(scrape(secondPort), counter, ofTeam)).isEqualTo(total);

            String byTeam = "/api/v1/stats/complaints?by=team";
            JsonNode fromFirst = await(port, byTeam, b -> b.path("counts").path(team).asLong() == total);
            JsonNode fromSecond = await(secondPort, byTeam, b -> b.path("counts").path(team).asLong() == total);
            assertThat(fromSecond.path("counts").path(team)).isEqualTo(fromFirst.path("counts").path(team));
        }
        awaitScrapes("after the second instance left, this one exports all " + total + " again",
                () -> sum(scrape(port), counter, ofTeam) == total);
    }

    /** A second analytics instance: the statistics' grace and a quick refresh of the meters, as in the first. */
    private static SecondInstance startSecondInstance() throws IOException {
        return SecondInstance.start(AnalyticsApplication.class, Map.of("complaints.analytics.grace", "40d",
                "complaints.analytics.metrics.refresh", "500ms"));
    }

    private String scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Authorization", TestPlatform.get().scraperAuthorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static double sum(String scrape, String metric, String label) {
        return StatisticsTest.sum(scrape, metric, label);
    }

    /** what the last poll of a two-instance condition saw, for its failure message */
    private String lastScrapes = "";

    private interface ScrapeCondition {
        boolean holds() throws Exception;
    }

    private void awaitScrapes(String what, ScrapeCondition condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        lastScrapes = "";
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what + "; last: " + lastScrapes);
            }
            Thread.sleep(300); // polling the scrapes until the meters' refreshes got there
        }
    }

    private static Set<String> ours(Set<String> merchants) {
        return merchants.stream().filter(m -> m.startsWith("M-" + RUN + "-")).collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
