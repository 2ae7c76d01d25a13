package io.livecomplaints.lagexporter;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The lag of one consumer group on one topic: the sum over the topic's partitions the group has committed of
 * (end offset − committed offset), never negative (an end offset read before the commit can be smaller).
 */
public record GroupTopicLag(String group, String topic, long lag) {

    /** Sums per topic the lag of each partition the group has committed; partitions without an end offset are left out. */
    static Map<String, Long> perTopic(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> endOffsets) {
        Map<String, Long> lag = new TreeMap<>();
        committed.forEach((partition, offset) -> {
            Long end = endOffsets.get(partition);
            if (end != null) {
                lag.merge(partition.topic(), Math.max(0, end - offset), Long::sum);
            }
        });
        return lag;
    }
}
