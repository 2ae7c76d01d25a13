package io.livecomplaints.platform.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * End offsets summed per topic (ours, changelogs, repartition topics): two snapshots around a run say how far each
 * log advanced per complaint, records plus transaction markers.
 */
final class TopicOffsets {

    private TopicOffsets() {
    }

    /** Sum of the end offsets of each topic's partitions right now. */
    static Map<String, Long> snapshot(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var names = admin.listTopics().names().get();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(names).allTopicNames().get().forEach((name, description) -> description.partitions()
                    .forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<String, Long> perTopic = new TreeMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> perTopic.merge(tp.topic(), info.offset(), Long::sum));
            return perTopic;
        }
    }

    /**
     * Per topic, offsets advanced between the snapshots divided by the complaints of the run, largest first; topics
     * that did not advance are left out, topics created in between count from 0.
     */
    static Map<String, Double> perComplaint(Map<String, Long> before, Map<String, Long> after, long complaints) {
        Map<String, Double> per = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> per.put(e.getKey(), e.getValue() / (double) Math.max(1, complaints)));
        return per;
    }

    /** Topics whose name starts with {@code prefix} (a run's own baseline topics, say) left out. */
    static Map<String, Long> without(Map<String, Long> offsets, String prefix) {
        Map<String, Long> kept = new TreeMap<>(offsets);
        kept.keySet().removeIf(topic -> topic.startsWith(prefix));
        return kept;
    }

    static double total(Map<String, Double> perComplaint) {
        return perComplaint.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
