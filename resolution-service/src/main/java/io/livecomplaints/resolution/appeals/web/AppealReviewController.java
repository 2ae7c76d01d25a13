package io.livecomplaints.resolution.appeals.web;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.Appeal;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.resolution.caseview.CaseAccess;
import io.livecomplaints.resolution.commands.CommandResponses;
import io.livecomplaints.resolution.cases.model.Appeals;
import io.livecomplaints.resolution.caseview.CaseQueries;
import io.livecomplaints.support.security.Caller;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisors' appeal review queue: {@code GET /api/v1/appeals} lists the appeals awaiting review, oldest first;
 * {@code POST /api/v1/appeals/{id}/decision} with {@code {"outcome":"UPHELD"|"OVERTURNED","note":"..."}} decides one
 * (UPHELD: the decision stands; OVERTURNED: the charge leaves the merchant's credit record). Applied by the case
 * processor.
 */
@RestController
@PreAuthorize("hasRole('SUPERVISOR')")
class AppealReviewController {

    /** One appeal in the queue. */
    record QueuedAppeal(String complaintId, String merchantId, String about, String reason, Instant filedAt,
                        String appellantId, long refundFen, long compensationFen, boolean autoApproved, boolean platformAdvanced) {
    }

    record AppealDecision(String outcome, String note) {
    }

    private final CaseQueries queries;
    private final CaseAccess access;
    private final CommandResponses commands;

    AppealReviewController(CaseQueries queries, CaseAccess access, CommandResponses commands) {
        this.queries = queries;
        this.access = access;
        this.commands = commands;
    }

    @GetMapping("/api/v1/appeals")
    Map<String, Object> queue() {
        List<QueuedAppeal> pending = queries.all(c -> c.getAppeal() != null && Appeals.PENDING.equals(c.getAppeal().getStatus()))
                .stream().sorted(Comparator.comparing(c -> c.getAppeal().getFiledAt())).map(AppealReviewController::queued).toList();
        return Map.of("pending", pending.size(), "appeals", pending);
    }

    @PostMapping("/api/v1/appeals/{id}/decision")
    ResponseEntity<Object> decide(Caller caller, @PathVariable String id, @RequestBody AppealDecision body) {
        CommandAction action;
        if (Appeals.UPHELD.equals(body.outcome())) {
            action = CommandAction.APPEAL_UPHELD;
        } else if (Appeals.OVERTURNED.equals(body.outcome())) {
            action = CommandAction.APPEAL_OVERTURNED;
        } else {
            throw ApiProblem.invalid(Map.of("outcome", "is required: UPHELD (the decision stands) or OVERTURNED (the charge is withdrawn)"));
        }
        ComplaintCase c = access.forAgent(caller, id);
        Actor supervisor = CaseAccess.agentActor(caller);
        return commands.run(c, commands.command(c, supervisor, action, null).setNote(body.note()).build(), supervisor);
    }

    private static QueuedAppeal queued(ComplaintCase c) {
        Appeal a = c.getAppeal();
        return new QueuedAppeal(c.getEnvelope().getComplaintId(), c.getMerchantId(), a.getAbout(), a.getReason(), a.getFiledAt(),
                a.getAppellantId(), c.getDecision() == null ? 0 : c.getDecision().getRefundFen(),
                c.getDecision() == null ? 0 : c.getDecision().getCompensationFen(), c.getAutoApproved(), c.getPlatformAdvanced());
    }
}
