package io.livecomplaints.triage.classification.model;

import java.util.List;

/**
 * Splits text into words. Chinese is written without spaces, so this needs a real segmenter (the service uses
 * Lucene's smartcn); Latin-script words come back lower-cased and stemmed.
 */
@FunctionalInterface
public interface Segmenter {

    List<String> words(String text);
}
