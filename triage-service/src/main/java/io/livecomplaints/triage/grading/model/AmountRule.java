package io.livecomplaints.triage.grading.model;

import io.livecomplaints.events.Severity;
import java.util.Optional;

/**
 * The amount at stake: from {@code highFen} on (default ¥500, above a SENIOR agent's refund limit) the complaint is
 * HIGH; from {@code notableFen} on (default ¥200) it gains some priority.
 */
public record AmountRule(long highFen, int highPoints, long notableFen, int notablePoints) implements GradeRule {

    @Override
    public Optional<PriorityRaise> apply(GradingFacts facts) {
        Long amount = facts.amountFen();
        if (amount == null) {
            return Optional.empty();
        }
        if (amount >= highFen) {
            return Optional.of(new PriorityRaise(Severity.HIGH, highPoints,
                    "high amount " + Money.yuan(amount) + " ≥ " + Money.yuan(highFen)));
        }
        if (amount >= notableFen) {
            return Optional.of(new PriorityRaise(Severity.MEDIUM, notablePoints,
                    "amount " + Money.yuan(amount) + " ≥ " + Money.yuan(notableFen)));
        }
        return Optional.empty();
    }
}
