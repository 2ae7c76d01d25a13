package io.livecomplaints.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Puts dead letters back on the topic they failed on, once: the original key and value (so the same partition, the
 * same eventId), the DLT's own headers dropped and {@code dlt-replayed-from} added. Each replay is recorded in the
 * compacted topic {@value #LEDGER} under {@link DeadLetter#replayKey()} (source topic + eventId) in the same
 * transaction as the replayed record, so a replay that was written is recorded and a dead letter already replayed,
 * by this run, an earlier one or one that crashed half way, is skipped. A source topic read by services other than
 * the one that gave up on the record is replayed only when asked to ({@code allConsumers}): they get the event again.
 */
public class DeadLetterReplayer {

    public static final String LEDGER = "dead-letter-replays";
    public static final String REPLAYED_FROM = "dlt-replayed-from";
    private static final String TRANSACTIONAL_ID = "dead-letter-replay";

    private final Properties client;
    private final DeadLetterReader reader;

    public record Outcome(List<DeadLetter> replayed, List<DeadLetter> alreadyReplayed) {
    }

    public DeadLetterReplayer(Properties client) {
        this.client = client;
        this.reader = new DeadLetterReader(client);
    }

    public Outcome replay(List<DeadLetter> letters, boolean allConsumers, boolean dryRun)
            throws ExecutionException, InterruptedException {
        ensureLedger();
        Set<String> done = replayedKeys();
        List<DeadLetter> toReplay = new ArrayList<>();
        List<DeadLetter> skipped = new ArrayList<>();
        Set<String> thisRun = new HashSet<>();
        for (DeadLetter letter : letters) {
            if (done.contains(letter.replayKey()) || !thisRun.add(letter.replayKey())) {
                skipped.add(letter);
            } else {
                toReplay.add(letter);
            }
        }
        if (!allConsumers) {
            refuseWhenOthersConsume(toReplay);
        }
        if (dryRun || toReplay.isEmpty()) {
            return new Outcome(dryRun ? toReplay : List.of(), skipped);
        }
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            for (DeadLetter letter : toReplay) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(letter.sourceTopic(), null, letter.key(), letter.value(), replayHeaders(letter)));
                producer.send(new ProducerRecord<>(LEDGER, letter.replayKey().getBytes(StandardCharsets.UTF_8),
                        ledgerEntry(letter).getBytes(StandardCharsets.UTF_8)));
                producer.commitTransaction();
            }
        }
        return new Outcome(toReplay, skipped);
    }

    /** The replay keys recorded in the ledger. */
    public Set<String> replayedKeys() {
        Set<String> keys = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : reader.readAll(LEDGER)) {
            if (record.key() != null && record.value() != null) {
                keys.add(new String(record.key(), StandardCharsets.UTF_8));
            }
        }
        return keys;
    }

    private static RecordHeaders replayHeaders(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.headers()) {
            if (!header.key().startsWith("dlt-")) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM, letter.coordinates().getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static String ledgerEntry(DeadLetter letter) {
        return "{\"deadLetter\":\"" + letter.coordinates() + "\",\"service\":\"" + letter.service()
                + "\",\"replayedAt\":\"" + Instant.now() + "\"}";
    }

    private void ensureLedger() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(client)) {
            if (admin.listTopics().names().get().contains(LEDGER)) {
                return;
            }
            int replicas = Math.min(3, admin.describeCluster().nodes().get().size());
            admin.createTopics(List.of(new NewTopic(LEDGER, 1, (short) replicas)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /**
     * Every consumer group with committed offsets on a source topic gets a replayed record; refuses unless that is only
     * the services that dead-lettered the records.
     */
    private void refuseWhenOthersConsume(List<DeadLetter> letters) throws ExecutionException, InterruptedException {
        Set<String> sources = new TreeSet<>();
        letters.forEach(letter -> sources.add(letter.sourceTopic()));
        try (Admin admin = Admin.create(client)) {
            for (String source : sources) {
                Set<String> consumers = consumersOf(admin, source);
                letters.stream().filter(l -> l.sourceTopic().equals(source)).map(DeadLetter::service).forEach(consumers::remove);
                if (!consumers.isEmpty()) {
                    throw new IllegalStateException(source + " is also consumed by " + consumers + ", which would process the "
                            + "replayed records again; replay only if they are idempotent for these events (--all-consumers)");
                }
            }
        }
    }

    static Set<String> consumersOf(Admin admin, String topic) throws ExecutionException, InterruptedException {
        Set<String> groups = new TreeSet<>();
        for (var group : admin.listGroups(org.apache.kafka.clients.admin.ListGroupsOptions.forConsumerGroups()).all().get()) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
            if (offsets.keySet().stream().anyMatch(partition -> partition.topic().equals(topic))) {
                groups.add(group.groupId());
            }
        }
        return groups;
    }
}
