package io.livecomplaints.triage.grading.model;

import io.livecomplaints.events.Severity;
import java.util.Optional;

/** A repeat complaint about the same order means the first handling did not settle it: raise it. */
public record RepeatComplaintRule(int points) implements GradeRule {

    @Override
    public Optional<PriorityRaise> apply(GradingFacts facts) {
        return facts.repeat()
                ? Optional.of(new PriorityRaise(Severity.MEDIUM, points, "repeat complaint on the same order"))
                : Optional.empty();
    }
}
