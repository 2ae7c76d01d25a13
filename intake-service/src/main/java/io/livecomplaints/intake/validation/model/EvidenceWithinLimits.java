package io.livecomplaints.intake.validation.model;

import io.livecomplaints.events.EvidenceKind;
import io.livecomplaints.intake.validation.model.ComplaintDraft.EvidenceDraft;
import io.livecomplaints.schemas.evidence.EvidenceUrls;
import java.util.Arrays;

/**
 * Evidence is a short list of references, not the bytes: at most the configured number of items, each a link of
 * bounded length that passes the platform's one evidence-link rule ({@link EvidenceUrls}: http(s) to a public host,
 * shared with resolution's agent evidence) with a known kind, and a replay moment (seconds into the stream) that is
 * not negative.
 */
final class EvidenceWithinLimits implements ComplaintRule {

    private final int maxItems;
    private final int urlMaxChars;

    EvidenceWithinLimits(int maxItems, int urlMaxChars) {
        this.maxItems = maxItems;
        this.urlMaxChars = urlMaxChars;
    }

    @Override
    public void check(ComplaintDraft draft, Violations violations) {
        if (draft.evidence().size() > maxItems) {
            violations.add("evidence", "has " + draft.evidence().size() + " items, at most " + maxItems + " are allowed");
            return;
        }
        for (int i = 0; i < draft.evidence().size(); i++) {
            check("evidence[" + i + "]", draft.evidence().get(i), violations);
        }
    }

    private void check(String field, EvidenceDraft evidence, Violations violations) {
        if (evidence == null) {
            violations.add(field, "must not be null");
            return;
        }
        if (evidence.kind() != null && kind(evidence.kind()) == null) {
            violations.add(field + ".kind", "unknown kind '" + evidence.kind() + "', expected one of " + Arrays.toString(EvidenceKind.values()));
        }
        EvidenceUrls.problem(evidence.url(), urlMaxChars).ifPresent(problem -> violations.add(field + ".url", problem));
        if (evidence.replayOffsetSeconds() != null && evidence.replayOffsetSeconds() < 0) {
            violations.add(field + ".replayOffsetSeconds", "must not be negative");
        }
    }

    static EvidenceKind kind(String kind) {
        try {
            return kind == null ? EvidenceKind.OTHER : EvidenceKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
