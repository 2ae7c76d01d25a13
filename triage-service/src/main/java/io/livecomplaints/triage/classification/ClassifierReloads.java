package io.livecomplaints.triage.classification;

import io.livecomplaints.events.TriageControl;
import io.livecomplaints.events.TriageOperation;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.Parties;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.support.kafka.publish.DurablePublisher;
import io.livecomplaints.support.tracing.HopTracing;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Classifier reloads on every instance: the instance asked reloads at once (its answer says how it went), then writes
 * a {@code RELOAD_CLASSIFIER} command to triage-control; every instance reads that topic with a consumer of its own
 * (no group: each reads every command, from the end of the topic at its start, as it trains from the current data when
 * it starts) and reloads too. The command names its origin, which does not reload twice.
 */
public final class ClassifierReloads implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClassifierReloads.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Every command under one key: one partition, read in the order written. */
    private static final String KEY = "classifier";

    private final ClassifierHolder holder;
    private final DurablePublisher publisher;
    private final Topic<String, TriageControl> topic;
    private final Map<String, Object> consumerProperties;
    private final Clock clock;
    private final String origin = UUID.randomUUID().toString();
    private volatile KafkaConsumer<String, TriageControl> consumer;
    private volatile Thread reader;
    private volatile boolean running;

    public ClassifierReloads(ClassifierHolder holder, DurablePublisher publisher, Topic<String, TriageControl> topic,
                             Map<String, Object> consumerProperties, Clock clock) {
        this.holder = holder;
        this.publisher = publisher.answeringFailuresWith("Classifier reload not passed on",
                "The classifier was reloaded on this instance, but the other instances could not be told. Please retry.");
        this.topic = topic;
        this.consumerProperties = consumerProperties;
        this.clock = clock;
    }

    /** Reloads here (a failure leaves every instance as it was), then has every other instance reload. */
    public ClassifierHolder.Loaded reloadEverywhere(String operator) {
        ClassifierHolder.Loaded loaded = holder.reload();
        TriageControl command = TriageControl.newBuilder()
                .setEnvelope(Envelopes.create(null, Parties.TRIAGE, HopTracing.currentTraceId(), clock.instant().truncatedTo(ChronoUnit.MILLIS)))
                .setOperation(TriageOperation.RELOAD_CLASSIFIER).setRequestedBy(operator).setOrigin(origin).build();
        publisher.send(topic.name(), KEY, command);
        return loaded;
    }

    /** Carries out a command read from triage-control (unless this instance did already). */
    void apply(TriageControl command) {
        if (command == null || origin.equals(command.getOrigin())) {
            return;
        }
        if (command.getOperation() == TriageOperation.RELOAD_CLASSIFIER) {
            try {
                holder.reload();
                log.info("classifier reloaded as {} asked on another instance", command.getRequestedBy());
            } catch (RuntimeException e) {
                log.error("classifier reload asked by {} failed here; the previous classifier stays: {}", command.getRequestedBy(), e.toString());
            }
        }
    }

    @Override
    public void start() {
        Map<String, Object> props = new HashMap<>(consumerProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "triage-control-" + origin);
        KafkaConsumer<String, TriageControl> created = new KafkaConsumer<>(props, new StringDeserializer(), topic.valueSerde().deserializer());
        List<TopicPartition> partitions = created.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        created.assign(partitions);
        created.seekToEnd(partitions);
        partitions.forEach(created::position); // fixes "the end" now: a command written after start is read
        consumer = created;
        running = true;
        reader = new Thread(this::read, "triage-control-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            while (running) {
                try {
                    for (ConsumerRecord<String, TriageControl> record : consumer.poll(POLL)) {
                        apply(record.value());
                    }
                } catch (RecordDeserializationException e) {
                    // not a command of ours (no schema, another writer): nothing to carry out; skip it
                    log.warn("unreadable record on {} at {}@{} skipped: {}", topic.name(), e.topicPartition(), e.offset(), e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        } catch (WakeupException e) {
            // stopping
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, TriageControl> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread thread = reader;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
