package io.livecomplaints.triage.grading.model;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 分级: starts from the baseline severity, applies every rule (each may require a higher severity and adds or takes
 * points), and places the result on the priority scale. Every rule that applied is a reason on the event.
 */
public final class Grader {

    private final BaselineSeverity baseline;
    private final List<GradeRule> rules;
    private final PriorityScale scale;

    public Grader(BaselineSeverity baseline, List<GradeRule> rules, PriorityScale scale) {
        this.baseline = baseline;
        this.rules = List.copyOf(rules);
        this.scale = scale;
    }

    public Grade grade(GradingFacts facts) {
        Severity severity = baseline.of(facts);
        List<String> reasons = new ArrayList<>();
        reasons.add("baseline " + severity + (severity == Severity.LOW ? " (inquiry)" : ""));
        int points = 0;
        for (GradeRule rule : rules) {
            Optional<PriorityRaise> raise = rule.apply(facts);
            if (raise.isPresent()) {
                PriorityRaise r = raise.get();
                if (r.atLeast() != null && r.atLeast().ordinal() > severity.ordinal()) {
                    severity = r.atLeast();
                }
                points += r.points();
                reasons.add(r.reason() + (r.points() == 0 ? "" : (r.points() > 0 ? " +" : " ") + r.points())
                        + (r.atLeast() == null ? "" : " (at least " + r.atLeast() + ")"));
            }
        }
        int priority = scale.priority(severity, points, facts.concerns(ComplaintType.FUNDS_SAFETY));
        reasons.add("severity " + severity + ", priority " + priority);
        return new Grade(severity, priority, List.copyOf(reasons));
    }
}
