package io.livecomplaints.registry.store;

import io.livecomplaints.schemas.kafka.KafkaClientSecurity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's storage: the single-partition, compacted {@code _schemas} topic. A reader thread applies every
 * record to the {@link RegistryState}; a write returns once the reader has applied it, so the caller sees its own
 * write (and whether it won) in the state, exactly as every other instance will.
 */
public final class KafkaSchemaLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaLog.class);

    private final String topic;
    private final TopicPartition partition;
    private final RegistryState state;
    /** SASL/SCRAM credentials of the registry's own principal, from the environment (docs/security.md). */
    private static final KafkaClientSecurity SECURITY = KafkaClientSecurity.fromEnvironment();

    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread reader;
    private final Object progress = new Object();
    private volatile long appliedUpTo = -1;
    private volatile boolean running = true;
    private volatile Throwable readerFailure;

    public KafkaSchemaLog(String bootstrapServers, String topic, short replicationFactor, RegistryState state, Duration startupTimeout) {
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.state = state;
        createTopicIfMissing(bootstrapServers, replicationFactor, startupTimeout);
        this.producer = new KafkaProducer<>(SECURITY.applyTo(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-writer")), new ByteArraySerializer(), new ByteArraySerializer());
        this.consumer = new KafkaConsumer<>(SECURITY.applyTo(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-reader")), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), startupTimeout).get(partition);
        this.reader = new Thread(this::readLoop, "schema-log-reader");
        reader.setDaemon(true);
        reader.start();
        awaitApplied(end - 1, startupTimeout);
        log.info("schema registry state loaded from {} ({} records)", topic, end);
    }

    /** Writes the entry and waits until this instance's state includes it. */
    public void append(SchemaLogEntry entry, Duration timeout) {
        try {
            long offset = producer.send(new ProducerRecord<>(topic, 0, SchemaLogCodec.key(entry), SchemaLogCodec.value(entry)))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
            awaitApplied(offset, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StorageUnavailableException("cannot write to " + topic + ": " + e.getMessage(), e);
        }
    }

    /** True while the reader thread runs and Kafka answers. */
    public boolean healthy() {
        return running && readerFailure == null && reader.isAlive();
    }

    public Optional<Throwable> failure() {
        return Optional.ofNullable(readerFailure);
    }

    public long appliedUpTo() {
        return appliedUpTo;
    }

    private void awaitApplied(long offset, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (appliedUpTo < offset) {
                long left = deadline - System.nanoTime();
                if (readerFailure != null) {
                    throw new StorageUnavailableException("reader of " + topic + " failed: " + readerFailure, readerFailure);
                }
                if (left <= 0) {
                    throw new StorageUnavailableException("timed out reading " + topic + " up to offset " + offset, null);
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StorageUnavailableException("interrupted reading " + topic, e);
                }
            }
        }
    }

    private void readLoop() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    SchemaLogEntry entry = SchemaLogCodec.decode(record.key(), record.value());
                    if (entry != null) {
                        state.apply(entry);
                    }
                }
                long position = consumer.position(partition);
                synchronized (progress) {
                    appliedUpTo = position - 1;
                    progress.notifyAll();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                readerFailure = e;
            }
        } catch (RuntimeException e) {
            log.error("reader of {} stopped", topic, e);
            readerFailure = e;
            synchronized (progress) {
                progress.notifyAll();
            }
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private void createTopicIfMissing(String bootstrapServers, short replicationFactor, Duration timeout) {
        try (Admin admin = Admin.create(SECURITY.applyTo(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)))) {
            NewTopic newTopic = new NewTopic(topic, 1, replicationFactor).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("created {}", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new StorageUnavailableException("cannot create " + topic + ": " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted creating " + topic, e);
        } catch (TimeoutException e) {
            throw new StorageUnavailableException("Kafka at " + bootstrapServers + " did not answer in " + timeout, e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(1));
    }
}
