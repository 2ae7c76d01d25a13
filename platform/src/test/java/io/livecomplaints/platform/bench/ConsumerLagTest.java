package io.livecomplaints.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    @Test
    void lagIsEndMinusCommittedPerPartitionNeverNegativeAndUncommittedPartitionsCountWhole() {
        Map<String, Long> committed = Map.of("p0", 90L, "p1", 105L);
        Map<String, Long> end = Map.of("p0", 100L, "p1", 104L, "p2", 7L);

        assertThat(ConsumerLag.of(committed, end)).isEqualTo(10 + 0 + 7);
    }

    @Test
    void peakAndDrainTimeAfterTheBurst() {
        List<ConsumerLag.Sample> samples = List.of(
                sample(0, 2), sample(1, 500), sample(2, 900), sample(3, 400), sample(4, 3), sample(5, 50), sample(6, 4), sample(7, 2));

        assertThat(ConsumerLag.peak(samples, "triage")).isEqualTo(900);
        // burst ended at 2 s; 4 s is low but 5 s is back up (its backlog arrived late): drained for good from 6 s on
        assertThat(ConsumerLag.drainedAfter(samples, "triage", 2, 10)).isEqualTo(4.0);
        assertThat(ConsumerLag.drainedAfter(samples.subList(0, 4), "triage", 2, 10)).isEqualTo(-1);
        assertThat(ConsumerLag.drainedAfter(samples, "triage", 6, 10)).isZero();
    }

    private static ConsumerLag.Sample sample(double at, long lag) {
        return new ConsumerLag.Sample(at, Map.of("triage", lag));
    }
}
