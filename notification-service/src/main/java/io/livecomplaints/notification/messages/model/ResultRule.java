package io.livecomplaints.notification.messages.model;

import io.livecomplaints.events.AnchorPenalty;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.notification.templates.model.Fragment;
import io.livecomplaints.notification.templates.model.Money;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule (反馈 + 回访): a decided case tells the user the result (remedy, amounts, an anchor penalty's level and
 * duration) with its basis, then, after the survey delay, asks how satisfied they are; an unhappy answer can reopen
 * the case. A result without a basis is still told, with the generic basis, and reported as a defect.
 */
public final class ResultRule {

    private final ResultBasis basis;
    private final Duration surveyDelay;

    public ResultRule(ResultBasis basis, Duration surveyDelay) {
        this.basis = basis;
        this.surveyDelay = surveyDelay;
    }

    /** The result and the survey, and whether the result had to be told with the generic basis. */
    public Told tell(ComplaintOutcome outcome) {
        var envelope = outcome.getEnvelope();
        String complaintId = envelope.getComplaintId();
        RemedyDecision decision = outcome.getDecision();
        ResultBasis.Phrased phrased = basis.of(decision);
        Map<String, Object> values = new HashMap<>(Map.of("complaintId", complaintId,
                "refund", new Money(decision.getRefundFen()),
                "compensation", new Money(decision.getCompensationFen()),
                "basis", phrased.fragment()));
        if (decision.getRemedy() == Remedy.ANCHOR_PENALTY) {
            values.put("penalty", penalty(decision.getAnchorPenalty()));
        }
        Notice result = new Notice(envelope.getEventId(), complaintId, envelope.getTraceId(), outcome.getUserId(),
                outcome.getLanguage(), outcome.getType(), Message.result(decision.getRemedy()), Map.copyOf(values), Duration.ZERO);
        Notice survey = new Notice(envelope.getEventId(), complaintId, envelope.getTraceId(), outcome.getUserId(),
                outcome.getLanguage(), outcome.getType(), Message.SURVEY, Map.of("complaintId", complaintId), surveyDelay);
        return new Told(List.of(result, survey), phrased.generic());
    }

    /** The penalty fragment, for other rules (the anchor's own notice). */
    public static Fragment penaltyOf(AnchorPenalty penalty) {
        return penalty(penalty);
    }

    /** 警告 / 限流 N 天 / 停播 N 天 / 永久封禁; a penalty decided before levels existed is told without one. */
    static Fragment penalty(AnchorPenalty penalty) {
        if (penalty == null || penalty.getLevel() == null) {
            return new Fragment(Message.PENALTY_UNSPECIFIED, Map.of());
        }
        Integer days = penalty.getDurationDays();
        return new Fragment(Message.PENALTY_PREFIX + penalty.getLevel().name(),
                days == null ? Map.of() : Map.of("days", days));
    }

    /** @param genericBasis the decision carried no basis and the generic one was told (a defect upstream) */
    public record Told(List<Notice> notices, boolean genericBasis) {
    }
}
