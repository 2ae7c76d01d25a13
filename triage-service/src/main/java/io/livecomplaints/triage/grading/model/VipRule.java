package io.livecomplaints.triage.grading.model;

import java.util.Optional;

/** VIP users are served first among equals. */
public record VipRule(int points) implements GradeRule {

    @Override
    public Optional<PriorityRaise> apply(GradingFacts facts) {
        return facts.vip() ? Optional.of(new PriorityRaise(null, points, "VIP user")) : Optional.empty();
    }
}
