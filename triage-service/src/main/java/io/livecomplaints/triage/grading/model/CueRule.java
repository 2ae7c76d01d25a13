package io.livecomplaints.triage.grading.model;

import io.livecomplaints.events.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A complaint whose text contains one of a list of cue phrases needs a severity and gains points, e.g. counterfeit
 * accusations (假货, 仿冒, counterfeit) and professional complainants' claims (职业打假, 退一赔三, 假一赔十) are HIGH.
 */
public record CueRule(String name, List<String> cues, Severity atLeast, int points) implements GradeRule {

    @Override
    public Optional<PriorityRaise> apply(GradingFacts facts) {
        String text = facts.text() == null ? "" : facts.text().toLowerCase(Locale.ROOT);
        return cues.stream().filter(cue -> text.contains(cue.toLowerCase(Locale.ROOT))).findFirst()
                .map(cue -> new PriorityRaise(atLeast, points, name + " (" + cue + ")"));
    }
}
