package io.livecomplaints.resolution.limits.model;

import io.livecomplaints.schemas.evidence.EvidenceUrls;
import java.util.Optional;

/**
 * The longest text each field of a request may carry, in characters (code points), by the field's name wherever it
 * appears: notes (progress, escalation, denial, reopening, merchant answers ..., an internal note's or a user's
 * addition's {@code text}), reasons (a decision's basis, a
 * rejection's, a user's dispute), evidence descriptions, rule and agent ids; evidence links use the shared link rule's
 * cap ({@link EvidenceUrls#DEFAULT_MAX_CHARS}); any other text field gets {@code other}. Caps keep one request from
 * putting unbounded text into a case, an outcome and a user's inbox.
 */
public record TextCaps(int note, int reason, int description, int ruleId, int agentId, int other) {

    public TextCaps {
        if (note <= 0 || reason <= 0 || description <= 0 || ruleId <= 0 || agentId <= 0 || other <= 0) {
            throw new IllegalArgumentException("every text cap must be positive");
        }
    }

    /** The cap of a field, by its name (the last part of its path: {@code evidence[0].url} → url). */
    public int capOf(String field) {
        return switch (field) {
            case "note", "text" -> note; // an internal note's or a user's addition's text
            case "reason" -> reason;
            case "description" -> description;
            case "url" -> EvidenceUrls.DEFAULT_MAX_CHARS;
            case "ruleId" -> ruleId;
            case "agentId" -> agentId;
            default -> other;
        };
    }

    /** Why {@code value} is too long for {@code field}; empty if it fits. */
    public Optional<String> problem(String field, String value) {
        if (value == null) {
            return Optional.empty();
        }
        int cap = capOf(field);
        int length = value.codePointCount(0, value.length());
        return length > cap ? Optional.of("must be at most " + cap + " characters (has " + length + ")") : Optional.empty();
    }
}
