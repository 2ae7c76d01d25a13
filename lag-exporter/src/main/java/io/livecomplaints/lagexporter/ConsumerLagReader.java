package io.livecomplaints.lagexporter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads, through the Admin client, every consumer group's committed offsets (Kafka Streams applications are consumer
 * groups too) and the end offsets of the partitions they committed, and turns them into lag per group and topic.
 * End offsets are read committed: the services write transactionally, and a transaction's commit marker is not a
 * record anyone will consume.
 */
public class ConsumerLagReader {

    private final Admin admin;

    public ConsumerLagReader(Admin admin) {
        this.admin = admin;
    }

    public List<GroupTopicLag> read() throws ExecutionException, InterruptedException {
        Map<String, Map<TopicPartition, Long>> committedByGroup = new HashMap<>();
        for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> committed = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    committed.put(partition, offset.offset());
                }
            });
            committedByGroup.put(group.groupId(), committed);
        }
        Map<TopicPartition, Long> ends = endOffsets(committedByGroup);
        List<GroupTopicLag> lags = new ArrayList<>();
        committedByGroup.forEach((group, committed) -> GroupTopicLag.perTopic(committed, ends)
                .forEach((topic, lag) -> lags.add(new GroupTopicLag(group, topic, lag))));
        return lags;
    }

    private Map<TopicPartition, Long> endOffsets(Map<String, Map<TopicPartition, Long>> committedByGroup)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        committedByGroup.values().forEach(committed -> committed.keySet().forEach(p -> request.put(p, OffsetSpec.latest())));
        if (request.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, ListOffsetsResultInfo> infos = admin.listOffsets(request,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        Map<TopicPartition, Long> ends = new HashMap<>();
        infos.forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }
}
