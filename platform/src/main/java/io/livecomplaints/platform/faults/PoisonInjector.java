package io.livecomplaints.platform.faults;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.ActorRole;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.ComplaintSubmission;
import io.livecomplaints.events.SurveyResponse;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.TopicNames;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.schemas.topics.Parties;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes poison with a raw producer, as a faulty upstream system or a buggy writer would: records that are not Avro
 * in Confluent's wire format on every topic a service consumes, and well-formed Avro records that a consuming
 * service rejects (an amount below zero in a submission; a command or a survey answer for a case that does not
 * exist). What the services do with them is read from their code ({@link #STREAM_CONSUMERS}): a stream source
 * dead-letters the record to {@code <topic>-dlt} once per consuming service; a global store (a read-only mirror)
 * skips it and counts it in {@code complaints_skipped_records_total}, so no dead letter is expected there.
 */
public final class PoisonInjector implements AutoCloseable {

    public static final String KEY_PREFIX = "poison-";

    /** Per consumed topic, the services that read it as a stream source (each writes its own dead letter). */
    static final Map<String, List<String>> STREAM_CONSUMERS = streamConsumers();

    /** Topics read only by global stores or tables: poison there is skipped, not dead-lettered. */
    static final Map<String, List<String>> GLOBAL_CONSUMERS = Map.of(
            TopicNames.COMMERCE_ORDERS, List.of(Parties.INTAKE),
            TopicNames.LIVE_SESSIONS, List.of(Parties.INTAKE),
            TopicNames.LIVE_QOS, List.of(Parties.TRIAGE, Parties.ANALYTICS),
            TopicNames.COMPLAINTS_RECEIVED, List.of(Parties.INTAKE),
            TopicNames.COMPLAINT_CASES, List.of(Parties.INTAKE, Parties.RESOLUTION),
            TopicNames.CREDIT_RECORDS, List.of(Parties.TRIAGE, Parties.RESOLUTION));

    /** Well-formed records the named services reject, per topic; the key doubles as the complaint or submission id. */
    private final Map<String, SemanticPoison> semantic = new LinkedHashMap<>();

    private record SemanticPoison(List<String> rejectedBy, Function<String, byte[]> value) {
    }

    private final KafkaProducer<String, byte[]> producer;
    private final String keyPrefix;
    private final Map<String, AtomicInteger> undecodableWritten = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> semanticWritten = new ConcurrentHashMap<>();
    private final AtomicInteger failedWrites = new AtomicInteger();

    public PoisonInjector(String bootstrapServers, Topics topics, String runTag) {
        this.keyPrefix = KEY_PREFIX + runTag + "-";
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.CLIENT_ID_CONFIG, "fault-injection-poison",
                // keep trying through a broker restart rather than lose poison we then expect in a DLT
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000), new StringSerializer(), new ByteArraySerializer());
        semantic.put(TopicNames.COMPLAINT_SUBMISSIONS, new SemanticPoison(List.of(Parties.INTAKE), key ->
                topics.complaintSubmissions.valueSerde().serializer().serialize(TopicNames.COMPLAINT_SUBMISSIONS,
                        ComplaintSubmission.newBuilder()
                                .setEnvelope(Envelopes.create(null, Parties.UPSTREAM, null, Instant.now()))
                                .setSubmissionId(key).setSourceSystem("hotline-poison").setUserId("U-poison")
                                .setChannel(Channel.HOTLINE).setText("来电投诉：退款金额不对")
                                .setOrderId("O-poison").setClaimedAmountFen(-100L) // AmountNotNegative
                                .build())));
        semantic.put(TopicNames.COMPLAINT_COMMANDS, new SemanticPoison(List.of(Parties.RESOLUTION), key ->
                topics.complaintCommands.valueSerde().serializer().serialize(TopicNames.COMPLAINT_COMMANDS,
                        ComplaintCommand.newBuilder()
                                .setEnvelope(Envelopes.create(key, "fault-injection", null, Instant.now()))
                                .setActor(Actor.newBuilder().setActorId("agent-poison").setRole(ActorRole.AGENT).build())
                                .setAction(CommandAction.PROGRESS_NOTE).setNote("a note on a case that does not exist")
                                .build())));
        semantic.put(TopicNames.SURVEY_RESPONSES, new SemanticPoison(List.of(Parties.RESOLUTION), key ->
                topics.surveyResponses.valueSerde().serializer().serialize(TopicNames.SURVEY_RESPONSES,
                        SurveyResponse.newBuilder()
                                .setEnvelope(Envelopes.create(key, "fault-injection", null, Instant.now()))
                                .setUserId("U-poison").setScore(1).setComment("an answer about no complaint").setReopenRequested(true)
                                .build())));
    }

    /** One round: an undecodable record on every consumed topic and a rejected well-formed one where there is such. */
    public void injectRound(int round) {
        for (String topic : consumedTopics()) {
            String key = keyPrefix + "bytes-" + topic + "-" + round;
            send(topic, key, ("{\"poison\":" + round + ",\"not\":\"avro\"}").getBytes(StandardCharsets.UTF_8), undecodableWritten);
        }
        semantic.forEach((topic, poison) -> {
            String key = keyPrefix + "semantic-" + topic + "-" + round;
            send(topic, key, poison.value().apply(key), semanticWritten);
        });
    }

    private void send(String topic, String key, byte[] value, Map<String, AtomicInteger> written) {
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error == null) {
                written.computeIfAbsent(topic, t -> new AtomicInteger()).incrementAndGet();
            } else {
                failedWrites.incrementAndGet();
            }
        });
    }

    /** Waits until every poison record is acknowledged (or failed). */
    public void flush() {
        producer.flush();
    }

    /** Source topic → service → dead letters the written poison must produce. */
    public Map<String, Map<String, Integer>> expectedDeadLetters() {
        Map<String, Map<String, Integer>> expected = new TreeMap<>();
        undecodableWritten.forEach((topic, n) -> STREAM_CONSUMERS.getOrDefault(topic, List.of())
                .forEach(service -> expected.computeIfAbsent(topic, t -> new TreeMap<>()).merge(service, n.get(), Integer::sum)));
        semanticWritten.forEach((topic, n) -> semantic.get(topic).rejectedBy()
                .forEach(service -> expected.computeIfAbsent(topic, t -> new TreeMap<>()).merge(service, n.get(), Integer::sum)));
        return expected;
    }

    /** Topic → service → records its global stores must skip (and count) for the written poison. */
    public Map<String, Map<String, Integer>> expectedSkipped() {
        Map<String, Map<String, Integer>> expected = new TreeMap<>();
        undecodableWritten.forEach((topic, n) -> GLOBAL_CONSUMERS.getOrDefault(topic, List.of())
                .forEach(service -> expected.computeIfAbsent(topic, t -> new TreeMap<>()).merge(service, n.get(), Integer::sum)));
        return expected;
    }

    /** Topic → poison records written (undecodable + well-formed but invalid). */
    public Map<String, Integer> written() {
        Map<String, Integer> out = new TreeMap<>();
        undecodableWritten.forEach((t, n) -> out.merge(t, n.get(), Integer::sum));
        semanticWritten.forEach((t, n) -> out.merge(t, n.get(), Integer::sum));
        return out;
    }

    public int failedWrites() {
        return failedWrites.get();
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    static List<String> consumedTopics() {
        java.util.Set<String> all = new java.util.TreeSet<>(STREAM_CONSUMERS.keySet());
        all.addAll(GLOBAL_CONSUMERS.keySet());
        return List.copyOf(all);
    }

    private static Map<String, List<String>> streamConsumers() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(TopicNames.COMMERCE_ORDERS, List.of(Parties.ANALYTICS));
        m.put(TopicNames.COMPLAINT_SUBMISSIONS, List.of(Parties.INTAKE));
        m.put(TopicNames.COMPLAINTS_RECEIVED, List.of(Parties.TRIAGE, Parties.NOTIFICATION));
        m.put(TopicNames.COMPLAINTS_TRIAGED, List.of(Parties.RESOLUTION, Parties.NOTIFICATION, Parties.ANALYTICS));
        m.put(TopicNames.COMPLAINT_COMMANDS, List.of(Parties.RESOLUTION));
        m.put(TopicNames.COMPLAINT_CASES, List.of(Parties.TRIAGE, Parties.NOTIFICATION, Parties.ANALYTICS));
        m.put(TopicNames.COMPLAINT_OUTCOMES, List.of(Parties.NOTIFICATION, Parties.ANALYTICS));
        m.put(TopicNames.SLA_EVENTS, List.of(Parties.NOTIFICATION, Parties.ANALYTICS));
        m.put(TopicNames.SURVEY_RESPONSES, List.of(Parties.RESOLUTION, Parties.NOTIFICATION, Parties.ANALYTICS));
        m.put(TopicNames.NOTIFICATIONS, List.of(Parties.ANALYTICS));
        return Map.copyOf(m);
    }

    @Override
    public void close() {
        producer.close();
    }
}
