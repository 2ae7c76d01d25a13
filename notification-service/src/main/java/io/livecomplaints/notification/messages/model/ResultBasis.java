package io.livecomplaints.notification.messages.model;

import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.notification.templates.model.Fragment;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rule (处理依据): a result is told with its basis, never as a bare "不符合条件". The basis is the decision's reason,
 * with the platform rule it rests on when there is one; a reason that says nothing (blank, or only a phrase like
 * "不符合条件") is acceptable only together with a rule id the user can look up.
 */
public final class ResultBasis {

    private final Set<String> barePhrases;

    /** @param barePhrases reasons that say nothing by themselves ("不符合条件", "not eligible", ...) */
    public ResultBasis(Set<String> barePhrases) {
        this.barePhrases = barePhrases.stream().map(ResultBasis::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /** The basis fragment of the result message; throws when the decision gives the user no basis at all. */
    public Fragment of(RemedyDecision decision) {
        String reason = decision.getReason() == null ? "" : decision.getReason().strip();
        String rule = decision.getRuleId() == null || decision.getRuleId().isBlank() ? null : decision.getRuleId().strip();
        boolean bare = isBare(reason);
        if (bare && rule == null) {
            throw new MissingBasisException("a " + decision.getRemedy() + " result must carry its basis (处理依据): reason '"
                    + reason + "' says nothing by itself and no rule id is given");
        }
        return rule == null
                ? new Fragment(Message.BASIS_WITHOUT_RULE, Map.of("reason", reason))
                : new Fragment(Message.BASIS, Map.of("reason", bare ? "" : reason, "rule", rule));
    }

    boolean isBare(String reason) {
        String normalized = normalize(reason);
        return normalized.isEmpty() || barePhrases.contains(normalized);
    }

    private static String normalize(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}\\s]+", "");
    }

    /** The decision carries no basis the user could understand. */
    public static class MissingBasisException extends RuntimeException {
        public MissingBasisException(String message) {
            super(message);
        }
    }
}
