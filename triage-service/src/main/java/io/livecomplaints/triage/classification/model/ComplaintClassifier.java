package io.livecomplaints.triage.classification.model;

import io.livecomplaints.events.ComplaintType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Classifies complaint text into the ten types (投诉分类): the learned Naive Bayes evidence of segmented words and
 * character bigrams, plus the weights of curated strong terms found in the text. The primary type is the best
 * posterior; other types become secondary when their posterior or their curated terms are strong enough. The
 * curated terms and the learned features that pushed towards the primary type are the signals (explainable).
 * The {@link MoneyWithoutOrderRule} wins over both: money taken without a matching order is FUNDS_SAFETY (资金安全最优先),
 * and what the text also complains about (often SERVICE) becomes a secondary type.
 */
public final class ComplaintClassifier {

    private final NaiveBayesModel model;
    private final Lexicon lexicon;
    private final FeatureExtractor extractor;
    private final MoneyWithoutOrderRule fundsSafety;
    private final ClassifierSettings settings;
    private final String version;

    public ComplaintClassifier(NaiveBayesModel model, Lexicon lexicon, MoneyWithoutOrderRule fundsSafety, FeatureExtractor extractor,
                               ClassifierSettings settings, String version) {
        this.model = model;
        this.lexicon = lexicon;
        this.fundsSafety = fundsSafety;
        this.extractor = extractor;
        this.settings = settings;
        this.version = version;
    }

    /** Learns the Naive Bayes evidence from the examples and combines it with the curated lexicon and the funds-safety rule. */
    public static ComplaintClassifier train(List<LabeledComplaint> examples, List<LexiconEntry> lexicon, MoneyWithoutOrderRule fundsSafety,
                                            FeatureExtractor extractor, ClassifierSettings settings, String version) {
        return new ComplaintClassifier(NaiveBayesModel.train(examples, extractor, settings.smoothing()), new Lexicon(lexicon),
                fundsSafety, extractor, settings, version);
    }

    public int vocabularySize() {
        return model.vocabularySize();
    }

    public int lexiconSize() {
        return lexicon.size();
    }

    public String version() {
        return version;
    }

    public ClassificationResult classify(String text) {
        String normalized = TextNormalizer.normalize(text); // once for every matcher: NFKC is not free
        ClassificationResult learned = classifyByEvidence(text, normalized);
        return fundsSafety.findInNormalized(normalized).map(finding -> fundsSafetyFirst(learned, finding)).orElse(learned);
    }

    /** The rule's type is primary (certain by rule: confidence 1); the learned primary becomes the first secondary type. */
    private ClassificationResult fundsSafetyFirst(ClassificationResult learned, MoneyWithoutOrderRule.Finding finding) {
        if (learned.primaryType() == ComplaintType.FUNDS_SAFETY) {
            List<String> signals = new ArrayList<>(List.of(finding.signal()));
            signals.addAll(learned.signals());
            return new ClassificationResult(ComplaintType.FUNDS_SAFETY, learned.secondaryTypes(), learned.confidence(),
                    learned.language(), signals.stream().limit(settings.maxSignals()).toList(), learned.modelVersion());
        }
        Set<ComplaintType> secondary = new LinkedHashSet<>();
        secondary.add(learned.primaryType());
        secondary.addAll(learned.secondaryTypes());
        secondary.remove(ComplaintType.FUNDS_SAFETY);
        List<String> signals = new ArrayList<>(List.of(finding.signal(), "rule:funds-safety-over→" + learned.primaryType()));
        signals.addAll(learned.signals());
        return new ClassificationResult(ComplaintType.FUNDS_SAFETY, secondary.stream().limit(settings.maxSecondaryTypes()).toList(),
                1.0, learned.language(), signals.stream().limit(settings.maxSignals()).toList(), learned.modelVersion());
    }

    private ClassificationResult classifyByEvidence(String text, String normalized) {
        String language = Languages.detect(text == null ? "" : text);
        List<String> features = extractor.featuresOfNormalized(normalized).stream().filter(model::knows).toList();
        List<Lexicon.Hit> hits = lexicon.findInNormalized(normalized);
        if (features.isEmpty() && hits.isEmpty()) {
            return new ClassificationResult(settings.fallbackType(), List.of(), 0.0, language,
                    List.of("rule:no-known-terms→" + settings.fallbackType()), version);
        }
        EnumMap<ComplaintType, Double> scores = model.logScores(features);
        EnumMap<ComplaintType, Double> curated = new EnumMap<>(ComplaintType.class);
        for (Lexicon.Hit hit : hits) {
            curated.merge(hit.entry().type(), hit.entry().weight(), Double::sum);
        }
        curated.forEach((type, weight) -> scores.merge(type, settings.lexiconWeight() * weight, Double::sum));
        EnumMap<ComplaintType, Double> posterior = softmax(scores);
        ComplaintType primary = posterior.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<ComplaintType> secondary = secondaryTypes(primary, posterior, curated);
        return new ClassificationResult(primary, secondary, posterior.get(primary), language,
                signals(primary, secondary, features, hits), version);
    }

    private List<ComplaintType> secondaryTypes(ComplaintType primary, Map<ComplaintType, Double> posterior,
                                               Map<ComplaintType, Double> curated) {
        return posterior.entrySet().stream()
                .filter(e -> e.getKey() != primary)
                .filter(e -> e.getValue() >= settings.secondaryMinProbability()
                        || curated.getOrDefault(e.getKey(), 0.0) >= settings.secondaryLexiconWeight())
                .sorted(Map.Entry.<ComplaintType, Double>comparingByValue().reversed())
                .limit(settings.maxSecondaryTypes())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Curated terms of the primary type, then those of the secondary types, then the learned features, strongest first. */
    private List<String> signals(ComplaintType primary, List<ComplaintType> secondary, List<String> features, List<Lexicon.Hit> hits) {
        Set<String> signals = new LinkedHashSet<>();
        Comparator<Lexicon.Hit> strongest = Comparator.comparingDouble((Lexicon.Hit h) -> h.entry().weight()).reversed();
        hits.stream().filter(h -> h.entry().type() == primary).sorted(strongest)
                .forEach(h -> signals.add("lexicon:" + h.entry().term()));
        hits.stream().filter(h -> secondary.contains(h.entry().type())).sorted(strongest)
                .forEach(h -> signals.add("lexicon:" + h.entry().term() + "→" + h.entry().type()));
        Map<String, Double> evidence = new LinkedHashMap<>(); // each feature's evidence once, not once per comparison
        for (String feature : features) {
            evidence.computeIfAbsent(feature, f -> model.evidenceFor(f, primary));
        }
        evidence.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> signals.add(FeatureExtractor.describe(e.getKey())));
        return signals.stream().limit(settings.maxSignals()).toList();
    }

    private static EnumMap<ComplaintType, Double> softmax(EnumMap<ComplaintType, Double> logScores) {
        double max = logScores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        EnumMap<ComplaintType, Double> posterior = new EnumMap<>(ComplaintType.class);
        double sum = 0;
        for (Map.Entry<ComplaintType, Double> e : logScores.entrySet()) {
            double p = Math.exp(e.getValue() - max);
            posterior.put(e.getKey(), p);
            sum += p;
        }
        for (Map.Entry<ComplaintType, Double> e : posterior.entrySet()) {
            e.setValue(e.getValue() / sum);
        }
        return posterior;
    }
}
