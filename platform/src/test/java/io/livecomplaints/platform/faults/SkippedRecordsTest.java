package io.livecomplaints.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SkippedRecordsTest {

    @Test
    void readsTheSkippedCounterPerTopicFromThePrometheusExposition() {
        String exposition = """
                # HELP complaints_skipped_records_total
                # TYPE complaints_skipped_records_total counter
                complaints_skipped_records_total{application="triage-service",topic="live-qos"} 3.0
                complaints_skipped_records_total{application="triage-service",topic="credit-records"} 2.0
                complaints_triaged_total{team="logistics"} 9.0
                """;

        assertThat(SkippedRecords.parse(exposition)).isEqualTo(Map.of("live-qos", 3, "credit-records", 2));
    }

    @Test
    void theDifferenceLeavesOutWhatDidNotChange() {
        Map<String, Map<String, Integer>> before = Map.of("live-qos", Map.of("triage-service", 3, "analytics-service", 1));
        Map<String, Map<String, Integer>> after = Map.of("live-qos", Map.of("triage-service", 5, "analytics-service", 1),
                "live-sessions", Map.of("intake-service", 2));

        assertThat(SkippedRecords.difference(after, before))
                .isEqualTo(Map.of("live-qos", Map.of("triage-service", 2), "live-sessions", Map.of("intake-service", 2)));
    }
}
