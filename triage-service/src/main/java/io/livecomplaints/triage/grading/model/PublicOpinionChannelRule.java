package io.livecomplaints.triage.grading.model;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.Severity;
import java.util.Optional;
import java.util.Set;

/** Complaints through regulators (12315, 消协) and social media carry public-opinion risk (舆情): HIGH. */
public record PublicOpinionChannelRule(Set<Channel> channels, int points) implements GradeRule {

    @Override
    public Optional<PriorityRaise> apply(GradingFacts facts) {
        return channels.contains(facts.channel())
                ? Optional.of(new PriorityRaise(Severity.HIGH, points, "public-opinion channel " + facts.channel()))
                : Optional.empty();
    }
}
