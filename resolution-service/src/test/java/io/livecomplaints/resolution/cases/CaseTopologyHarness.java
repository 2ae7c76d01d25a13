package io.livecomplaints.resolution.cases;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.ReplayRetention;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.SurveyResponse;
import io.livecomplaints.resolution.cases.model.CasePolicies;
import io.livecomplaints.resolution.sla.model.SlaTimer;
import io.livecomplaints.resolution.support.MutableClock;
import io.livecomplaints.schemas.serde.InMemorySchemaRegistryClient;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The resolution topology in a TopologyTestDriver with an in-memory registry and a {@link MutableClock}: time moves
 * by {@link #advance}, which also advances the driver's wall-clock time so that timers are looked for.
 */
final class CaseTopologyHarness implements AutoCloseable {

    static final Duration TIMER_INTERVAL = Duration.ofSeconds(1);

    final MutableClock clock;
    final Topics topics = new Topics(new InMemorySchemaRegistryClient(), true);
    final TopologyTestDriver driver;
    final TestInputTopic<String, ComplaintTriaged> triaged;
    final TestInputTopic<String, ComplaintCommand> commands;
    final TestInputTopic<String, SurveyResponse> surveys;
    final TestOutputTopic<String, ComplaintCase> cases;
    final TestOutputTopic<String, ComplaintOutcome> outcomes;
    final TestOutputTopic<String, SlaEvent> slaEvents;
    final TestOutputTopic<String, ReplayRetention> retentions;
    final TestOutputTopic<String, CreditRecord> credit;
    private final List<ComplaintCase> caseLog = new ArrayList<>();

    CaseTopologyHarness(CasePolicies policies, Instant start) throws Exception {
        this(policies, new MutableClock(start), Files.createTempDirectory("case-topology"));
    }

    /** A driver on an existing state directory: a restart of the same instance. */
    CaseTopologyHarness(CasePolicies policies, MutableClock clock, Path stateDir) {
        this.clock = clock;
        StreamsBuilder builder = new StreamsBuilder();
        new CaseTopology(topics, policies, clock, TIMER_INTERVAL).build(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "resolution-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), config, clock.instant());
        triaged = input(topics.complaintsTriaged);
        commands = input(topics.complaintCommands);
        surveys = input(topics.surveyResponses);
        cases = output(topics.complaintCases);
        outcomes = output(topics.complaintOutcomes);
        slaEvents = output(topics.slaEvents);
        retentions = output(topics.replayRetention);
        credit = output(topics.creditRecords);
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    void open(ComplaintTriaged complaint) {
        triaged.pipeInput(complaint.getEnvelope().getComplaintId(), complaint, clock.instant());
    }

    void send(ComplaintCommand command) {
        commands.pipeInput(command.getEnvelope().getComplaintId(), command, clock.instant());
    }

    void send(SurveyResponse survey) {
        surveys.pipeInput(survey.getEnvelope().getComplaintId(), survey, clock.instant());
    }

    /** Moves time forward; due timers fire. */
    void advance(Duration by) {
        clock.advance(by);
        driver.advanceWallClockTime(TIMER_INTERVAL);
    }

    /** The case as the processor's store holds it now. */
    ComplaintCase caseOf(String id) {
        KeyValueStore<String, ComplaintCase> store = driver.getKeyValueStore(CaseTopology.CASES);
        return store.get(id);
    }

    /** Every case version written to complaint-cases so far. */
    List<ComplaintCase> caseVersions() {
        caseLog.addAll(cases.readValuesToList());
        return caseLog;
    }

    /** The schedule: one entry per case with a pending timer, keyed by its next due instant and the complaint id. */
    KeyValueStore<Bytes, String> deadlines() {
        return driver.getKeyValueStore(CaseTopology.DEADLINES);
    }

    /** The schedule's entries as (due instant, complaint id), in due order. */
    List<Map.Entry<Instant, String>> scheduled() {
        List<Map.Entry<Instant, String>> entries = new ArrayList<>();
        try (var all = deadlines().all()) {
            all.forEachRemaining(e -> {
                ByteBuffer key = ByteBuffer.wrap(e.key.get());
                Instant due = Instant.ofEpochMilli(key.getLong() ^ Long.MIN_VALUE);
                entries.add(Map.entry(due, StandardCharsets.UTF_8.decode(key).toString()));
            });
        }
        return entries;
    }

    /** The schedule store of releases before {@code DurableSchedule}, which the processor migrates. */
    KeyValueStore<String, String> legacyTimers() {
        return driver.getKeyValueStore(LegacyTimerMigration.STRING_KEYS);
    }

    /** The schedule store of the release with one {@link SlaTimer} per entry, which the processor migrates. */
    KeyValueStore<Bytes, SlaTimer> legacySchedule() {
        return driver.getKeyValueStore(LegacyTimerMigration.TIMER_SCHEDULE);
    }

    @Override
    public void close() {
        driver.close();
    }
}
