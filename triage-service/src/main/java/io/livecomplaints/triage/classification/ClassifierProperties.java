package io.livecomplaints.triage.classification;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.triage.classification.model.ClassifierSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.triage.classifier.*}: where the classifier's data lives and how it combines evidence.
 *
 * @param location directory of train.jsonl, lexicon.tsv and stopwords.txt ({@code classpath:…} or a file path)
 */
@ConfigurationProperties("complaints.triage.classifier")
public record ClassifierProperties(String location, double smoothing, double lexiconWeight, double secondaryMinProbability,
                                   double secondaryLexiconWeight, int maxSecondaryTypes, int maxSignals,
                                   ComplaintType fallbackType) {

    public ClassifierSettings settings() {
        return new ClassifierSettings(smoothing, lexiconWeight, secondaryMinProbability, secondaryLexiconWeight,
                maxSecondaryTypes, maxSignals, fallbackType);
    }
}
