package io.livecomplaints.resolution.credit.model;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.CreditSubject;
import io.livecomplaints.events.Envelope;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.OutcomeResult;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a step of a case changes in the credit records (信用体系), as deltas (a {@link CreditRecord} whose counts are
 * increments) that {@link CreditLedger} adds up per subject:
 * <ul>
 * <li>an outcome: the user's first outcome of a complaint counts as valid or rejected, and a dispute that overturns
 * a rejection moves it from rejected to valid; refunds count for the user and, when liable, the merchant or anchor
 * (each outcome's amounts are what that outcome grants); money the platform advanced is owed by the merchant; an
 * anchor penalty (its level and duration) goes on the anchor's record; refunds also go on the order's record
 * ({@code ORDER:<orderId>}), which the express refund reads so that an order is never paid back twice;</li>
 * <li>a dispute (reopened result) counts against the merchant and anchor;</li>
 * <li>the merchant's answer time, or its timeout; the user's satisfaction for the merchant and anchor.</li>
 * </ul>
 */
public final class CreditDeltas {

    private CreditDeltas() {
    }

    /**
     * @param previous the decision of an earlier outcome of this case (before a dispute), or null for the first
     */
    public static List<CreditRecord> forOutcome(ComplaintCase c, OutcomeResult result, RemedyDecision decision,
                                                boolean platformAdvanced, RemedyDecision previous, Envelope envelope) {
        List<CreditRecord> deltas = new ArrayList<>();
        boolean resolved = result == OutcomeResult.RESOLVED;
        long refund = resolved ? decision.getRefundFen() : 0;
        CreditRecord.Builder user = delta(CreditSubject.USER, c.getUserId(), envelope);
        if (previous == null) {
            user.setValidComplaints(resolved ? 1 : 0).setRejectedComplaints(resolved ? 0 : 1);
        } else if (resolved && previous.getRemedy() == Remedy.REJECT) {
            user.setValidComplaints(1).setRejectedComplaints(-1); // the dispute overturned the rejection
        }
        addRefund(user, refund);
        deltas.add(user.build());
        if (c.getMerchantId() != null) {
            CreditRecord.Builder merchant = delta(CreditSubject.MERCHANT, c.getMerchantId(), envelope);
            if (resolved && decision.getLiableParty() == LiableParty.MERCHANT) {
                merchant.setValidComplaints(previous == null || !resolvedBefore(previous) ? 1 : 0);
                addRefund(merchant, refund);
            }
            if (resolved && platformAdvanced) {
                merchant.setPlatformAdvancedFen(decision.getRefundFen() + decision.getCompensationFen());
            }
            deltas.add(merchant.build());
        }
        boolean penalty = resolved && decision.getRemedy() == Remedy.ANCHOR_PENALTY;
        if (c.getAnchorId() != null && resolved && (decision.getLiableParty() == LiableParty.ANCHOR || penalty)) {
            CreditRecord.Builder anchor = delta(CreditSubject.ANCHOR, c.getAnchorId(), envelope);
            if (decision.getLiableParty() == LiableParty.ANCHOR) {
                anchor.setValidComplaints(previous == null || !resolvedBefore(previous) ? 1 : 0);
                addRefund(anchor, refund);
            }
            if (penalty) {
                anchor.setAnchorPenalties(1).setLastAnchorPenalty(decision.getAnchorPenalty());
            }
            deltas.add(anchor.build());
        }
        if (c.getOrderId() != null) { // the order's refunds: express refund never pays an order twice
            CreditRecord.Builder order = delta(CreditSubject.ORDER, c.getOrderId(), envelope);
            addRefund(order, refund);
            deltas.add(order.build());
        }
        return deltas.stream().filter(CreditDeltas::changesSomething).toList();
    }

    private static boolean changesSomething(CreditRecord d) {
        return d.getValidComplaints() != 0 || d.getRejectedComplaints() != 0 || d.getRefundCount() != 0
                || d.getRefundsFen() != 0 || d.getPlatformAdvancedFen() != 0 || d.getAnchorPenalties() != 0;
    }

    /** The user disputed the result: a dispute on the merchant's and the anchor's records. */
    public static List<CreditRecord> forDispute(ComplaintCase c, Envelope envelope) {
        List<CreditRecord> deltas = new ArrayList<>();
        if (c.getMerchantId() != null) {
            deltas.add(delta(CreditSubject.MERCHANT, c.getMerchantId(), envelope).setDisputes(1).build());
        }
        if (c.getAnchorId() != null) {
            deltas.add(delta(CreditSubject.ANCHOR, c.getAnchorId(), envelope).setDisputes(1).build());
        }
        return deltas;
    }

    public static List<CreditRecord> forMerchantAnswer(ComplaintCase c, Duration took, Envelope envelope) {
        return List.of(delta(CreditSubject.MERCHANT, c.getMerchantId(), envelope)
                .setMerchantResponses(1).setMerchantResponseMillisTotal(took.toMillis()).build());
    }

    public static List<CreditRecord> forMerchantTimeout(ComplaintCase c, Envelope envelope) {
        return List.of(delta(CreditSubject.MERCHANT, c.getMerchantId(), envelope).setMerchantTimeouts(1).build());
    }

    /** The user's satisfaction (1..5) with how the case was handled, on the merchant's and the anchor's records. */
    public static List<CreditRecord> forSatisfaction(ComplaintCase c, int score, Envelope envelope) {
        List<CreditRecord> deltas = new ArrayList<>();
        if (c.getMerchantId() != null) {
            deltas.add(delta(CreditSubject.MERCHANT, c.getMerchantId(), envelope).setSatisfactionSum(score).setSatisfactionCount(1).build());
        }
        if (c.getAnchorId() != null) {
            deltas.add(delta(CreditSubject.ANCHOR, c.getAnchorId(), envelope).setSatisfactionSum(score).setSatisfactionCount(1).build());
        }
        return deltas;
    }

    private static boolean resolvedBefore(RemedyDecision previous) {
        return previous.getRemedy() != Remedy.REJECT;
    }

    private static void addRefund(CreditRecord.Builder record, long refundFen) {
        if (refundFen > 0) {
            record.setRefundCount(1).setRefundsFen(refundFen);
        }
    }

    private static CreditRecord.Builder delta(CreditSubject subject, String id, Envelope envelope) {
        return CreditRecord.newBuilder().setEnvelope(envelope).setSubject(subject).setSubjectId(id);
    }
}
