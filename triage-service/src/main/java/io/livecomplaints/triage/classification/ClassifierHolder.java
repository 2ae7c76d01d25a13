package io.livecomplaints.triage.classification;

import io.livecomplaints.triage.classification.model.ClassifierSettings;
import io.livecomplaints.triage.classification.model.ComplaintClassifier;
import io.livecomplaints.triage.classification.model.Segmenter;
import java.time.Clock;
import java.time.Instant;
import io.livecomplaints.triage.classification.model.LabeledComplaint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classifier in use, trained from the data at the configured location and from the examples agents' corrections
 * give (reclassified cases); {@link #reload()} retrains it from the current files and corrections without a restart.
 * A reload that fails (bad line, missing file) keeps the previous classifier; corrections that cannot be read are
 * left out (logged) and the files alone train it.
 */
public final class ClassifierHolder {

    private static final Logger log = LoggerFactory.getLogger(ClassifierHolder.class);

    /** What is loaded now. */
    public record Loaded(ComplaintClassifier classifier, int examples, int lexiconTerms, Instant loadedAt, String location,
                         int correctedExamples) {
    }

    private final String location;
    private final Segmenter segmenter;
    private final ClassifierSettings settings;
    private final Clock clock;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final Supplier<List<LabeledComplaint>> corrections;

    public ClassifierHolder(String location, Segmenter segmenter, ClassifierSettings settings, Clock clock) {
        this(location, segmenter, settings, clock, List::of);
    }

    public ClassifierHolder(String location, Segmenter segmenter, ClassifierSettings settings, Clock clock,
                            Supplier<List<LabeledComplaint>> corrections) {
        this.corrections = corrections;
        this.location = location;
        this.segmenter = segmenter;
        this.settings = settings;
        this.clock = clock;
        reload();
    }

    public ComplaintClassifier classifier() {
        return current.get().classifier();
    }

    public Loaded loaded() {
        return current.get();
    }

    public synchronized Loaded reload() {
        ClassifierData data = ClassifierData.load(location);
        List<LabeledComplaint> corrected = correctedExamples();
        ComplaintClassifier classifier = data.classifier(segmenter, settings, corrected);
        Loaded loaded = new Loaded(classifier, data.examples().size() + corrected.size(), data.lexicon().size(),
                clock.instant(), location, corrected.size());
        Loaded previous = current.getAndSet(loaded);
        log.info("classifier {} loaded from {}: {} examples, {} lexicon terms, {} features (was {})", data.version(), location,
                data.examples().size(), data.lexicon().size(), classifier.vocabularySize(),
                previous == null ? "none" : previous.classifier().version());
        return loaded;
    }

    private List<LabeledComplaint> correctedExamples() {
        try {
            return corrections.get();
        } catch (RuntimeException e) {
            log.warn("agents' corrections not read, training from the files only: {}", e.toString());
            return List.of();
        }
    }
}
