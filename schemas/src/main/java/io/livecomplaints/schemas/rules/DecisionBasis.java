package io.livecomplaints.schemas.rules;

import io.livecomplaints.events.RemedyDecision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The basis rule (处理依据), shared by the service that makes a decision (resolution: refuses it) and the one that
 * tells it (notification: phrases it): a result is told with its basis, never as a bare "不符合条件". A reason that
 * says nothing by itself (blank, or only one of the {@link #barePhrases}) is acceptable only together with the rule id
 * the user can look up. Plain Java, no framework: one copy of the rule for both.
 */
public final class DecisionBasis {

    /** Reasons that say nothing by themselves; the default of {@code complaints.basis.bare-phrases}. */
    public static final List<String> DEFAULT_BARE_PHRASES = List.of("不符合条件", "不符合要求", "不符合规定", "不予处理",
            "不予支持", "不支持", "驳回", "not eligible", "not qualified", "rejected", "denied");

    private final Set<String> barePhrases;

    public DecisionBasis(Iterable<String> barePhrases) {
        Set<String> normalized = new java.util.HashSet<>();
        barePhrases.forEach(p -> normalized.add(normalize(p)));
        normalized.remove("");
        this.barePhrases = Set.copyOf(normalized);
    }

    public static DecisionBasis defaults() {
        return new DecisionBasis(DEFAULT_BARE_PHRASES);
    }

    /** Whether the reason says nothing by itself: blank, or only a bare phrase (punctuation and case ignored). */
    public boolean isBare(String reason) {
        String normalized = normalize(reason);
        return normalized.isEmpty() || barePhrases.contains(normalized);
    }

    /** Whether the decision gives the user a basis: a reason that says something, or a rule id. */
    public boolean hasBasis(RemedyDecision decision) {
        return decision != null && (!isBare(decision.getReason()) || ruleId(decision) != null);
    }

    /** The rule id, stripped, or null when there is none. */
    public static String ruleId(RemedyDecision decision) {
        String rule = decision.getRuleId();
        return rule == null || rule.isBlank() ? null : rule.strip();
    }

    /**
     * The problems by field ({@code reason}, {@code ruleId}) of a decision without a basis; empty when it has one.
     * A blank reason is always a problem (the user is told something in words); a bare one needs the rule id.
     */
    public Map<String, String> problems(String reason, String ruleId) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (reason == null || reason.isBlank()) {
            problems.put("reason", "is required: the basis of the decision, in words the user understands");
        } else if (isBare(reason) && (ruleId == null || ruleId.isBlank())) {
            problems.put("reason", "'" + reason.strip() + "' says nothing by itself (处理依据): explain it, or give the rule");
            problems.put("ruleId", "is required when the reason says nothing by itself: the platform rule the decision rests on");
        }
        return problems;
    }

    public Set<String> barePhrases() {
        return barePhrases;
    }

    private static String normalize(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}\\s]+", "");
    }

    @Override
    public String toString() {
        return barePhrases.stream().sorted().collect(Collectors.joining(", ", "DecisionBasis[", "]"));
    }
}
