package io.livecomplaints.resolution.remedies.model;

import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.schemas.rules.DecisionBasis;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a remedy decision is complete and consistent: a basis the user understands (处理依据: a reason that says
 * nothing by itself needs the rule id, {@link DecisionBasis}), refunds only with a refund remedy and never above what
 * was paid, a coupon with its value, an anchor penalty with its level and duration ({@link AnchorPenaltyRules}), a
 * rejection with the rule it rests on.
 * Returns the problems by field name (empty when the decision is valid).
 */
public final class RemedyRules {

    private RemedyRules() {
    }

    /** Problems of a decision that grants something, under the default basis and penalty rules. */
    public static Map<String, String> checkGrant(RemedyDecision d, Long amountPaidFen) {
        return checkGrant(d, amountPaidFen, DecisionBasis.defaults(), AnchorPenaltyRules.defaults());
    }

    /** Problems of a decision that grants something (resolve, propose, merchant request). */
    public static Map<String, String> checkGrant(RemedyDecision d, Long amountPaidFen, DecisionBasis basis,
                                                 AnchorPenaltyRules penalties) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (d == null || d.getRemedy() == null) {
            problems.put("remedy", "is required");
            return problems;
        }
        if (d.getRemedy() == Remedy.REJECT) {
            problems.put("remedy", "REJECT is not a remedy to grant: reject the complaint with the rule it breaks");
        }
        boolean refund = d.getRemedy() == Remedy.FULL_REFUND || d.getRemedy() == Remedy.PARTIAL_REFUND;
        if (d.getRefundFen() < 0) {
            problems.put("refundFen", "must not be negative");
        } else if (refund && d.getRefundFen() == 0) {
            problems.put("refundFen", "a refund needs its amount");
        } else if (!refund && d.getRefundFen() > 0) {
            problems.put("refundFen", "only FULL_REFUND and PARTIAL_REFUND refund money");
        } else if (amountPaidFen != null && d.getRefundFen() > amountPaidFen) {
            problems.put("refundFen", "exceeds the amount paid (" + amountPaidFen + " fen)");
        } else if (d.getRemedy() == Remedy.PARTIAL_REFUND && amountPaidFen != null && d.getRefundFen() == amountPaidFen) {
            problems.put("refundFen", "refunds everything paid: that is a FULL_REFUND");
        }
        if (d.getCompensationFen() < 0) {
            problems.put("compensationFen", "must not be negative");
        } else if (d.getRemedy() == Remedy.COUPON && d.getCompensationFen() == 0) {
            problems.put("compensationFen", "a coupon needs its value");
        }
        problems.putAll(penalties.check(d));
        problems.putAll(basis.problems(d.getReason(), d.getRuleId()));
        return problems;
    }

    /** Problems of a rejection: the rule it rests on and the reason. */
    public static Map<String, String> checkRejection(RemedyDecision d) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (d == null || blank(d.getRuleId())) {
            problems.put("ruleId", "is required: the platform rule the rejection rests on");
        }
        if (d == null || blank(d.getReason())) {
            problems.put("reason", "is required: why, in words the user understands (never just 不符合条件)");
        }
        return problems;
    }

    /** Money the platform or merchant pays under the decision, refund and compensation together. */
    public static long moneyFen(RemedyDecision d) {
        return d == null ? 0 : d.getRefundFen() + d.getCompensationFen();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
