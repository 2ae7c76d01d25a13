package io.livecomplaints.triage.classification.model;

import io.livecomplaints.events.ComplaintType;

/**
 * Tuning of the classifier.
 *
 * @param smoothing               pseudo-count of every feature (Naive Bayes)
 * @param lexiconWeight           multiplier of the curated terms' weights against the learned evidence
 * @param secondaryMinProbability a type other than the primary is a secondary type from this posterior on
 * @param secondaryLexiconWeight  ... or when curated terms of it add up to this weight
 * @param maxSecondaryTypes       at most this many secondary types
 * @param maxSignals              at most this many signals on the event
 * @param fallbackType            the type of a text in which no known word occurs
 */
public record ClassifierSettings(double smoothing, double lexiconWeight, double secondaryMinProbability,
                                 double secondaryLexiconWeight, int maxSecondaryTypes, int maxSignals,
                                 ComplaintType fallbackType) {

    public static ClassifierSettings defaults() {
        return new ClassifierSettings(1.0, 6.0, 0.25, 2.5, 2, 6, ComplaintType.SERVICE);
    }
}
