package io.livecomplaints.lagexporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class GroupTopicLagTest {

    @Test
    void lagIsSummedPerTopicOverCommittedPartitionsAndNeverNegative() {
        Map<TopicPartition, Long> committed = Map.of(new TopicPartition("a", 0), 5L, new TopicPartition("a", 1), 10L,
                new TopicPartition("b", 0), 7L, new TopicPartition("c", 0), 1L);
        Map<TopicPartition, Long> ends = Map.of(new TopicPartition("a", 0), 8L, new TopicPartition("a", 1), 14L,
                new TopicPartition("b", 0), 6L); // b read before the commit; c's end offset unknown
        assertThat(GroupTopicLag.perTopic(committed, ends)).containsExactly(Map.entry("a", 7L), Map.entry("b", 0L));
    }
}
