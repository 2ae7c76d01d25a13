package io.livecomplaints.notification.merchants.model;

import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.notification.messages.model.Message;
import io.livecomplaints.notification.messages.model.Notice;
import io.livecomplaints.notification.messages.model.ResultRule;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Rule (主播处罚通知): a decision that penalises an anchor is told to the anchor (inbox {@code anchor:<id>}, and the
 * anchor-governance / agency webhook subscribers of ANCHOR_PENALTY) with its level and duration, the basis, and that
 * it may be appealed. Nothing about the user.
 */
public final class AnchorNoticeRule {

    public static final String RECIPIENT_PREFIX = "anchor:";

    private AnchorNoticeRule() {
    }

    public static String recipient(String anchorId) {
        return RECIPIENT_PREFIX + anchorId;
    }

    public static Optional<Notice> penalty(ComplaintOutcome outcome) {
        if (outcome.getAnchorId() == null || outcome.getDecision().getRemedy() != Remedy.ANCHOR_PENALTY) {
            return Optional.empty();
        }
        var envelope = outcome.getEnvelope();
        String reason = outcome.getDecision().getReason() == null ? "" : outcome.getDecision().getReason();
        Map<String, Object> values = Map.of("complaintId", envelope.getComplaintId(),
                "penalty", ResultRule.penaltyOf(outcome.getDecision().getAnchorPenalty()), "reason", reason);
        return Optional.of(new Notice(envelope.getEventId(), envelope.getComplaintId(), envelope.getTraceId(),
                recipient(outcome.getAnchorId()), MerchantNoticeRule.LANGUAGE, outcome.getType(), Message.ANCHOR_PENALTY,
                values, Duration.ZERO));
    }
}
