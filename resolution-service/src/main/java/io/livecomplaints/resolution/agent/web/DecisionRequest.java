package io.livecomplaints.resolution.agent.web;

import io.livecomplaints.events.AnchorPenalty;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.PenaltyLevel;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Body of resolve, proposal and merchant-request: the remedy with its amounts in fen (a FULL_REFUND without an
 * amount refunds what was paid), the liable party, the basis the user is told, optionally the rule, whether the
 * platform pays first (先行赔付), a note, and for ANCHOR_PENALTY the penalty's level and duration in days.
 */
public record DecisionRequest(Remedy remedy, Long refundFen, Long compensationFen, LiableParty liableParty, String reason,
                              String ruleId, Boolean platformAdvance, String note, Penalty anchorPenalty) {

    /** {@code {"level":"TRAFFIC_LIMIT","durationDays":7}}: 警告 / 限流 / 停播 / 封禁. */
    public record Penalty(PenaltyLevel level, Integer durationDays) {
    }

    /** Field problems the remedy rules cannot see (missing values); empty when complete. */
    Map<String, String> missing(boolean liablePartyRequired, Long amountPaidFen) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (remedy == null) {
            problems.put("remedy", "is required");
        }
        if (liablePartyRequired && liableParty == null) {
            problems.put("liableParty", "is required (MERCHANT, ANCHOR, LOGISTICS, PLATFORM, USER or NONE)");
        }
        if (reason == null || reason.isBlank()) {
            problems.put("reason", "is required: the basis of the decision, in words the user understands");
        }
        if (remedy == Remedy.FULL_REFUND && refundFen == null && amountPaidFen == null) {
            problems.put("refundFen", "is required: the amount paid is not known");
        }
        return problems;
    }

    RemedyDecision toDecision(LiableParty defaultParty, Long amountPaidFen) {
        long refund = refundFen != null ? refundFen : remedy == Remedy.FULL_REFUND && amountPaidFen != null ? amountPaidFen : 0;
        return RemedyDecision.newBuilder().setRemedy(remedy).setRefundFen(refund)
                .setCompensationFen(compensationFen == null ? 0 : compensationFen)
                .setLiableParty(liableParty != null ? liableParty : defaultParty).setReason(reason).setRuleId(ruleId)
                // without a level there is no penalty to record: the remedy rules then name anchorPenalty.level
                .setAnchorPenalty(anchorPenalty == null || anchorPenalty.level() == null ? null
                        : AnchorPenalty.newBuilder().setLevel(anchorPenalty.level()).setDurationDays(anchorPenalty.durationDays()).build())
                .build();
    }
}
