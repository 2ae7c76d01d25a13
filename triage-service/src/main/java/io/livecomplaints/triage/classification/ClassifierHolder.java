package io.livecomplaints.triage.classification;

import io.livecomplaints.triage.classification.model.ClassifierSettings;
import io.livecomplaints.triage.classification.model.ComplaintClassifier;
import io.livecomplaints.triage.classification.model.Segmenter;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classifier in use, trained from the data at the configured location; {@link #reload()} retrains it from the
 * current files without a restart. A reload that fails (bad line, missing file) keeps the previous classifier.
 */
public final class ClassifierHolder {

    private static final Logger log = LoggerFactory.getLogger(ClassifierHolder.class);

    /** What is loaded now. */
    public record Loaded(ComplaintClassifier classifier, int examples, int lexiconTerms, Instant loadedAt, String location) {
    }

    private final String location;
    private final Segmenter segmenter;
    private final ClassifierSettings settings;
    private final Clock clock;
    private final AtomicReference<Loaded> current = new AtomicReference<>();

    public ClassifierHolder(String location, Segmenter segmenter, ClassifierSettings settings, Clock clock) {
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
        ComplaintClassifier classifier = data.classifier(segmenter, settings);
        Loaded loaded = new Loaded(classifier, data.examples().size(), data.lexicon().size(), clock.instant(), location);
        Loaded previous = current.getAndSet(loaded);
        log.info("classifier {} loaded from {}: {} examples, {} lexicon terms, {} features (was {})", data.version(), location,
                data.examples().size(), data.lexicon().size(), classifier.vocabularySize(),
                previous == null ? "none" : previous.classifier().version());
        return loaded;
    }
}
