package io.livecomplaints.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicOffsetsTest {

    @Test
    void advancePerComplaintLargestFirstWithNewTopicsFromZeroAndIdleOnesLeftOut() {
        Map<String, Long> before = Map.of("complaints-received", 100L, "notifications", 400L, "idle", 7L);
        Map<String, Long> after = Map.of("complaints-received", 150L, "notifications", 600L, "idle", 7L,
                "triage-store-changelog", 25L);

        Map<String, Double> per = TopicOffsets.perComplaint(before, after, 50);

        assertThat(per).containsExactly(Map.entry("notifications", 4.0), Map.entry("complaints-received", 1.0),
                Map.entry("triage-store-changelog", 0.5));
        assertThat(TopicOffsets.total(per)).isCloseTo(5.5, within(1e-9));
    }

    @Test
    void noComplaintsDividesByOneRatherThanZero() {
        assertThat(TopicOffsets.perComplaint(Map.of(), Map.of("t", 3L), 0)).containsExactly(Map.entry("t", 3.0));
    }

    @Test
    void withoutDropsTheTopicsOfAPrefix() {
        assertThat(TopicOffsets.without(Map.of("bench-eos-1-h0", 5L, "complaints-received", 1L), "bench-"))
                .containsOnlyKeys("complaints-received");
    }
}
