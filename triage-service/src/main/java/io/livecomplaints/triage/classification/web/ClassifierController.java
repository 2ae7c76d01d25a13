package io.livecomplaints.triage.classification.web;

import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.support.security.Caller;
import io.livecomplaints.triage.classification.ClassifierHolder;
import io.livecomplaints.triage.classification.ClassifierReloads;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The classifier in use ({@code GET /api/v1/triage/classifier}) and its reload from the current data files without a
 * restart ({@code POST /api/v1/triage/classifier/reload}, operators only; on a bad file the old classifier stays). The
 * reload is carried out here and then on every other instance ({@link ClassifierReloads}).
 */
@RestController
@RequestMapping("/api/v1/triage/classifier")
class ClassifierController {

    /** {@code correctedExamples}: of the training examples, how many came from cases agents reclassified. */
    record ClassifierInfo(String modelVersion, int trainingExamples, int lexiconTerms, int features, Instant loadedAt, String location,
                          int correctedExamples) {

        static ClassifierInfo of(ClassifierHolder.Loaded loaded) {
            return new ClassifierInfo(loaded.classifier().version(), loaded.examples(), loaded.lexiconTerms(),
                    loaded.classifier().vocabularySize(), loaded.loadedAt(), loaded.location(), loaded.correctedExamples());
        }
    }

    private final ClassifierHolder holder;
    private final ClassifierReloads reloads;

    ClassifierController(ClassifierHolder holder, ClassifierReloads reloads) {
        this.holder = holder;
        this.reloads = reloads;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR','AGENT')")
    ClassifierInfo current() {
        return ClassifierInfo.of(holder.loaded());
    }

    @PostMapping("/reload")
    @PreAuthorize("hasRole('OPERATOR')")
    ClassifierInfo reload(Caller caller) {
        try {
            return ClassifierInfo.of(reloads.reloadEverywhere(caller.id()));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Classifier not reloaded",
                    "The classifier data could not be loaded; the previous classifier stays in use: " + e.getMessage(), e);
        }
    }
}
