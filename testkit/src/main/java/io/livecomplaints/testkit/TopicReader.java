package io.livecomplaints.testkit;

import io.livecomplaints.schemas.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from the beginning with read_committed isolation, decoding with the topic's real serde. Keeps what
 * it has read, so a test can wait for records and then assert on all of them.
 */
public final class TopicReader<V> implements AutoCloseable {

    /** A decoded record with its headers and its value's bytes as they are on the topic. */
    public record Received<V>(String key, V value, Map<String, String> headers, int partition, long offset, byte[] bytes) {

        /** Whether the value's bytes contain the text (UTF-8), e.g. to prove a personal value is not on a topic. */
        public boolean bytesContain(String text) {
            return bytes != null && new String(bytes, StandardCharsets.UTF_8).contains(text);
        }
    }

    /** Header the reader adds to a record it could not decode (its value is then null). */
    public static final String UNREADABLE = "test-reader-unreadable";

    private final Topic<String, V> topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<Received<V>> seen = new ArrayList<>();

    TopicReader(String bootstrapServers, Topic<String, V> topic) {
        this(bootstrapServers, topic, topic.name());
    }

    private TopicReader(String bootstrapServers, Topic<String, V> topic, String topicName) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topicName));
    }

    /** Reads until a record matching the predicate arrives; returns it. */
    public Received<V> await(Predicate<Received<V>> match, Duration timeout) {
        return awaitAll(match, 1, timeout).get(0);
    }

    /** Reads until {@code count} records match; returns them in the order read. */
    public List<Received<V>> awaitAll(Predicate<Received<V>> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Received<V>> matching = seen.stream().filter(match).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " matching record(s) on " + topic.name() + " within "
                        + timeout + ", found " + matching.size() + " of " + seen.size() + " read: " + seen);
            }
            poll(Duration.ofMillis(200));
        }
    }

    /** Reads for the given time and returns everything read so far. */
    public List<Received<V>> drain(Duration quietFor) {
        long deadline = System.nanoTime() + quietFor.toNanos();
        while (System.nanoTime() < deadline) {
            poll(Duration.ofMillis(100));
        }
        return List.copyOf(seen);
    }

    private void poll(Duration timeout) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            Map<String, String> headers = new HashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            V value = null;
            if (!record.topic().endsWith("-dlt")) {
                try {
                    value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
                } catch (RuntimeException e) {
                    headers.put(UNREADABLE, e.getMessage()); // a poison record some test wrote: kept, value null
                }
            }
            seen.add(new Received<>(key, value, headers, record.partition(), record.offset(), record.value()));
        }
    }

    /** A reader of the topic's dead-letter topic: values stay undecoded (they are what could not be read). */
    public static <V> TopicReader<V> deadLetters(String bootstrapServers, Topic<String, V> topic) {
        return new TopicReader<>(bootstrapServers, topic, topic.deadLetterTopic());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(1));
    }
}
