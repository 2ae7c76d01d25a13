package io.livecomplaints.resolution.fastpath.model;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.Demand;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.Severity;
import java.util.Optional;
import java.util.Set;

/**
 * 极速退款: a refund demand of at most {@code maxAmountFen} on a known order, from a user in good standing, is
 * refunded at once by the platform (先行赔付, recovered from the merchant) without waiting for an agent. Never for
 * HIGH severity, repeat complaints, or excluded types (funds safety goes to the risk team).
 */
public record ExpressRefundPolicy(boolean enabled, long maxAmountFen, Set<ComplaintType> excludedTypes,
                                  UserStanding standing) {

    public static final String FAST_PATH = "EXPRESS_REFUND";
    public static final String RULE_ID = "FAST-EXPRESS-REFUND";

    /** The refund to grant at once, or empty when the complaint must wait for an agent. */
    public Optional<RemedyDecision> decide(ComplaintTriaged triaged, CreditRecord userRecord) {
        ComplaintReceived complaint = triaged.getComplaint();
        Long paid = complaint.getEnrichment().getAmountPaidFen();
        if (!enabled || paid == null || paid <= 0 || !complaint.getDemands().contains(Demand.REFUND)
                || triaged.getSeverity() == Severity.HIGH || triaged.getRepeatComplaint()
                || excludedTypes.contains(triaged.getClassification().getPrimaryType())
                || !standing.isGood(userRecord)) {
            return Optional.empty();
        }
        Long claimed = complaint.getClaimedAmountFen();
        long amount = claimed != null && claimed > 0 && claimed < paid ? claimed : paid;
        if (amount > maxAmountFen) {
            return Optional.empty();
        }
        return Optional.of(RemedyDecision.newBuilder()
                .setRemedy(amount == paid ? Remedy.FULL_REFUND : Remedy.PARTIAL_REFUND)
                .setRefundFen(amount)
                .setLiableParty(LiableParty.MERCHANT)
                .setReason("极速退款：小额退款由平台先行赔付，已原路退回，平台将向商家追偿。"
                        + " Express refund: the platform refunds this small amount at once and recovers it from the merchant.")
                .setRuleId(RULE_ID)
                .build());
    }
}
