package io.livecomplaints.platform.faults;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.DeadLetterHeaderNames;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads every output topic of the pipeline from the beginning, {@code read_committed} (what a downstream consumer
 * sees: aborted transactions are invisible), decodes each record with the real Avro serde of its topic and feeds
 * {@link Observations}; reads every {@code <topic>-dlt} with its headers.
 */
public final class OutputReader {

    private final String bootstrapServers;
    private final Topics topics;

    public OutputReader(String bootstrapServers, Topics topics) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
    }

    /**
     * @param poisonPrefix  dead letters whose key starts with it are this run's injected poison
     * @param sinceMillis   other dead letters (real records given up on) count when their timestamp is not older
     */
    public Observations read(String poisonPrefix, long sinceMillis) throws Exception {
        Observations seen = new Observations();
        decode(topics.complaintsReceived, seen, (ComplaintReceived r) -> seen.received(r.getEnvelope().getComplaintId(), r.getEnvelope().getEventId()));
        decode(topics.complaintsTriaged, seen, (ComplaintTriaged t) -> seen.triaged(t.getEnvelope().getComplaintId(), t.getEnvelope().getEventId()));
        decode(topics.complaintCases, seen, (ComplaintCase c) -> seen.caseChange(c.getEnvelope().getComplaintId(), c.getVersion(), c.getEnvelope().getEventId()));
        decode(topics.notifications, seen, (NotificationReceipt n) -> seen.receipt(n.getEnvelope().getComplaintId(), n.getSourceEventId(),
                n.getKind().name(), n.getChannel().name(), n.getStatus().name(), n.getEnvelope().getEventId()));
        for (Topic<String, ?> other : List.of(topics.complaintOutcomes, topics.slaEvents, topics.surveyResponses, topics.complaintCommands,
                topics.replayRetention)) {
            decode(other, seen, value -> seen.event(other.name(), Envelopes.of(value).getEventId()));
        }
        Set<String> existing;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            existing = admin.listTopics().names().get();
        }
        for (String name : existing) {
            if (name.endsWith("-dlt")) {
                scan(name, record -> {
                    String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
                    boolean ours = key.startsWith(poisonPrefix);
                    boolean real = !key.startsWith(PoisonInjector.KEY_PREFIX) && record.timestamp() >= sinceMillis;
                    if (ours || real) {
                        String source = header(record, DeadLetterHeaderNames.SOURCE_TOPIC, name.substring(0, name.length() - 4));
                        String service = header(record, DeadLetterHeaderNames.SERVICE, "?");
                        seen.deadLetter(real ? source + " (real records)" : source, service);
                    }
                });
            }
        }
        return seen;
    }

    @SuppressWarnings("unchecked")
    private <V> void decode(Topic<String, V> topic, Observations seen, Consumer<V> onEvent) {
        Deserializer<V> deserializer = topic.valueSerde().deserializer();
        scan(topic.name(), record -> {
            if (record.value() == null) {
                return; // tombstone
            }
            V value;
            try {
                value = deserializer.deserialize(topic.name(), record.headers(), record.value());
            } catch (RuntimeException e) {
                seen.undecodable();
                return;
            }
            onEvent.accept(value);
        });
    }

    private void scan(String topic, Consumer<ConsumerRecord<byte[], byte[]>> onRecord) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "fault-verifier-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions); // read_committed: the last stable offset
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 5 minutes");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(onRecord);
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name, String otherwise) {
        Header header = record.headers().lastHeader(name);
        return header == null ? otherwise : new String(header.value(), StandardCharsets.UTF_8);
    }
}
