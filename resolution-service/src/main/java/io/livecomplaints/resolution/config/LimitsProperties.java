package io.livecomplaints.resolution.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.resolution.limits.*}: the longest text per request field ({@code text-chars.*}, characters), and
 * how large a case may grow (evidence items, the text budget past which only concluding steps apply, and the largest
 * case record ever written; the producer's {@code max.request.size} is 1 MiB).
 */
@ConfigurationProperties("complaints.resolution.limits")
public record LimitsProperties(TextChars textChars, int maxEvidenceItems, int caseTextBudgetBytes, int maxCaseBytes) {

    /** Caps per field name, in characters; {@code other} for any text field not named here. */
    public record TextChars(int note, int reason, int description, int ruleId, int agentId, int other) {
    }
}
