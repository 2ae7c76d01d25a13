package io.livecomplaints.triage.routing;

import io.livecomplaints.schemas.records.ShallowCopy;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.triage.routing.model.AgentLoadLedger;
import io.livecomplaints.triage.routing.model.AgentSelection;
import io.livecomplaints.triage.routing.model.Assignment;
import io.livecomplaints.triage.routing.model.AssignmentRequest;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assigns an agent by skill and current load. Runs on complaints partitioned by team, in the same task as
 * {@link CaseLoadTracker}, so every assignment of a team and every case change of that team update one load book:
 * two complaints arriving together cannot both land on the same "least loaded" agent. Complaints answered
 * automatically (viewer-side stream problems) get no agent.
 */
public final class AgentAssigner implements FixedKeyProcessor<String, ComplaintTriaged, ComplaintTriaged> {

    public static final String INCIDENT_OWNERS = "incident-owners";
    private static final Logger log = LoggerFactory.getLogger(AgentAssigner.class);

    private final AgentSelection selection;
    private FixedKeyProcessorContext<String, ComplaintTriaged> context;
    private StoreAgentLoadBook book;
    private AgentLoadLedger ledger;
    private org.apache.kafka.streams.state.KeyValueStore<String, String> incidentOwners;

    public AgentAssigner(AgentSelection selection) {
        this.selection = selection;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ComplaintTriaged> context) {
        this.context = context;
        this.book = new StoreAgentLoadBook(context.getStateStore(StoreAgentLoadBook.OPEN_CASES),
                context.getStateStore(StoreAgentLoadBook.AGENT_LOAD), context.getStateStore(StoreAgentLoadBook.AGENT_TURNS));
        this.ledger = new AgentLoadLedger(book);
        this.incidentOwners = context.getStateStore(INCIDENT_OWNERS);
    }

    @Override
    public void process(FixedKeyRecord<String, ComplaintTriaged> record) {
        ComplaintTriaged triaged = record.value();
        String complaintId = triaged.getEnvelope().getComplaintId();
        if (triaged.getAutoReply()) {
            context.forward(record);
            return;
        }
        String already = book.assigneeOf(complaintId);
        if (already != null) { // the same complaint again: keep its agent, count it once
            context.forward(record.withValue(withAgent(triaged, already)));
            return;
        }
        String incidentId = triaged.getIncident() == null ? null : triaged.getIncident().getIncidentId();
        Assignment assignment = selection.choose(new AssignmentRequest(triaged.getTeam(), triaged.getClassification().getPrimaryType(),
                triaged.getClassification().getLanguage(), triaged.getSeverity(),
                incidentId == null ? null : incidentOwners.get(incidentId)), book);
        log.debug("complaint {} ({}, {}): {}", complaintId, triaged.getTeam(), triaged.getSeverity(), assignment);
        if (assignment.assigned()) {
            ledger.assigned(complaintId, assignment.agentId());
            book.takeTurn(assignment.agentId());
            if (incidentId != null) {
                incidentOwners.put(incidentId, assignment.agentId());
            }
        }
        context.forward(record.withValue(withAgent(triaged, assignment.agentId())));
    }

    private static ComplaintTriaged withAgent(ComplaintTriaged triaged, String agentId) {
        if (agentId == null) {
            return triaged;
        }
        ComplaintTriaged assigned = ShallowCopy.of(triaged);
        assigned.setAssignedAgentId(agentId);
        return assigned;
    }
}
