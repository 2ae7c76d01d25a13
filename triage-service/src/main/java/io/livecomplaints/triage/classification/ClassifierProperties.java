package io.livecomplaints.triage.classification;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.triage.classification.model.ClassifierSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.triage.classifier.*}: where the classifier's data lives and how it combines evidence.
 *
 * @param location directory of train.jsonl, lexicon.tsv and stopwords.txt ({@code classpath:…} or a file path)
 * @param learnFromCorrections whether each (re)load also learns from the cases agents reclassified (complaint-cases)
 * @param correctionsTimeout how long a (re)load may take to read them
 */
@ConfigurationProperties("complaints.triage.classifier")
public record ClassifierProperties(String location, double smoothing, double lexiconWeight, double secondaryMinProbability,
                                   double secondaryLexiconWeight, int maxSecondaryTypes, int maxSignals,
                                   ComplaintType fallbackType, boolean learnFromCorrections,
                                   java.time.Duration correctionsTimeout) {

    public ClassifierSettings settings() {
        return new ClassifierSettings(smoothing, lexiconWeight, secondaryMinProbability, secondaryLexiconWeight,
                maxSecondaryTypes, maxSignals, fallbackType);
    }
}
