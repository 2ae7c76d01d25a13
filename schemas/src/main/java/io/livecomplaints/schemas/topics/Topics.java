package io.livecomplaints.schemas.topics;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintSubmission;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.LiveSessionEvent;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.events.QosSample;
import io.livecomplaints.events.RegulatorReply;
import io.livecomplaints.events.ReplayRetention;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.SurveyResponse;
import io.livecomplaints.events.TriageControl;
import io.livecomplaints.schemas.serde.AvroWireSerde;
import io.livecomplaints.schemas.serde.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of the system: name, key and value serdes, writer. Keys are strings: the complaintId on
 * lifecycle topics, the upstream system's own id (orderId, sessionId) on upstream topics.
 */
public final class Topics {

    private final SchemaRegistryClient registry;
    private final boolean autoRegister;
    private final List<Topic<String, ?>> all = new ArrayList<>();

    public final Topic<String, OrderEvent> commerceOrders;
    public final Topic<String, LiveSessionEvent> liveSessions;
    public final Topic<String, QosSample> liveQos;
    public final Topic<String, ComplaintSubmission> complaintSubmissions;
    public final Topic<String, ComplaintReceived> complaintsReceived;
    public final Topic<String, ComplaintTriaged> complaintsTriaged;
    public final Topic<String, ComplaintCommand> complaintCommands;
    public final Topic<String, ComplaintCase> complaintCases;
    public final Topic<String, ComplaintOutcome> complaintOutcomes;
    public final Topic<String, RegulatorReply> regulatorReplies;
    public final Topic<String, SlaEvent> slaEvents;
    public final Topic<String, NotificationReceipt> notifications;
    public final Topic<String, SurveyResponse> surveyResponses;
    public final Topic<String, ReplayRetention> replayRetention;
    public final Topic<String, CreditRecord> creditRecords;
    public final Topic<String, TriageControl> triageControl;

    public Topics(SchemaRegistryClient registry, boolean autoRegister) {
        this.registry = registry;
        this.autoRegister = autoRegister;
        commerceOrders = define(TopicNames.COMMERCE_ORDERS, OrderEvent.class, Parties.UPSTREAM, false, Parties.INTAKE, Parties.ANALYTICS);
        liveSessions = define(TopicNames.LIVE_SESSIONS, LiveSessionEvent.class, Parties.UPSTREAM, false, Parties.INTAKE);
        liveQos = define(TopicNames.LIVE_QOS, QosSample.class, Parties.UPSTREAM, false, Parties.TRIAGE, Parties.ANALYTICS);
        complaintSubmissions = define(TopicNames.COMPLAINT_SUBMISSIONS, ComplaintSubmission.class, Parties.UPSTREAM, false, Parties.INTAKE);
        complaintsReceived = define(TopicNames.COMPLAINTS_RECEIVED, ComplaintReceived.class, Parties.INTAKE, false, Parties.INTAKE, Parties.TRIAGE, Parties.NOTIFICATION);
        complaintsTriaged = define(TopicNames.COMPLAINTS_TRIAGED, ComplaintTriaged.class, Parties.TRIAGE, false, Parties.RESOLUTION, Parties.NOTIFICATION, Parties.ANALYTICS);
        complaintCommands = define(TopicNames.COMPLAINT_COMMANDS, ComplaintCommand.class, Parties.RESOLUTION, false, Parties.RESOLUTION);
        complaintCases = define(TopicNames.COMPLAINT_CASES, ComplaintCase.class, Parties.RESOLUTION, true, Parties.RESOLUTION, Parties.INTAKE, Parties.TRIAGE, Parties.NOTIFICATION, Parties.ANALYTICS);
        complaintOutcomes = define(TopicNames.COMPLAINT_OUTCOMES, ComplaintOutcome.class, Parties.RESOLUTION, false, Parties.NOTIFICATION, Parties.ANALYTICS);
        // the platform's replies to regulator tickets (12315/消协), for the regulator gateway outside the system
        regulatorReplies = define(TopicNames.REGULATOR_REPLIES, RegulatorReply.class, Parties.RESOLUTION, false);
        slaEvents = define(TopicNames.SLA_EVENTS, SlaEvent.class, Parties.RESOLUTION, false, Parties.NOTIFICATION, Parties.ANALYTICS);
        notifications = define(TopicNames.NOTIFICATIONS, NotificationReceipt.class, Parties.NOTIFICATION, false, Parties.ANALYTICS);
        surveyResponses = define(TopicNames.SURVEY_RESPONSES, SurveyResponse.class, Parties.NOTIFICATION, false, Parties.NOTIFICATION, Parties.RESOLUTION, Parties.ANALYTICS);
        replayRetention = define(TopicNames.REPLAY_RETENTION, ReplayRetention.class, Parties.RESOLUTION, false);
        creditRecords = define(TopicNames.CREDIT_RECORDS, CreditRecord.class, Parties.RESOLUTION, true, Parties.TRIAGE, Parties.RESOLUTION);
        // operations every triage instance carries out (classifier reloads): each instance reads it without a group
        triageControl = define(TopicNames.TRIAGE_CONTROL, TriageControl.class, Parties.TRIAGE, false, Parties.TRIAGE);
    }

    /** All topics, in the order of the lifecycle. */
    public List<Topic<String, ?>> all() {
        return Collections.unmodifiableList(all);
    }

    /** The topics a service reads. */
    public List<Topic<String, ?>> readBy(String reader) {
        return all.stream().filter(t -> t.readers().contains(reader)).toList();
    }

    /** The topics a service writes (single-writer rule). */
    public List<Topic<String, ?>> writtenBy(String writer) {
        return all.stream().filter(t -> t.writer().equals(writer)).toList();
    }

    public Optional<Topic<String, ?>> byName(String name) {
        return all.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    private <V extends SpecificRecord> Topic<String, V> define(String name, Class<V> type, String writer, boolean compacted,
                                                               String... readers) {
        Topic<String, V> topic = new Topic<>(name, Serdes.String(), new AvroWireSerde<>(type, registry, autoRegister),
                type, writer, compacted, Set.of(readers));
        all.add(topic);
        return topic;
    }
}
