package io.livecomplaints.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FootprintReplayTest {

    @Test
    void recordsPerTopicScaleTheOffsetsPerComplaintRoundedAndAtLeastOne() {
        Map<String, Double> perComplaint = new LinkedHashMap<>();
        perComplaint.put("notifications", 4.26);
        perComplaint.put("complaints-received", 1.0);
        perComplaint.put("rare-changelog", 0.0001);

        assertThat(FootprintReplay.recordsPerTopic(perComplaint, 1000)).containsExactly(
                Map.entry("notifications", 4260L), Map.entry("complaints-received", 1000L), Map.entry("rare-changelog", 1L));
    }

    @Test
    void resultRateIsComplaintsOverSeconds() {
        assertThat(new FootprintReplay.Result(1000, 30000, 4).complaintsPerSecond()).isEqualTo(250.0);
    }
}
