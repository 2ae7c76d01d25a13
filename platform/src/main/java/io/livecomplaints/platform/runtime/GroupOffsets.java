package io.livecomplaints.platform.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Where consumer groups stand, read with the AdminClient: per group and partition, the committed offset and the
 * partition's last stable offset (the read_committed end offset: what an exactly-once consumer can read). Two admin
 * requests for all groups together. The benchmark's lag sampler and the fault suite's lag monitor both read this.
 */
public final class GroupOffsets {

    /** A partition of a group: its committed offset (null when the group has none for it) and its end. */
    public record Position(Long committed, long end) {
    }

    private GroupOffsets() {
    }

    /** Positions per group, in the order of {@code groups}; a group that committed nothing maps to an empty map. */
    public static Map<String, Map<TopicPartition, Position>> read(Admin admin, Collection<String> groups, Duration timeout)
            throws Exception {
        Map<String, Map<TopicPartition, Position>> positions = new LinkedHashMap<>();
        if (groups.isEmpty()) {
            return positions;
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        groups.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
        var offsets = admin.listConsumerGroupOffsets(specs);
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> of = offsets.partitionsToOffsetAndMetadata(group)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            committed.put(group, of);
            of.keySet().forEach(tp -> wanted.put(tp, OffsetSpec.latest()));
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                .listOffsets(wanted, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        for (String group : groups) {
            Map<TopicPartition, Position> ofGroup = new HashMap<>();
            committed.get(group).forEach((tp, offset) -> {
                if (ends.containsKey(tp)) {
                    ofGroup.put(tp, new Position(offset == null ? null : offset.offset(), ends.get(tp).offset()));
                }
            });
            positions.put(group, ofGroup);
        }
        return positions;
    }
}
