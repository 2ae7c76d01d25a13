package io.livecomplaints.triage.classification.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the curated strong signals in a text. Chinese terms match anywhere (Chinese has no word boundaries);
 * Latin terms match whole words only, so "refund" does not fire inside "refunded" unless listed. Where terms
 * overlap, the longest wins (扣了两次 rather than 扣了).
 */
public final class Lexicon {

    /** A lexicon term found in a text. */
    public record Hit(LexiconEntry entry, int start, int end) {
    }

    private final List<LexiconEntry> entries;

    public Lexicon(List<LexiconEntry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparingInt((LexiconEntry e) -> e.term().length()).reversed()).toList();
    }

    public int size() {
        return entries.size();
    }

    public List<Hit> find(String text) {
        return findInNormalized(TextNormalizer.normalize(text));
    }

    /** The hits in text already put through {@link TextNormalizer#normalize} (a classifier normalizes once). */
    public List<Hit> findInNormalized(String normalized) {
        boolean[] taken = new boolean[normalized.length()];
        List<Hit> hits = new ArrayList<>();
        for (LexiconEntry entry : entries) {
            int from = 0;
            while (true) {
                int at = normalized.indexOf(entry.term(), from);
                if (at < 0) {
                    break;
                }
                int end = at + entry.term().length();
                if (wholeWord(normalized, at, end) && free(taken, at, end)) {
                    for (int i = at; i < end; i++) {
                        taken[i] = true;
                    }
                    hits.add(new Hit(entry, at, end));
                }
                from = at + 1;
            }
        }
        return hits;
    }

    private static boolean free(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean wholeWord(String text, int start, int end) {
        return !(isLatinLetter(text, start) && start > 0 && isLatinLetter(text, start - 1))
                && !(isLatinLetter(text, end - 1) && end < text.length() && isLatinLetter(text, end));
    }

    private static boolean isLatinLetter(String text, int index) {
        char c = text.charAt(index);
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
