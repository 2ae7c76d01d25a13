package io.livecomplaints.resolution.caseview;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.CorrectionKind;
import io.livecomplaints.events.EvidenceKind;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.Severity;
import io.livecomplaints.events.SlaClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A case as agents read it: facts, deadlines, decisions, evidence, the full timeline and what they may do next. */
public record CaseView(String complaintId, long version, CaseState state, ComplaintFacts complaint, String userId, Channel channel,
                       String language,
                       ComplaintType type, List<ComplaintType> secondaryTypes, Severity severity, int priority, String team,
                       String assigneeId, String orderId, String merchantId, String anchorId, String roomId, String sessionId,
                       String skuId, Long amountPaidFen, Long claimedAmountFen, String incidentId, Instant receivedAt,
                       Instant firstResponseDueAt, Instant firstRespondedAt, int escalationLevel, int reopenCount,
                       Decision pendingDecision, String pendingProposedBy, AgentTier requiredTier, Decision decision,
                       boolean platformAdvanced, String fastPath, boolean autoApproved, Instant merchantRequestedAt,
                       List<Clock> slaClocks, List<EvidenceItem> evidence, List<Step> timeline, Instant newInputAt,
                       boolean withdrawn, String transferredFrom, List<Correction> corrections,
                       Set<CommandAction> allowedActions, Decision merchantCounterOffer, AppealView appeal,
                       RegulatorTicketView regulatorTicket) {

    /** A regulator's ticket (12315, 消协): the reply quotes its reference; no deadline of the case lies after its deadline. */
    public record RegulatorTicketView(String reference, Instant deadline, String authority) {
        static RegulatorTicketView of(io.livecomplaints.events.RegulatorTicket t) {
            return t == null ? null : new RegulatorTicketView(t.getReference(), t.getDeadline(), t.getAuthority());
        }
    }

    /** The latest appeal (申诉) against the case's decision and its review. */
    public record AppealView(String appellantId, String about, String reason, Instant filedAt, String status, String decidedBy,
                             Instant decidedAt, String note) {
        static AppealView of(io.livecomplaints.events.Appeal a) {
            return a == null ? null : new AppealView(a.getAppellantId(), a.getAbout(), a.getReason(), a.getFiledAt(), a.getStatus(),
                    a.getDecidedBy(), a.getDecidedAt(), a.getNote());
        }
    }

    public record Decision(Remedy remedy, long refundFen, long compensationFen, LiableParty liableParty, String reason,
                           String ruleId) {
        static Decision of(RemedyDecision d) {
            return d == null ? null : new Decision(d.getRemedy(), d.getRefundFen(), d.getCompensationFen(), d.getLiableParty(),
                    d.getReason(), d.getRuleId());
        }
    }

    public record Clock(SlaClock clock, Instant dueAt, Instant warnAt, Instant warnedAt, Instant breachedAt, Instant metAt) {
    }

    public record EvidenceItem(EvidenceKind kind, String url, Long replayOffsetSeconds, Instant capturedAt, String description,
                               String addedBy) {
        static EvidenceItem of(io.livecomplaints.events.Evidence e) {
            return new EvidenceItem(e.getKind(), e.getUrl(), e.getReplayOffsetSeconds(), e.getCapturedAt(), e.getDescription(), e.getAddedBy());
        }
    }

    /** A timeline step; {@code visibility} INTERNAL (notes between agents, never shown or told to the user) or SHARED. */
    public record Step(Instant at, String action, CaseState fromState, CaseState toState, String actorId, String note,
                       String commandId, String visibility) {
    }

    /** A transfer or reclassification: from what, to what, why, by whom. */
    public record Correction(CorrectionKind kind, String from, String to, String reason, String actorId, Instant at) {
    }

    public static CaseView of(ComplaintCase c, Set<CommandAction> allowedActions) {
        return new CaseView(c.getEnvelope().getComplaintId(), c.getVersion(), c.getState(), ComplaintFacts.of(c), c.getUserId(), c.getChannel(),
                c.getLanguage(), c.getType(), List.copyOf(c.getSecondaryTypes()), c.getSeverity(), c.getPriority(), c.getTeam(),
                c.getAssigneeId(), c.getOrderId(), c.getMerchantId(), c.getAnchorId(), c.getRoomId(), c.getSessionId(),
                c.getSkuId(), c.getAmountPaidFen(), c.getClaimedAmountFen(), c.getIncidentId(), c.getReceivedAt(),
                c.getFirstResponseDueAt(), c.getFirstRespondedAt(), c.getEscalationLevel(), c.getReopenCount(),
                Decision.of(c.getPendingDecision()), c.getPendingProposedBy(), c.getRequiredTier(), Decision.of(c.getDecision()),
                c.getPlatformAdvanced(), c.getFastPath(), c.getAutoApproved(), c.getMerchantRequestedAt(),
                c.getSlaClocks().stream().map(s -> new Clock(s.getClock(), s.getDueAt(), s.getWarnAt(), s.getWarnedAt(),
                        s.getBreachedAt(), s.getMetAt())).toList(),
                c.getEvidence().stream().map(EvidenceItem::of).toList(),
                c.getTimeline().stream().map(t -> new Step(t.getAt(), t.getAction(), t.getFromState(), t.getToState(),
                        t.getActorId(), t.getNote(), t.getCommandId(), t.getInternal() ? "INTERNAL" : "SHARED")).toList(),
                c.getNewInputAt(), c.getWithdrawn(), c.getTransferredFrom(),
                c.getCorrections().stream().map(k -> new Correction(k.getKind(), k.getFrom(), k.getTo(), k.getReason(),
                        k.getActorId(), k.getAt())).toList(),
                allowedActions, Decision.of(c.getMerchantCounterOffer()), AppealView.of(c.getAppeal()),
                RegulatorTicketView.of(c.getRegulatorTicket()));
    }
}
