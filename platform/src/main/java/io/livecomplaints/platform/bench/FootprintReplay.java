package io.livecomplaints.platform.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * B0′: raw Kafka with the pipeline's footprint. For each topic the pipeline advanced (measured in a B3 window), a
 * copy with the same partition count gets the same number of records per complaint, of the topic's mean size, in
 * opaque bytes, from an exactly-once producer committing every 100 ms (as the services do); every copy but a
 * changelog (which nothing reads in steady state) is read read_committed. The topics are written in parallel, not
 * as a chain, and the log offsets a transaction marker takes count as records: it is the volume of the pipeline's
 * Kafka work, not its latency.
 */
final class FootprintReplay {

    /** What the replay took: the complaints' worth of records, records written, seconds until all were read. */
    record Result(int complaints, long records, double seconds) {
        double complaintsPerSecond() {
            return complaints / seconds;
        }
    }

    private final String bootstrapServers;

    FootprintReplay(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Records each topic gets for {@code complaints} complaints at {@code perComplaint} offsets each (at least 1). */
    static Map<String, Long> recordsPerTopic(Map<String, Double> perComplaint, int complaints) {
        Map<String, Long> records = new LinkedHashMap<>();
        perComplaint.forEach((topic, per) -> records.put(topic, Math.max(1, Math.round(per * complaints))));
        return records;
    }

    Result run(Map<String, Double> perComplaint, Map<String, Integer> partitions, Map<String, Integer> bytes,
               int complaints, Duration timeout) throws Exception {
        String run = "bench-fp-" + Long.toString(System.nanoTime(), 36) + "-";
        Map<String, Long> records = recordsPerTopic(perComplaint, complaints);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(records.keySet().stream()
                    .map(t -> new NewTopic(run + t, partitions.getOrDefault(t, 3), (short) 1)).toList()).all().get();
            Thread.sleep(2000); // leaders elected before the first idempotent batch (see KafkaBaseline.awaitLeaders)
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Thread> threads = new ArrayList<>();
        AtomicLong read = new AtomicLong();
        long expectedRead = 0;
        long start = System.nanoTime();
        for (var topic : records.entrySet()) {
            String copy = run + topic.getKey();
            int size = Math.max(1, bytes.getOrDefault(topic.getKey(), 100));
            threads.add(new Thread(() -> write(copy, topic.getValue(), size, deadline), "fp-write-" + topic.getKey()));
            if (!topic.getKey().endsWith("-changelog")) {
                expectedRead += topic.getValue();
                threads.add(new Thread(() -> read(copy, topic.getValue(), read, deadline), "fp-read-" + topic.getKey()));
            }
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 5000));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (read.get() < expectedRead) {
            throw new IllegalStateException("B0′ read " + read.get() + " of " + expectedRead + " records within " + timeout);
        }
        return new Result(complaints, records.values().stream().mapToLong(Long::longValue).sum(), seconds);
    }

    private void write(String topic, long count, int size, long deadline) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 100); // as the Streams services' producers
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic + "-tx");
        byte[] value = new byte[size];
        new Random(topic.hashCode()).nextBytes(value);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            long sent = 0;
            while (sent < count && System.nanoTime() < deadline) {
                producer.beginTransaction();
                long until = System.nanoTime() + 100_000_000L;
                while (sent < count && System.nanoTime() < until) {
                    producer.send(new ProducerRecord<>(topic, Long.toString(sent).getBytes(), value));
                    sent++;
                }
                producer.commitTransaction();
            }
        } catch (Exception e) {
            System.err.println("B0′ writer of " + topic + " failed: " + e);
        }
    }

    private void read(String topic, long count, AtomicLong read, long deadline) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long seen = 0;
            while (seen < count && System.nanoTime() < deadline) {
                int n = consumer.poll(Duration.ofMillis(50)).count();
                seen += n;
                read.addAndGet(n);
            }
        } catch (Exception e) {
            System.err.println("B0′ reader of " + topic + " failed: " + e);
        }
    }
}
