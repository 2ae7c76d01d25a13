package io.livecomplaints.resolution.merchant.web;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Demand;
import io.livecomplaints.events.EvidenceKind;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.support.privacy.Pii;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A case as its merchant reads it: the facts it needs to answer (the complaint as filed, the user's demands and
 * evidence, the remedy the platform asks for, amounts, the deadline) and nothing about the user: no user id, no
 * contact, no agents' notes or timeline; phone numbers and names in the complaint text are masked.
 */
public record MerchantCaseView(String complaintId, CaseState state, boolean waitingForYou, Instant answerDueAt,
                               ComplaintType type, String orderId, String skuId, String sessionId, Long amountPaidFen,
                               Long claimedAmountFen, String complaintText, List<Demand> demands, List<Evidence> evidence,
                               Requested requestedRemedy, Requested decision, boolean autoApproved, boolean platformAdvanced,
                               String incidentId, Instant receivedAt, Appeal appeal) {

    /** The merchant's latest appeal and its review. */
    public record Appeal(String about, String reason, Instant filedAt, String status, Instant decidedAt, String note) {
        static Appeal of(io.livecomplaints.events.Appeal a) {
            return a == null ? null : new Appeal(a.getAbout(), a.getReason(), a.getFiledAt(), a.getStatus(), a.getDecidedAt(), a.getNote());
        }
    }

    public record Evidence(EvidenceKind kind, String url, String description, Instant capturedAt) {
    }

    public record Requested(Remedy remedy, long refundFen, long compensationFen, String reason) {
        static Requested of(RemedyDecision d) {
            return d == null ? null : new Requested(d.getRemedy(), d.getRefundFen(), d.getCompensationFen(), d.getReason());
        }
    }

    /** The case waits for this merchant's answer. */
    static boolean waiting(ComplaintCase c) {
        return c.getState() == CaseState.AWAITING_MERCHANT;
    }

    /** When the merchant's answer is due (the running MERCHANT_RESPONSE clock), if the case waits for it. */
    static Instant answerDue(ComplaintCase c) {
        if (!waiting(c)) {
            return null;
        }
        return c.getSlaClocks().stream().filter(s -> s.getClock() == SlaClock.MERCHANT_RESPONSE && s.getMetAt() == null)
                .map(SlaClockStatus::getDueAt).reduce((a, b) -> b).orElse(null);
    }

    static Object of(ComplaintCase c) {
        return view(c);
    }

    static MerchantCaseView view(ComplaintCase c) {
        return new MerchantCaseView(c.getEnvelope().getComplaintId(), c.getState(), waiting(c), answerDue(c), c.getType(),
                c.getOrderId(), c.getSkuId(), c.getSessionId(), c.getAmountPaidFen(), c.getClaimedAmountFen(),
                // the complaint as the case keeps it (numbers in its text already masked); the user's evidence and the
                // merchant's own proof, not what agents gathered
                c.getComplaint() == null ? null : Pii.maskText(c.getComplaint().getText()),
                c.getComplaint() == null ? List.of() : List.copyOf(c.getComplaint().getDemands()),
                c.getEvidence().stream().filter(e -> e.getAddedBy() == null || Objects.equals(e.getAddedBy(), c.getUserId())
                                || Objects.equals(e.getAddedBy(), c.getMerchantId()))
                        .map(e -> new Evidence(e.getKind(), e.getUrl(), e.getDescription(), e.getCapturedAt())).toList(),
                waiting(c) ? Requested.of(c.getPendingDecision()) : null, Requested.of(c.getDecision()), c.getAutoApproved(),
                c.getPlatformAdvanced(), c.getIncidentId(), c.getReceivedAt(), Appeal.of(c.getAppeal()));
    }
}
