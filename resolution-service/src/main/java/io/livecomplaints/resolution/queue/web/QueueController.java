package io.livecomplaints.resolution.queue.web;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.Severity;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.resolution.caseview.CaseAccess;
import io.livecomplaints.resolution.caseview.CaseQueries;
import io.livecomplaints.resolution.cases.model.ActorRules;
import io.livecomplaints.resolution.cases.model.CaseStateMachine;
import io.livecomplaints.resolution.queue.model.AgentQueue;
import io.livecomplaints.support.security.Caller;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/queue}: the caller's queue, by priority then nearest deadline (see {@link AgentQueue}). */
@RestController
@PreAuthorize("hasRole('AGENT')")
class QueueController {

    private final CaseQueries queries;

    QueueController(CaseQueries queries) {
        this.queries = queries;
    }

    /** One line of the queue. */
    record QueueItem(String complaintId, AgentQueue.Reason reason, CaseState state, int priority, Severity severity,
                     String type, String channel, String team, String assigneeId, Instant nextDueAt, SlaClock nextClock,
                     int escalationLevel, AgentTier requiredTier, long version, boolean newInput) {
    }

    @GetMapping("/api/v1/queue")
    List<QueueItem> queue(Caller caller) {
        var actor = CaseAccess.agentActor(caller);
        AgentQueue.Viewer viewer = new AgentQueue.Viewer(caller.id(), ActorRules.tierOf(actor), caller.team(), caller.isSupervisor());
        return AgentQueue.of(viewer, queries.all(c -> CaseStateMachine.OPEN.contains(c.getState()))).stream()
                .map(e -> new QueueItem(e.complaintCase().getEnvelope().getComplaintId(), e.reason(), e.complaintCase().getState(),
                        e.complaintCase().getPriority(), e.complaintCase().getSeverity(), e.complaintCase().getType().name(),
                        e.complaintCase().getChannel().name(), e.complaintCase().getTeam(), e.complaintCase().getAssigneeId(),
                        e.nextDueAt(), e.nextClock(), e.complaintCase().getEscalationLevel(), e.complaintCase().getRequiredTier(),
                        e.complaintCase().getVersion(), e.complaintCase().getNewInputAt() != null))
                .toList();
    }
}
