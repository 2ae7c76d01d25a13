package io.livecomplaints.triage.pipeline;

import io.livecomplaints.events.CreditSubject;
import io.livecomplaints.schemas.keys.CreditKeys;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.QosSample;
import io.livecomplaints.schemas.serde.AvroWireSerde;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.triage.diagnosis.QosTelemetry;
import io.livecomplaints.triage.grading.RepeatComplaintMarker;
import io.livecomplaints.triage.grading.model.UserCredit;
import io.livecomplaints.support.streams.state.StateSerdes;
import io.livecomplaints.triage.incidents.IncidentMarker;
import io.livecomplaints.triage.incidents.model.IncidentState;
import io.livecomplaints.triage.incidents.model.QosIncidents;
import io.livecomplaints.triage.incidents.model.SurgeDetector;
import io.livecomplaints.triage.routing.AgentAssigner;
import io.livecomplaints.triage.routing.CaseLoadTracker;
import io.livecomplaints.triage.routing.RoutingStores;
import io.livecomplaints.triage.routing.model.AgentSelection;
import io.livecomplaints.triage.routing.model.CaseChange;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * 分发 as one Kafka Streams topology, exactly once end to end:
 * <pre>
 * complaints-received ─ accept once by complaint id ─ assess (classify, QoS diagnosis from the live-qos global store, team)
 *   ─▶ by order ─ repeat complaint? ─ ⋈ credit-records (global) ─ grade (severity, priority, reasons)
 *   ─▶ by grouping ─ incident (QoS cause or surge)
 *   ─▶ by team ─ assign agent by skill and load ◀─ by team ─ complaint-cases (load changes)
 *   ─▶ complaints-triaged (key complaintId)
 * </pre>
 * Each "by …" is a repartition so the step's state (orders seen, incidents, agents' load) is owned by one task.
 * Everything that can fail on a bad record happens in the first step, whose dead letters go to complaints-received-dlt.
 */
public final class TriageTopology {

    public static final String CREDIT_STORE = "user-credit";

    /**
     * @param qosRetention      how long telemetry is kept per session
     * @param routingPartitions partitions of both by-team repartition topics (they must match: same task, same stores)
     * @param dedupRetention    how long an accepted complaint id is remembered (a resubmission within it is dropped)
     */
    public record Settings(Duration qosRetention, int routingPartitions, Duration dedupRetention) {
    }

    private final Topics topics;
    private final ComplaintTriage triage;
    private final QosIncidents qosIncidents;
    private final SurgeDetector surge;
    private final AgentSelection selection;
    private final Settings settings;

    public TriageTopology(Topics topics, ComplaintTriage triage, QosIncidents qosIncidents, SurgeDetector surge,
                          AgentSelection selection, Settings settings) {
        this.topics = topics;
        this.triage = triage;
        this.qosIncidents = qosIncidents;
        this.surge = surge;
        this.selection = selection;
        this.settings = settings;
    }

    public KStream<String, ComplaintTriaged> build(StreamsBuilder builder) {
        // internal topics and stores are ours alone: their schemas are registered on first use
        Serde<ComplaintTriaged> internal = new AvroWireSerde<>(ComplaintTriaged.class, topics.registry(), true);
        Topic<String, ComplaintReceived> in = topics.complaintsReceived;
        Topic<String, ComplaintTriaged> out = topics.complaintsTriaged;

        addTelemetryStore(builder);
        GlobalKTable<String, CreditRecord> credit = builder.globalTable(topics.creditRecords.name(),
                Consumed.with(topics.creditRecords.keySerde(), topics.creditRecords.valueSerde()),
                Materialized.<String, CreditRecord, KeyValueStore<Bytes, byte[]>>as(CREDIT_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(new AvroWireSerde<>(CreditRecord.class, topics.registry(), true)));
        builder.addStateStore(AcceptedComplaints.storeBuilder(settings.dedupRetention()));
        addStore(builder, RepeatComplaintMarker.STORE, StateSerdes.string());
        addStore(builder, IncidentMarker.STORE, StateSerdes.json(IncidentState.class));
        addStore(builder, RoutingStores.OPEN_CASES, StateSerdes.string());
        addStore(builder, RoutingStores.AGENT_LOAD, Serdes.Long());
        addStore(builder, RoutingStores.AGENT_TURNS, Serdes.Long());
        addStore(builder, RoutingStores.INCIDENT_OWNERS, StateSerdes.string());

        KStream<String, ComplaintTriaged> triaged = builder.stream(in.name(), Consumed.with(in.keySerde(), in.valueSerde()))
                .processValues(() -> new Assess(triage, settings.dedupRetention()), AcceptedComplaints.STORE)
                .selectKey((key, value) -> RepeatComplaintMarker.partitionKey(value))
                .repartition(Repartitioned.with(Serdes.String(), internal).withName("by-order"))
                .processValues(RepeatComplaintMarker::new, RepeatComplaintMarker.STORE)
                .leftJoin(credit, (key, value) -> CreditKeys.key(CreditSubject.USER, value.getComplaint().getUserId()),
                        (value, record) -> triage.grade(value, value.getRepeatComplaint(), creditOf(record)))
                .selectKey((key, value) -> IncidentMarker.partitionKey(value))
                .repartition(Repartitioned.with(Serdes.String(), internal).withName("by-grouping"))
                .processValues(() -> new IncidentMarker(qosIncidents, surge), IncidentMarker.STORE)
                .selectKey((key, value) -> value.getTeam())
                .repartition(Repartitioned.with(Serdes.String(), internal).withName("by-team")
                        .withNumberOfPartitions(settings.routingPartitions()))
                .processValues(() -> new AgentAssigner(selection), RoutingStores.NAMES)
                .selectKey((key, value) -> value.getEnvelope().getComplaintId())
                .peek((key, value) -> Metrics.counter("complaints.triaged", "type", value.getClassification().getPrimaryType().name(),
                        "severity", value.getSeverity().name(), "team", value.getTeam()).increment());
        triaged.to(out.name(), Produced.with(out.keySerde(), out.valueSerde()));

        Topic<String, ComplaintCase> cases = topics.complaintCases;
        builder.stream(cases.name(), Consumed.with(cases.keySerde(), cases.valueSerde()))
                .filter((key, value) -> value != null)
                .flatMap((key, value) -> CaseLoadTracker.changes(key, value.getTeam(), value.getAssigneeId(), value.getState(),
                        value.getTransferredFrom()))
                .repartition(Repartitioned.with(Serdes.String(), StateSerdes.json(CaseChange.class)).withName("case-changes-by-team") // "cases-by-team" carried pipe-delimited strings
                        .withNumberOfPartitions(settings.routingPartitions()))
                .process(CaseLoadTracker::new, RoutingStores.NAMES);
        return triaged;
    }

    private void addTelemetryStore(StreamsBuilder builder) {
        Topic<String, QosSample> qos = topics.liveQos;
        Duration retention = settings.qosRetention();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(QosTelemetry.STORE), Serdes.String(),
                        new AvroWireSerde<>(QosSample.class, topics.registry(), true)).withLoggingDisabled(),
                qos.name(), Consumed.with(qos.keySerde(), qos.valueSerde()), () -> new QosTelemetry.Recorder(retention));
    }

    private static <V> void addStore(StreamsBuilder builder, String name, Serde<V> values) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), StateSerdes.string(), values));
    }

    private static UserCredit creditOf(CreditRecord record) {
        return record == null ? null : new UserCredit(record.getValidComplaints(), record.getRejectedComplaints());
    }

    /**
     * First step: each complaint once (complaints-received is keyed by complaint id, so its task sees every event of
     * the complaint), then classification, diagnosis with the session's telemetry, team. The complaint is remembered
     * only once assessed: an event that fails here goes to the dead letters and can be replayed.
     */
    private static final class Assess implements FixedKeyProcessor<String, ComplaintReceived, ComplaintTriaged> {

        private final ComplaintTriage triage;
        private final Duration dedupRetention;
        private FixedKeyProcessorContext<String, ComplaintTriaged> context;
        private ReadOnlyKeyValueStore<String, QosSample> telemetry;
        private AcceptedComplaints accepted;

        Assess(ComplaintTriage triage, Duration dedupRetention) {
            this.triage = triage;
            this.dedupRetention = dedupRetention;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, ComplaintTriaged> context) {
            this.context = context;
            this.telemetry = context.getStateStore(QosTelemetry.STORE);
            this.accepted = new AcceptedComplaints(context.getStateStore(AcceptedComplaints.STORE), dedupRetention);
        }

        @Override
        public void process(FixedKeyRecord<String, ComplaintReceived> record) {
            String complaintId = record.value().getEnvelope().getComplaintId();
            String eventId = record.value().getEnvelope().getEventId();
            long now = context.currentSystemTimeMs();
            if (accepted.acceptedBefore(complaintId, eventId, now)) {
                return;
            }
            ComplaintTriaged assessed = triage.assess(record.value(),
                    (session, from, to) -> QosTelemetry.around(telemetry, session, from, to));
            accepted.accept(complaintId, eventId, now);
            context.forward(record.withValue(assessed));
        }
    }
}
