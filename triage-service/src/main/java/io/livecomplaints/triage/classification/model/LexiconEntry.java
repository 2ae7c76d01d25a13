package io.livecomplaints.triage.classification.model;

import io.livecomplaints.events.ComplaintType;

/**
 * A curated strong signal: a term that by itself says much about a type (重复扣款 → FUNDS_SAFETY), with the weight
 * it adds to that type's log score.
 */
public record LexiconEntry(ComplaintType type, double weight, String term) {

    public LexiconEntry {
        term = TextNormalizer.normalize(term).strip();
        if (term.isEmpty()) {
            throw new IllegalArgumentException("empty lexicon term for " + type);
        }
    }
}
