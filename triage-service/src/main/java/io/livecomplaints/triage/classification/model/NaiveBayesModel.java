package io.livecomplaints.triage.classification.model;

import io.livecomplaints.events.ComplaintType;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Multinomial Naive Bayes over text features: log P(type) + Σ log P(feature | type), with additive (Lidstone)
 * smoothing so a feature never seen with a type does not veto it, and the same prior for every type. Features never
 * seen in training are ignored.
 */
public final class NaiveBayesModel {

    private final Map<ComplaintType, Double> logPriors;
    private final Map<String, EnumMap<ComplaintType, Double>> logLikelihoods;
    /** Per feature, the mean of log P(f | t) over all types: fixed once trained, and asked for every signal. */
    private final Map<String, Double> meanLogLikelihoods = new HashMap<>();

    private NaiveBayesModel(Map<ComplaintType, Double> logPriors, Map<String, EnumMap<ComplaintType, Double>> logLikelihoods) {
        this.logPriors = logPriors;
        this.logLikelihoods = logLikelihoods;
        logLikelihoods.forEach((feature, logs) ->
                meanLogLikelihoods.put(feature, logs.values().stream().mapToDouble(Double::doubleValue).average().orElse(0)));
    }

    /** Counts features per type over the examples; {@code smoothing} is the pseudo-count of every feature. */
    public static NaiveBayesModel train(List<LabeledComplaint> examples, FeatureExtractor extractor, double smoothing) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        if (smoothing <= 0) {
            throw new IllegalArgumentException("smoothing must be positive");
        }
        Map<ComplaintType, Integer> featureTotals = new EnumMap<>(ComplaintType.class);
        Map<String, EnumMap<ComplaintType, Integer>> counts = new HashMap<>();
        for (LabeledComplaint example : examples) {
            for (String feature : extractor.features(example.text())) {
                counts.computeIfAbsent(feature, f -> new EnumMap<>(ComplaintType.class)).merge(example.type(), 1, Integer::sum);
                featureTotals.merge(example.type(), 1, Integer::sum);
            }
        }
        int vocabulary = counts.size();
        // Uniform priors: how many examples a type has in the labelled data is how the data was curated, not how often
        // the type occurs; a type with more examples (FUNDS_SAFETY's extra phrasings) must not win short texts by count.
        Map<ComplaintType, Double> logPriors = new EnumMap<>(ComplaintType.class);
        for (ComplaintType type : ComplaintType.values()) {
            logPriors.put(type, -Math.log(ComplaintType.values().length));
        }
        Map<String, EnumMap<ComplaintType, Double>> logLikelihoods = new HashMap<>();
        counts.forEach((feature, byType) -> {
            EnumMap<ComplaintType, Double> logs = new EnumMap<>(ComplaintType.class);
            for (ComplaintType type : ComplaintType.values()) {
                int count = byType.getOrDefault(type, 0);
                logs.put(type, Math.log((count + smoothing) / (featureTotals.getOrDefault(type, 0) + smoothing * vocabulary)));
            }
            logLikelihoods.put(feature, logs);
        });
        return new NaiveBayesModel(logPriors, logLikelihoods);
    }

    public boolean knows(String feature) {
        return logLikelihoods.containsKey(feature);
    }

    public int vocabularySize() {
        return logLikelihoods.size();
    }

    /** log P(type) + Σ log P(feature | type) over the known features. */
    public EnumMap<ComplaintType, Double> logScores(List<String> features) {
        EnumMap<ComplaintType, Double> scores = new EnumMap<>(logPriors);
        for (String feature : features) {
            EnumMap<ComplaintType, Double> logs = logLikelihoods.get(feature);
            if (logs != null) {
                logs.forEach((type, log) -> scores.merge(type, log, Double::sum));
            }
        }
        return scores;
    }

    /**
     * How much a feature speaks for a type against the others: log P(f | type) minus the mean of log P(f | t) over all
     * types. Positive values pushed the decision towards the type; these are the signals put on the event.
     */
    public double evidenceFor(String feature, ComplaintType type) {
        EnumMap<ComplaintType, Double> logs = logLikelihoods.get(feature);
        if (logs == null) {
            return 0;
        }
        return logs.get(type) - meanLogLikelihoods.get(feature);
    }
}
