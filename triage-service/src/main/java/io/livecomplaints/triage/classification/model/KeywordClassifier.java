package io.livecomplaints.triage.classification.model;

import io.livecomplaints.events.Classification;
import io.livecomplaints.events.ComplaintType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies complaint text by the terms it contains (Chinese and English); the matched terms are the signals.
 * The first type with the most matches wins; without any match the complaint is a service complaint.
 */
public final class KeywordClassifier {

    private final Map<ComplaintType, List<String>> terms;

    public KeywordClassifier(Map<ComplaintType, List<String>> terms) {
        this.terms = new LinkedHashMap<>(terms);
    }

    public Classification classify(String text) {
        String lower = text.toLowerCase();
        ComplaintType best = ComplaintType.SERVICE;
        List<String> bestSignals = List.of();
        for (Map.Entry<ComplaintType, List<String>> entry : terms.entrySet()) {
            List<String> signals = new ArrayList<>();
            for (String term : entry.getValue()) {
                if (lower.contains(term.toLowerCase())) {
                    signals.add(term);
                }
            }
            if (signals.size() > bestSignals.size()) {
                best = entry.getKey();
                bestSignals = signals;
            }
        }
        double confidence = bestSignals.isEmpty() ? 0.2 : Math.min(0.95, 0.5 + 0.15 * bestSignals.size());
        return Classification.newBuilder()
                .setPrimaryType(best)
                .setConfidence(confidence)
                .setLanguage(text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) ? "zh-CN" : "en")
                .setSignals(bestSignals.stream().map(s -> "term:" + s).toList())
                .setModelVersion("keywords-v1")
                .build();
    }
}
