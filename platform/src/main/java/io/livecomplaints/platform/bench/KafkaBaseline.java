package io.livecomplaints.platform.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The raw Kafka baseline: what the same broker does with plain clients for the pipeline's shape. A producer writes
 * {@code records} values of the pipeline's record size (acks=all, idempotent, linger 5 ms; the transactional hops linger 100 ms as the Streams services) to
 * {@code h0}; then {@code hops} consume-transform-produce hops ({@code h0 → h1 → ... → hN}), one thread each as one
 * stream thread per service, copy every record to the next topic; a sink reads the last topic. Each hop is either
 * at-least-once (every commit interval: flush the sends, then commit the consumed offsets) or exactly-once (a
 * transaction per commit interval with the offsets sent to the transaction, read_committed), as Kafka Streams'
 * exactly_once_v2 does.
 */
final class KafkaBaseline {

    enum Mode { AT_LEAST_ONCE, EXACTLY_ONCE }

    /** What one run measured: records/s produced, per hop, end to end; and the end-to-end latency. */
    record Result(Mode mode, int records, int recordBytes, int hops, int partitions, long commitIntervalMs,
                  double producedPerSecond, double[] hopPerSecond, double endToEndPerSecond, long delivered,
                  Histogram latencyMicros) {
    }

    private final String bootstrapServers;
    private final int partitions;
    private final long commitIntervalMs;

    KafkaBaseline(String bootstrapServers, int partitions, long commitIntervalMs) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.commitIntervalMs = commitIntervalMs;
    }

    Result run(Mode mode, int records, int recordBytes, int hops, Duration timeout) throws Exception {
        String run = "bench-" + (mode == Mode.EXACTLY_ONCE ? "eos" : "alo") + "-" + Long.toString(System.nanoTime(), 36);
        List<String> topics = new ArrayList<>();
        for (int i = 0; i <= hops; i++) {
            topics.add(run + "-h" + i);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList()).all().get();
            awaitLeaders(admin, topics);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Hop> workers = new ArrayList<>();
        for (int i = 0; i < hops; i++) {
            workers.add(new Hop(run + "-hop" + i, topics.get(i), topics.get(i + 1), mode, records, deadline));
        }
        Sink sink = new Sink(topics.get(hops), mode, records, deadline);
        List<Thread> threads = new ArrayList<>();
        for (Runnable r : workers) {
            threads.add(new Thread(r, "baseline-hop"));
        }
        threads.add(new Thread(sink, "baseline-sink"));
        threads.forEach(Thread::start);
        for (Hop hop : workers) {
            hop.assigned.await();
        }
        sink.assigned.await();

        byte[] value = new byte[recordBytes];
        new Random(1).nextBytes(value);
        long produceStart = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(null), new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(topics.get(0));
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topics.get(0), UUID.randomUUID().toString(), value));
            }
            producer.flush();
        }
        double produced = records / ((System.nanoTime() - produceStart) / 1e9);
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 5000));
        }
        double[] perHop = workers.stream().mapToDouble(Hop::perSecond).toArray();
        double endToEnd = sink.count.get() / ((sink.lastNanos - produceStart) / 1e9);
        return new Result(mode, records, recordBytes, hops, partitions, commitIntervalMs, produced, perHop, endToEnd,
                sink.count.get(), sink.latency);
    }

    /**
     * Waits until every partition has a leader, then a moment more: an idempotent producer whose first batch (sequence
     * 0) meets a partition that is not open yet while its next batches succeed is stuck on OutOfOrderSequence.
     */
    private static void awaitLeaders(Admin admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            boolean ready = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
            if (ready) {
                Thread.sleep(1000);
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("baseline topics have no leaders after 30 s");
    }

    private Map<String, Object> producerConfig(String transactionalId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // the hops linger as Kafka Streams' producers do (its default 100 ms; a commit flushes them anyway)
        config.put(ProducerConfig.LINGER_MS_CONFIG, transactionalId != null ? 100 : 5);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return config;
    }

    private Map<String, Object> consumerConfig(String group, Mode mode) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, mode == Mode.EXACTLY_ONCE ? "read_committed" : "read_uncommitted");
        return config;
    }

    private static void awaitAssignment(KafkaConsumer<?, ?> consumer) {
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(50));
        }
    }

    /** One consume-transform-produce hop; the "transform" is a copy, so the hop costs only what Kafka costs. */
    private final class Hop implements Runnable {
        private final String group;
        private final String from;
        private final String to;
        private final Mode mode;
        private final int expected;
        private final long deadline;
        private final CountDownLatch assigned = new CountDownLatch(1);
        private long count;
        private long firstNanos;
        private long lastNanos;

        Hop(String group, String from, String to, Mode mode, int expected, long deadline) {
            this.group = group;
            this.from = from;
            this.to = to;
            this.mode = mode;
            this.expected = expected;
            this.deadline = deadline;
        }

        double perSecond() {
            return count > 1 ? count / ((lastNanos - firstNanos) / 1e9) : 0;
        }

        @Override
        public void run() {
            boolean eos = mode == Mode.EXACTLY_ONCE;
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(group, mode), new StringDeserializer(), new ByteArrayDeserializer());
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(eos ? group + "-tx" : null), new StringSerializer(), new ByteArraySerializer())) {
                producer.partitionsFor(to);
                if (eos) {
                    producer.initTransactions();
                }
                consumer.subscribe(List.of(from));
                awaitAssignment(consumer);
                assigned.countDown();
                Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
                long transactionStart = 0;
                boolean inTransaction = false;
                while (count < expected && System.nanoTime() < deadline) {
                    ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(20));
                    if (!batch.isEmpty()) {
                        if (eos && !inTransaction) {
                            producer.beginTransaction();
                            inTransaction = true;
                            transactionStart = System.nanoTime();
                        }
                        for (ConsumerRecord<String, byte[]> record : batch) {
                            // keep the source timestamp: the sink measures end-to-end latency from the first produce
                            producer.send(new ProducerRecord<>(to, null, record.timestamp(), record.key(), record.value()));
                            pending.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                        }
                        if (count == 0) {
                            firstNanos = System.nanoTime();
                        }
                        count += batch.count();
                        lastNanos = System.nanoTime();
                    }
                    if (!eos && !pending.isEmpty() && (System.nanoTime() - transactionStart >= commitIntervalMs * 1_000_000 || count >= expected)) {
                        producer.flush();
                        consumer.commitSync(pending);
                        pending.clear();
                        transactionStart = System.nanoTime();
                    } else if (eos && inTransaction
                            && (System.nanoTime() - transactionStart >= commitIntervalMs * 1_000_000 || count >= expected)) {
                        producer.sendOffsetsToTransaction(pending, consumer.groupMetadata());
                        producer.commitTransaction();
                        pending.clear();
                        inTransaction = false;
                    }
                }
            } catch (Exception e) {
                System.err.println("baseline hop " + group + " failed: " + e);
                assigned.countDown();
            }
        }
    }

    /** Reads the last topic and times every record from its first produce (same JVM, same clock). */
    private final class Sink implements Runnable {
        private final String topic;
        private final Mode mode;
        private final int expected;
        private final long deadline;
        private final CountDownLatch assigned = new CountDownLatch(1);
        private final AtomicLong count = new AtomicLong();
        private final Histogram latency = new Histogram(600_000_000L, 3);
        private volatile long lastNanos;

        Sink(String topic, Mode mode, int expected, long deadline) {
            this.topic = topic;
            this.mode = mode;
            this.expected = expected;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(topic + "-sink", mode), new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topic));
                awaitAssignment(consumer);
                assigned.countDown();
                while (count.get() < expected && System.nanoTime() < deadline) {
                    ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(20));
                    long now = System.currentTimeMillis();
                    for (ConsumerRecord<String, byte[]> record : batch) {
                        latency.recordValue(Math.max(1, Math.min(600_000_000L, (now - record.timestamp()) * 1000)));
                    }
                    if (!batch.isEmpty()) {
                        count.addAndGet(batch.count());
                        lastNanos = System.nanoTime();
                    }
                }
            } catch (Exception e) {
                System.err.println("baseline sink failed: " + e);
                assigned.countDown();
            }
        }
    }
}
