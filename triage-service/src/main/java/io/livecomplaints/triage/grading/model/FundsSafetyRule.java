package io.livecomplaints.triage.grading.model;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Severity;
import java.util.Optional;

/** Funds safety first (涉及资金安全最优先): a complaint that concerns funds safety, even as a secondary type, is HIGH. */
public record FundsSafetyRule(int points) implements GradeRule {

    @Override
    public Optional<PriorityRaise> apply(GradingFacts facts) {
        return facts.concerns(ComplaintType.FUNDS_SAFETY)
                ? Optional.of(new PriorityRaise(Severity.HIGH, points, "funds-safety first"))
                : Optional.empty();
    }
}
