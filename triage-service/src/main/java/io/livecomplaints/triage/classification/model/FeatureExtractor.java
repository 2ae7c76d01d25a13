package io.livecomplaints.triage.classification.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The features the classifier counts in a text: segmented words ({@code w:}), character bigrams of Chinese runs
 * ({@code c:}, which still carry meaning when the segmenter splits an unknown term such as 扣款 apart) and
 * English word bigrams ({@code b:}, "charged twice"). Stop words are dropped.
 */
public final class FeatureExtractor {

    public static final String WORD = "w:";
    public static final String CHARS = "c:";
    public static final String BIGRAM = "b:";

    private final Segmenter segmenter;
    private final Set<String> stopWords;

    public FeatureExtractor(Segmenter segmenter, Set<String> stopWords) {
        this.segmenter = segmenter;
        this.stopWords = Set.copyOf(stopWords);
    }

    public List<String> features(String text) {
        return featuresOfNormalized(TextNormalizer.normalize(text));
    }

    /** The features of text already put through {@link TextNormalizer#normalize} (a classifier normalizes once). */
    public List<String> featuresOfNormalized(String normalized) {
        List<String> features = new ArrayList<>();
        String previousLatin = null;
        for (String word : segmenter.words(normalized)) {
            if (word.isBlank() || stopWords.contains(word)) {
                previousLatin = null;
                continue;
            }
            boolean latin = word.codePoints().allMatch(cp -> cp < 0x2E80);
            if (latin && word.length() < 2 && !Character.isDigit(word.charAt(0))) {
                continue;
            }
            features.add(WORD + word);
            if (latin) {
                if (previousLatin != null) {
                    features.add(BIGRAM + previousLatin + " " + word);
                }
                previousLatin = word;
            } else {
                previousLatin = null;
            }
        }
        addHanBigrams(normalized, features);
        return features;
    }

    private static void addHanBigrams(String text, List<String> features) {
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Languages.isHan(cp)) {
                if (previous >= 0) {
                    features.add(CHARS + new String(Character.toChars(previous)) + new String(Character.toChars(cp)));
                }
                previous = cp;
            } else {
                previous = -1;
            }
            i += Character.charCount(cp);
        }
    }

    /** A feature as a reader sees it: word:扣款, chars:扣了, words:charged twice. */
    public static String describe(String feature) {
        if (feature.startsWith(WORD)) {
            return "word:" + feature.substring(WORD.length());
        }
        if (feature.startsWith(CHARS)) {
            return "chars:" + feature.substring(CHARS.length());
        }
        if (feature.startsWith(BIGRAM)) {
            return "words:" + feature.substring(BIGRAM.length());
        }
        return feature;
    }
}
