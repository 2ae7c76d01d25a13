package io.livecomplaints.triage.pipeline;

import static io.livecomplaints.triage.pipeline.TriageFixtures.aboutOrder;
import static io.livecomplaints.triage.pipeline.TriageFixtures.aboutSession;
import static io.livecomplaints.triage.pipeline.TriageFixtures.complaint;
import static io.livecomplaints.triage.pipeline.TriageFixtures.healthy;
import static io.livecomplaints.triage.pipeline.TriageFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.CreditSubject;
import io.livecomplaints.events.IncidentKind;
import io.livecomplaints.events.QosSample;
import io.livecomplaints.events.QosVerdict;
import io.livecomplaints.events.Severity;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.serde.InMemorySchemaRegistryClient;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.schemas.topics.Parties;
import io.livecomplaints.triage.incidents.model.QosIncidents;
import io.livecomplaints.triage.incidents.model.SurgeDetector;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole triage topology on Kafka Streams' test driver: repartitions, state stores and global stores run for real,
 * records are processed one by one in the order piped, and time is the events' own.
 */
class TriageTopologyTest {

    private static final Instant T0 = Instant.parse("2025-06-18T12:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, ComplaintReceived> received;
    private TestInputTopic<String, QosSample> qos;
    private TestInputTopic<String, ComplaintCase> cases;
    private TestInputTopic<String, CreditRecord> credit;
    private TestOutputTopic<String, ComplaintTriaged> triaged;

    @BeforeEach
    void start() throws Exception {
        Topics topics = new Topics(new InMemorySchemaRegistryClient(), true);
        StreamsBuilder builder = new StreamsBuilder();
        new TriageTopology(topics, TriageFixtures.triage(Clock.fixed(T0, ZoneOffset.UTC)), new QosIncidents(Duration.ofMinutes(30)),
                new SurgeDetector(Duration.ofMinutes(5), 3), TriageFixtures.agents(2),
                new TriageTopology.Settings(Duration.ofHours(2), 2, Duration.ofDays(7))).build(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "triage-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("triage-ttd").toString());
        driver = new TopologyTestDriver(builder.build(), config, T0);
        received = input(topics.complaintsReceived);
        qos = input(topics.liveQos);
        cases = input(topics.complaintCases);
        credit = input(topics.creditRecords);
        triaged = driver.createOutputTopic(topics.complaintsTriaged.name(), topics.complaintsTriaged.keySerde().deserializer(),
                topics.complaintsTriaged.valueSerde().deserializer());
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private ComplaintTriaged triage(ComplaintReceived complaint) {
        received.pipeInput(complaint.getEnvelope().getComplaintId(), complaint);
        List<ComplaintTriaged> out = triaged.readValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).getEnvelope().getComplaintId()).isEqualTo(complaint.getEnvelope().getComplaintId());
        return out.get(0);
    }

    private void telemetry(String session, String node, int minutes, java.util.function.Function<Instant, QosSample> sample) {
        for (Instant t = T0.minus(Duration.ofMinutes(minutes)); t.isBefore(T0.plusSeconds(60)); t = t.plusSeconds(30)) {
            qos.pipeInput(session, sample.apply(t));
        }
    }

    @Test
    void aComplaintWrittenTwiceByIntakeIsTriagedOnceAndARedeliveryIsANoOp() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Metrics.addRegistry(meters);
        try {
            ComplaintReceived first = aboutOrder("C-twice", "物流停在同一个地方一周没动", "O-twice", T0);
            // an Idempotency-Key retry that reached the other intake instance: same complaint id, another event id
            ComplaintReceived resubmitted = ComplaintReceived.newBuilder(first)
                    .setEnvelope(Envelopes.create("C-twice", Parties.INTAKE, null, T0.plusMillis(40))).build();
            assertThat(resubmitted.getEnvelope().getEventId()).isNotEqualTo(first.getEnvelope().getEventId());

            received.pipeInput("C-twice", first);
            received.pipeInput("C-twice", resubmitted);
            received.pipeInput("C-twice", first); // a redelivery of the accepted event

            List<ComplaintTriaged> out = triaged.readValuesToList();
            assertThat(out).hasSize(1);
            assertThat(out.get(0).getEnvelope().getTraceId()).isEqualTo(first.getEnvelope().getTraceId()); // triaged from the first event
            assertThat(out.get(0).getRepeatComplaint()).isFalse(); // the resubmission did not count as a repeat on the order
            assertThat(meters.counter("complaints.triage.resubmissions.dropped", "reason", "resubmission").count()).isEqualTo(1);
            assertThat(meters.counter("complaints.triage.resubmissions.dropped", "reason", "redelivery").count()).isEqualTo(1);
            assertThat(triage(complaint("C-other", "物流停了一周", T0)).getEnvelope().getComplaintId()).isEqualTo("C-other");
        } finally {
            Metrics.removeRegistry(meters);
        }
    }

    @Test
    void anAcceptedComplaintIdIsForgottenAfterTheDedupRetention() {
        ComplaintReceived first = complaint("C-old", "物流停在同一个地方一周没动", T0);
        triage(first);
        driver.advanceWallClockTime(Duration.ofDays(6));
        received.pipeInput("C-old", ComplaintReceived.newBuilder(first).setEnvelope(Envelopes.create("C-old", Parties.INTAKE, null, T0)).build());
        assertThat(triaged.readValuesToList()).isEmpty(); // still within the 7 days

        driver.advanceWallClockTime(Duration.ofDays(1).plusHours(2)); // past the retention
        triage(ComplaintReceived.newBuilder(first).setEnvelope(Envelopes.create("C-old", Parties.INTAKE, null, T0)).build());
    }

    @Test
    void anAcceptedIdIsOneWriteAndIsForgottenExactlyWhenItsRetentionEnds() {
        ComplaintReceived early = complaint("C-12h00", "物流停在同一个地方一周没动", T0);
        triage(early); // accepted 12:00: forgotten after 12:00 seven days later
        driver.advanceWallClockTime(Duration.ofMinutes(30));
        ComplaintReceived late = complaint("C-12h30", "物流停了一周", T0.plus(Duration.ofMinutes(30)));
        triage(late); // accepted 12:30: forgotten after 12:30 seven days later
        WindowStore<String, String> ids = driver.getWindowStore(AcceptedComplaints.STORE);
        assertThat(count(ids)).isEqualTo(2); // one entry per accepted complaint, nothing else
        // and nothing is ever deleted one by one: the changelog holds just the two acceptances
        assertThat(changelogRecords(AcceptedComplaints.STORE)).isEqualTo(2);

        driver.advanceWallClockTime(Duration.ofDays(7).minusMinutes(25)); // 12:05, seven days later
        triage(resent(early));
        received.pipeInput("C-12h30", resent(late)); // still within its 7 days
        assertThat(triaged.readValuesToList()).isEmpty();

        driver.advanceWallClockTime(Duration.ofMinutes(30)); // 12:35: past its 7 days
        triage(resent(late));
    }

    private static ComplaintReceived resent(ComplaintReceived complaint) {
        String id = complaint.getEnvelope().getComplaintId();
        return ComplaintReceived.newBuilder(complaint).setEnvelope(Envelopes.create(id, Parties.INTAKE, null, T0)).build();
    }

    /** Records (puts and tombstones) the store wrote to its changelog topic so far. */
    private long changelogRecords(String store) {
        return driver.createOutputTopic("triage-test-" + store + "-changelog", new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .getQueueSize();
    }

    private static int count(WindowStore<String, String> store) {
        int n = 0;
        try (KeyValueIterator<Windowed<String>, String> all = store.all()) {
            for (; all.hasNext(); all.next()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aDegradedAnchorPushIsAPlatformIncidentOfTheSessionForTheTechnicalTeam() {
        telemetry("S-push", "cdn-a", 5, t -> sample("S-push", "cdn-a", t, 650, 10.5, 0.12, 0.5));

        ComplaintTriaged first = triage(aboutSession("C-1", "直播一直卡，画面糊成一团", "S-push", T0));
        ComplaintTriaged second = triage(aboutSession("C-2", "The live stream keeps buffering", "S-push", T0.plusSeconds(40)));

        assertThat(first.getDiagnosis().getVerdict()).isEqualTo(QosVerdict.ANCHOR_PUSH_DEGRADED);
        assertThat(first.getDiagnosis().getFindings()).anyMatch(f -> f.contains("anchor push degraded"));
        assertThat(first.getTeam()).isEqualTo("tech-support");
        assertThat(first.getAutoReply()).isFalse();
        assertThat(first.getIncident().getKind()).isEqualTo(IncidentKind.QOS);
        assertThat(second.getIncident().getIncidentId()).isEqualTo(first.getIncident().getIncidentId());
        assertThat(second.getIncident().getSize()).isEqualTo(2);
    }

    @Test
    void complaintsFromDifferentSessionsOnOneOverloadedCdnNodeShareOneIncident() {
        telemetry("S-a", "cdn-hot", 5, t -> sample("S-a", "cdn-hot", t, 2900, 29.5, 0.2, 0.96));
        telemetry("S-b", "cdn-hot", 5, t -> sample("S-b", "cdn-hot", t, 2950, 30, 0.22, 0.95));

        ComplaintTriaged a = triage(aboutSession("C-a", "直播间一直转圈加载不出来", "S-a", T0));
        ComplaintTriaged b = triage(aboutSession("C-b", "直播卡顿严重", "S-b", T0.plusSeconds(10)));

        assertThat(a.getDiagnosis().getVerdict()).isEqualTo(QosVerdict.CDN_NODE_OVERLOADED);
        assertThat(a.getDiagnosis().getCdnNode()).isEqualTo("cdn-hot");
        assertThat(b.getIncident().getIncidentId()).isEqualTo(a.getIncident().getIncidentId()).contains("cdn-hot");
        assertThat(b.getIncident().getSize()).isEqualTo(2);
    }

    @Test
    void aViewerSideProblemIsAnsweredAutomaticallyWithAdviceAndNoAgent() {
        telemetry("S-ok", "cdn-b", 5, t -> healthy("S-ok", "cdn-b", t));

        ComplaintTriaged t = triage(aboutSession("C-v", "直播画面一卡一卡的", "S-ok", T0));

        assertThat(t.getDiagnosis().getVerdict()).isEqualTo(QosVerdict.VIEWER_SIDE);
        assertThat(t.getDiagnosis().getAdvice()).isEqualTo("请检查您的网络");
        assertThat(t.getAutoReply()).isTrue();
        assertThat(t.getAssignedAgentId()).isNull();
        assertThat(t.getIncident()).isNull();
    }

    @Test
    void withoutTelemetryAroundTheComplaintTimeTheVerdictIsNoTelemetry() {
        telemetry("S-old", "cdn-c", 5, t -> healthy("S-old", "cdn-c", t));

        ComplaintTriaged t = triage(aboutSession("C-late", "直播卡顿", "S-old", T0.plus(Duration.ofMinutes(30))));

        assertThat(t.getDiagnosis().getVerdict()).isEqualTo(QosVerdict.NO_TELEMETRY);
        assertThat(t.getAutoReply()).isFalse();
    }

    @Test
    void aSecondComplaintOnTheSameOrderIsARepeatAndRanksHigher() {
        ComplaintTriaged first = triage(aboutOrder("C-o1", "物流停在同一个地方一周没动", "O-9", T0));
        ComplaintTriaged second = triage(aboutOrder("C-o2", "物流还是没动", "O-9", T0.plusSeconds(3600)));
        ComplaintTriaged other = triage(aboutOrder("C-o3", "物流停了一周", "O-10", T0));

        assertThat(first.getRepeatComplaint()).isFalse();
        assertThat(second.getRepeatComplaint()).isTrue();
        assertThat(second.getPriorityReasons()).anyMatch(r -> r.startsWith("repeat complaint"));
        assertThat(second.getPriority()).isGreaterThan(first.getPriority());
        assertThat(other.getRepeatComplaint()).isFalse();
    }

    @Test
    void aBurstOfComplaintsOfOneTypeAboutOneSessionBecomesASurgeIncident() {
        String text = "直播间标价59，下单时变成了89";
        List<ComplaintTriaged> burst = List.of(
                triage(aboutSession("C-s1", text, "S-flash", T0)),
                triage(aboutSession("C-s2", text, "S-flash", T0.plusSeconds(20))),
                triage(aboutSession("C-s3", text, "S-flash", T0.plusSeconds(40))),
                triage(aboutSession("C-s4", text, "S-flash", T0.plusSeconds(60))));
        ComplaintTriaged later = triage(aboutSession("C-s5", text, "S-flash", T0.plus(Duration.ofMinutes(30))));

        assertThat(burst).allMatch(t -> t.getClassification().getPrimaryType() == ComplaintType.PRICE);
        assertThat(burst.get(0).getIncident()).isNull();
        assertThat(burst.get(1).getIncident()).isNull();
        assertThat(burst.get(2).getIncident().getKind()).isEqualTo(IncidentKind.SURGE);
        assertThat(burst.get(2).getIncident().getSize()).isEqualTo(3);
        assertThat(burst.get(2).getIncident().getFirstSeenAt()).isEqualTo(T0);
        assertThat(burst.get(3).getIncident().getIncidentId()).isEqualTo(burst.get(2).getIncident().getIncidentId());
        assertThat(burst.get(3).getIncident().getSize()).isEqualTo(4);
        assertThat(later.getIncident()).isNull();
    }

    @Test
    void agentsAreChosenByLoadInTurnUpToTheirCapAndFreedWhenCasesClose() {
        String text = "快递丢件了，物流一直显示派送中";
        List<String> agents = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            agents.add(triage(complaint("C-r" + i, text, T0.plusSeconds(i))).getAssignedAgentId());
        }
        // cap 2 each: L-1, L-2, L-1, L-2, then the team queue
        assertThat(agents).containsExactly("L-1", "L-2", "L-1", "L-2", null);

        cases.pipeInput("C-r1", closedCase("C-r1", "L-1", CaseState.RESOLVED));
        assertThat(triage(complaint("C-r6", text, T0.plusSeconds(10))).getAssignedAgentId()).isEqualTo("L-1");

        // a reassignment by resolution moves the load: L-2 now has three cases, L-1 one
        cases.pipeInput("C-r3", closedCase("C-r3", "L-2", CaseState.IN_PROGRESS));
        cases.pipeInput("C-r6", closedCase("C-r6", "L-2", CaseState.REJECTED));
        cases.pipeInput("C-r2", closedCase("C-r2", "L-2", CaseState.CLOSED));
        assertThat(triage(complaint("C-r7", text, T0.plusSeconds(20))).getAssignedAgentId()).isEqualTo("L-1");
    }

    @Test
    void aUserWhoseComplaintsAreMostlyRejectedIsStillTriagedWithLowerPriority() {
        credit.pipeInput("USER:U-C-bad", CreditRecord.newBuilder()
                .setEnvelope(Envelopes.create(null, Parties.RESOLUTION, null, T0)).setSubject(CreditSubject.USER)
                .setSubjectId("U-C-bad").setValidComplaints(1).setRejectedComplaints(4).build());

        ComplaintTriaged trusted = triage(complaint("C-good", "快递丢件了，物流一直显示派送中", T0));
        ComplaintTriaged distrusted = triage(complaint("C-bad", "快递丢件了，物流一直显示派送中", T0));

        assertThat(distrusted.getPriority()).isLessThan(trusted.getPriority());
        assertThat(distrusted.getPriorityReasons()).anyMatch(r -> r.startsWith("low-trust user (4 of 5"));
        assertThat(distrusted.getTeam()).isEqualTo("logistics");
    }

    @Test
    void fundsSafetyComesFirstAndPublicOpinionChannelsAreHigh() {
        ComplaintTriaged funds = triage(complaint("C-f", "同一笔订单重复扣款两次", T0));
        ComplaintTriaged regulator = triage(ComplaintReceived.newBuilder(complaint("C-12315", "快递丢件了，物流一直显示派送中", T0))
                .setChannel(Channel.REGULATOR).setClaimedAmountFen(99_900L).build());

        assertThat(funds.getClassification().getPrimaryType()).isEqualTo(ComplaintType.FUNDS_SAFETY);
        assertThat(funds.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(funds.getPriority()).isGreaterThanOrEqualTo(90);
        assertThat(regulator.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(regulator.getPriority()).isLessThan(funds.getPriority());
        assertThat(regulator.getPriorityReasons()).anyMatch(r -> r.startsWith("public-opinion channel REGULATOR"))
                .anyMatch(r -> r.startsWith("high amount ¥999.00"));
        assertThat(funds.getClassification().getSignals()).isNotEmpty();
        assertThat(funds.getClassification().getModelVersion()).startsWith("nb-lexicon@");
    }

    private static ComplaintCase closedCase(String id, String assignee, CaseState state) {
        return ComplaintCase.newBuilder()
                .setEnvelope(Envelopes.create(id, Parties.RESOLUTION, null, T0)).setState(state).setVersion(2).setUserId("U")
                .setChannel(Channel.APP_CHAT).setType(ComplaintType.LOGISTICS).setSeverity(Severity.MEDIUM).setPriority(40)
                .setTeam("logistics").setAssigneeId(assignee).setReceivedAt(T0).setFirstResponseDueAt(T0).build();
    }
}
