package io.livecomplaints.notification.messages.model;

import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.notification.templates.model.Money;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Rule (反馈 + 回访): a decided case tells the user the result (remedy, amounts) with its basis, then, after the
 * survey delay, asks how satisfied they are; an unhappy answer can reopen the case.
 */
public final class ResultRule {

    private final ResultBasis basis;
    private final Duration surveyDelay;

    public ResultRule(ResultBasis basis, Duration surveyDelay) {
        this.basis = basis;
        this.surveyDelay = surveyDelay;
    }

    /** The result and the survey; throws {@link ResultBasis.MissingBasisException} when the decision has no basis. */
    public List<Notice> tell(ComplaintOutcome outcome) {
        var envelope = outcome.getEnvelope();
        String complaintId = envelope.getComplaintId();
        RemedyDecision decision = outcome.getDecision();
        Notice result = new Notice(envelope.getEventId(), complaintId, envelope.getTraceId(), outcome.getUserId(),
                outcome.getLanguage(), outcome.getType(), Message.result(decision.getRemedy()),
                Map.of("complaintId", complaintId,
                        "refund", new Money(decision.getRefundFen()),
                        "compensation", new Money(decision.getCompensationFen()),
                        "basis", basis.of(decision)),
                Duration.ZERO);
        Notice survey = new Notice(envelope.getEventId(), complaintId, envelope.getTraceId(), outcome.getUserId(),
                outcome.getLanguage(), outcome.getType(), Message.SURVEY, Map.of("complaintId", complaintId), surveyDelay);
        return List.of(result, survey);
    }
}
