package io.livecomplaints.triage.classification.model;

import io.livecomplaints.events.ComplaintType;
import java.util.List;

/**
 * What the classifier decided and why.
 *
 * @param confidence posterior probability of the primary type (0..1)
 * @param signals    the curated terms, learned features and rules that decided it, strongest first
 */
public record ClassificationResult(ComplaintType primaryType, List<ComplaintType> secondaryTypes, double confidence,
                                   String language, List<String> signals, String modelVersion) {
}
