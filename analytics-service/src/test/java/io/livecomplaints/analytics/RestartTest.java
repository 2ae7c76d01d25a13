package io.livecomplaints.analytics;

import static io.livecomplaints.analytics.Events.caseVersion;
import static io.livecomplaints.analytics.Events.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Severity;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.testkit.TestPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Statistics live in Kafka: after the service's Kafka Streams is stopped and its local state (RocksDB) deleted, it
 * restores the same figures from the changelogs, and what it processes afterwards counts exactly once more.
 */
class RestartTest extends AnalyticsServiceTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TEAM = "team-" + RUN;
    private static final String MERCHANT = "M-" + RUN;
    private static final Instant T = daysAgo(5, 2);

    @Autowired
    StreamsBuilderFactoryBean streams;

    private static ComplaintTriaged complaint(int i) {
        return triaged("C-" + RUN + "-" + i, ComplaintType.LOGISTICS, Channel.IM, Severity.MEDIUM, TEAM,
                new Events.About(MERCHANT, "A-" + RUN, "R-" + RUN, "S-" + RUN, "SKU-" + RUN), T.plus(Duration.ofMinutes(i)), null);
    }

    private String sla() {
        return "/api/v1/stats/sla?by=team&" + period(T, T.plus(Duration.ofHours(1)));
    }

    @Test
    void figuresSurviveARestartWithoutLocalStateAndLaterEventsCountOnce() throws Exception {
        Topics topics = TestPlatform.get().topics();
        List<ComplaintTriaged> complaints = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ComplaintTriaged c = complaint(i);
            complaints.add(c);
            write(topics.complaintsTriaged, c.getEnvelope().getComplaintId(), c);
            write(topics.complaintCases, c.getEnvelope().getComplaintId(),
                    caseVersion(c, 1, CaseState.IN_PROGRESS, T.plus(Duration.ofMinutes(10)), T.plus(Duration.ofMinutes(10)), 0));
        }
        JsonNode before = await(sla(), b -> b.path("figures").path(TEAM).path("firstResponse").path("count").asLong() == 3);
        assertThat(before.path("figures").path(TEAM).path("complaints").asLong()).isEqualTo(3);
        assertThat(before.path("figures").path(TEAM).path("firstResponse").path("medianSeconds").asLong()).isEqualTo(480);

        KafkaStreams running = streams.getKafkaStreams();
        streams.stop();
        running.cleanUp(); // the local RocksDB state is gone: everything must come back from Kafka
        streams.start();

        JsonNode after = await(sla(), b -> b.path("figures").path(TEAM).path("firstResponse").path("count").asLong() == 3);
        assertThat(after).isEqualTo(before);
        assertThat(await("/api/v1/stats/complaints?by=merchant", b -> b.path("counts").has(MERCHANT)).path("counts").path(MERCHANT).asLong())
                .isEqualTo(3);

        ComplaintTriaged fourth = complaint(4);
        write(topics.complaintsTriaged, fourth.getEnvelope().getComplaintId(), fourth);
        write(topics.complaintsTriaged, complaints.get(0).getEnvelope().getComplaintId(), complaints.get(0)); // a redelivery
        JsonNode later = await(sla(), b -> b.path("figures").path(TEAM).path("complaints").asLong() >= 4);
        assertThat(later.path("figures").path(TEAM).path("complaints").asLong()).isEqualTo(4);
        assertThat(await("/api/v1/stats/complaints?by=merchant", b -> b.path("counts").path(MERCHANT).asLong() >= 4)
                .path("counts").path(MERCHANT).asLong()).isEqualTo(4);
    }
}
