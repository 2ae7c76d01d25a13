package io.livecomplaints.platform.simulator;

import io.livecomplaints.schemas.serde.AvroWireDeserializer;
import io.livecomplaints.schemas.serde.HttpSchemaRegistryClient;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.envelope.WireEnvelope;
import io.livecomplaints.schemas.kafka.KafkaClientSecurity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches an output topic (read_committed, decoded with the real serde) and records when each complaint first
 * appeared on it and the event itself, so the simulator can tell what happened to every complaint.
 */
public final class PipelineObserver implements AutoCloseable {

    /** When an event about a complaint was seen (wall clock, and this JVM's nanoTime for latencies), and the event. */
    public record Seen(long atMillis, long atNanos, Object event) {
    }

    private final String topic;
    private final BiPredicate<String, Object> counts;
    private final Map<String, Seen> firstSeen = new ConcurrentHashMap<>();
    private final boolean keepEvents;
    private final boolean envelopeOnly;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param counts which records count as the complaint having reached this stage (e.g. only acknowledgments)
     */
    public PipelineObserver(String bootstrapServers, String registryUrl, String topic, BiPredicate<String, Object> counts) {
        this(bootstrapServers, registryUrl, topic, counts, true);
    }

    /**
     * @param keepEvents false to remember only when each complaint was seen (benchmarks watch tens of thousands)
     */
    public PipelineObserver(String bootstrapServers, String registryUrl, String topic, BiPredicate<String, Object> counts,
                            boolean keepEvents) {
        this(bootstrapServers, topic, counts, keepEvents, false,
                new AvroWireDeserializer<>(new HttpSchemaRegistryClient(registryUrl), null));
    }

    /**
     * Records when any event about each complaint first appeared, reading only the complaint id from the envelope at
     * the start of the wire bytes instead of decoding every event (a benchmark's observers read every case update;
     * the load generator's CPU counts in the benchmark's totals).
     */
    public static PipelineObserver anyEvent(String bootstrapServers, String topic) {
        return new PipelineObserver(bootstrapServers, topic, (id, e) -> true, false, true, new ByteArrayDeserializer());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private PipelineObserver(String bootstrapServers, String topic, BiPredicate<String, Object> counts, boolean keepEvents,
                             boolean envelopeOnly, Deserializer<?> values) {
        this.topic = topic;
        this.counts = counts;
        this.keepEvents = keepEvents;
        this.envelopeOnly = envelopeOnly;
        KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(KafkaClientSecurity.fromEnvironment().applyTo(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "simulator-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
                new StringDeserializer(), (Deserializer) values);
        consumer.subscribe(List.of(topic));
        // join the group before anything is filed, so "latest" means "from now"
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        thread = new Thread(() -> poll(consumer), "observe-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void poll(KafkaConsumer<String, Object> consumer) {
        try (consumer) {
            while (running) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(100))) {
                    String complaintId = complaintIdOf(record);
                    if (complaintId != null && counts.test(complaintId, record.value())) {
                        firstSeen.putIfAbsent(complaintId, new Seen(System.currentTimeMillis(), System.nanoTime(),
                                keepEvents ? record.value() : null));
                    }
                }
            }
        }
    }

    private String complaintIdOf(ConsumerRecord<String, Object> record) {
        String fromEnvelope;
        if (envelopeOnly) {
            fromEnvelope = WireEnvelope.complaintId((byte[]) record.value());
        } else {
            var envelope = Envelopes.of(record.value());
            fromEnvelope = envelope == null ? null : envelope.getComplaintId();
        }
        return fromEnvelope != null ? fromEnvelope : record.key();
    }

    public String topic() {
        return topic;
    }

    public Map<String, Seen> seen() {
        return firstSeen;
    }

    public boolean sawAll(Set<String> complaintIds) {
        return firstSeen.keySet().containsAll(complaintIds);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
