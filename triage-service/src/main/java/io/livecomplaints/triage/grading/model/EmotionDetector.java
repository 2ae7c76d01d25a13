package io.livecomplaints.triage.grading.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strong negative emotion (情绪激动) in Chinese and English: each cue phrase found (气死, 投诉到底, 曝光, furious,
 * scam, …), each run of exclamation or question marks (！！, ???) and each shouted English word (WORST) counts one;
 * the complaint is strongly emotional from {@code threshold} points on.
 */
public final class EmotionDetector {

    private static final Pattern PUNCTUATION_RUN = Pattern.compile("[!！]{2,}|[?？]{3,}|[!！][?？]|[?？][!！]");
    private static final Pattern SHOUTED = Pattern.compile("\\b[A-Z]{4,}\\b");

    private final List<String> cues;
    private final int threshold;

    public EmotionDetector(List<String> cues, int threshold) {
        this.cues = cues.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        this.threshold = threshold;
    }

    public EmotionReading read(String text) {
        if (text == null || text.isBlank()) {
            return EmotionReading.calm();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (String cue : cues) {
            if (lower.contains(cue)) {
                found.add(cue);
            }
        }
        Matcher punctuation = PUNCTUATION_RUN.matcher(text);
        while (punctuation.find()) {
            found.add(punctuation.group());
        }
        Matcher shouted = SHOUTED.matcher(text);
        while (shouted.find()) {
            found.add(shouted.group());
        }
        return new EmotionReading(found.size(), List.copyOf(found), found.size() >= threshold);
    }
}
