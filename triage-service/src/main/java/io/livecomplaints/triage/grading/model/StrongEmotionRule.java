package io.livecomplaints.triage.grading.model;

import io.livecomplaints.events.Severity;
import java.util.Optional;

/** Strong negative emotion (情绪激动) raises priority: an upset user escalates quickly when left waiting. */
public record StrongEmotionRule(int points) implements GradeRule {

    @Override
    public Optional<PriorityRaise> apply(GradingFacts facts) {
        return facts.emotion().strong()
                ? Optional.of(new PriorityRaise(Severity.MEDIUM, points, "strong emotion " + facts.emotion().cues()))
                : Optional.empty();
    }
}
