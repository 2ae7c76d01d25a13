package io.livecomplaints.triage.grading.model;

import io.livecomplaints.events.Severity;
import java.util.Map;

/**
 * Turns a severity and the rules' points into a priority 0..100. Funds-safety complaints come first (涉及资金安全最优先):
 * they alone occupy the band from {@code fundsSafetyFloor} to 100; every other complaint stays below it, however
 * many raises it collects.
 */
public record PriorityScale(Map<Severity, Integer> basePoints, int fundsSafetyFloor) {

    public int priority(Severity severity, int points, boolean fundsSafety) {
        int raw = basePoints.getOrDefault(severity, 0) + points;
        return fundsSafety ? clamp(raw, fundsSafetyFloor, 100) : clamp(raw, 0, fundsSafetyFloor - 1);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
