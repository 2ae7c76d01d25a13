package io.livecomplaints.triage.grading.model;

import java.util.List;

/** How upset a complaint reads: the cues found and whether together they count as strong emotion (情绪激动). */
public record EmotionReading(int score, List<String> cues, boolean strong) {

    public static EmotionReading calm() {
        return new EmotionReading(0, List.of(), false);
    }
}
