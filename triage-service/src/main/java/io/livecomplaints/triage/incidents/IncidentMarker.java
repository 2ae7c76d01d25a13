package io.livecomplaints.triage.incidents;

import io.livecomplaints.schemas.records.ShallowCopy;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.Incident;
import io.livecomplaints.events.IncidentKind;
import io.livecomplaints.events.QosDiagnosis;
import io.livecomplaints.triage.incidents.model.Grouping;
import io.livecomplaints.triage.incidents.model.IncidentState;
import io.livecomplaints.triage.incidents.model.QosIncidents;
import io.livecomplaints.triage.incidents.model.SurgeDetector;
import io.livecomplaints.triage.diagnosis.ComplaintSessions;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Puts complaints into incidents (QoS cause or flash-sale surge). Runs on complaints partitioned by their
 * {@link Grouping#key()}, so one task sees every complaint of a grouping; states live in the {@value #STORE} store.
 */
public final class IncidentMarker implements FixedKeyProcessor<String, ComplaintTriaged, ComplaintTriaged> {

    public static final String STORE = "incident-groups"; // "incidents" held pipe-delimited strings before StateSerdes JSON

    private final QosIncidents qos;
    private final SurgeDetector surge;
    private FixedKeyProcessorContext<String, ComplaintTriaged> context;
    private KeyValueStore<String, IncidentState> states;

    public IncidentMarker(QosIncidents qos, SurgeDetector surge) {
        this.qos = qos;
        this.surge = surge;
    }

    public static Optional<Grouping> groupingOf(ComplaintTriaged triaged) {
        QosDiagnosis diagnosis = triaged.getDiagnosis();
        return Grouping.of(diagnosis == null ? null : diagnosis.getVerdict(), diagnosis == null ? null : diagnosis.getCdnNode(),
                ComplaintSessions.sessionOf(triaged.getComplaint()), triaged.getClassification().getPrimaryType());
    }

    /** The key complaints are partitioned by for this step. */
    public static String partitionKey(ComplaintTriaged triaged) {
        return groupingOf(triaged).map(Grouping::key).orElse("complaint:" + triaged.getEnvelope().getComplaintId());
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ComplaintTriaged> context) {
        this.context = context;
        this.states = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, ComplaintTriaged> record) {
        Optional<Grouping> grouping = groupingOf(record.value());
        if (grouping.isEmpty()) {
            context.forward(record);
            return;
        }
        Grouping g = grouping.get();
        long at = record.value().getComplaint().getReceivedAt().toEpochMilli();
        IncidentState current = states.get(g.key());
        IncidentState next = g.kind() == IncidentKind.QOS ? qos.join(current, g.scope(), at) : surge.record(current, g.scope(), at);
        states.put(g.key(), next);
        context.forward(record.withValue(withIncident(record.value(), next)));
    }

    private static ComplaintTriaged withIncident(ComplaintTriaged triaged, IncidentState incident) {
        if (incident == null || !incident.open()) {
            return triaged;
        }
        ComplaintTriaged marked = ShallowCopy.of(triaged);
        marked.setIncident(Incident.newBuilder()
                .setIncidentId(incident.incidentId()).setKind(incident.kind()).setSize(incident.size())
                .setFirstSeenAt(Instant.ofEpochMilli(incident.firstSeenAt())).build());
        return marked;
    }
}
