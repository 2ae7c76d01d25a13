package io.livecomplaints.platform.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics from their beginning to the end offsets of the moment, read_committed, without a consumer group (it
 * commits nothing and leaves no group behind): the DLTs for list/show/replay, the replay ledger.
 */
public class DeadLetterReader {

    private final Properties client;

    public DeadLetterReader(Properties client) {
        this.client = client;
    }

    /** Every {@code *-dlt} topic of the cluster, sorted. */
    public List<String> deadLetterTopics() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(client)) {
            return new ArrayList<>(new TreeSet<>(admin.listTopics().names().get().stream()
                    .filter(name -> name.endsWith("-dlt")).toList()));
        }
    }

    public List<DeadLetter> read(String topic, DeadLetterFilter filter) {
        List<DeadLetter> letters = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(topic)) {
            DeadLetter letter = DeadLetter.of(record);
            if (filter.matches(letter)) {
                letters.add(letter);
            }
        }
        return letters;
    }

    /** Every record of the topic up to its end offsets at the start of the call; none when it does not exist. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15));
            if (partitions == null || partitions.isEmpty()) {
                return records;
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(assigned, Duration.ofSeconds(15)));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " did not reach its end offsets in 5 minutes");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /** Caught up when every partition's position reached its end offset (transaction markers included). */
    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), Duration.ofSeconds(15)) >= e.getValue());
    }
}
