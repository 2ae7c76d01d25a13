package io.livecomplaints.notification.surveys.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule (回访): a survey answer is a score from 1 (very unhappy) to 5 (very happy) with an optional short comment;
 * only an unhappy answer (score at most {@code unhappyAtMost}, 2 by default) may ask to reopen the case.
 */
public final class SurveyAnswerRule {

    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    private final int unhappyAtMost;
    private final int maxCommentLength;

    public SurveyAnswerRule(int unhappyAtMost, int maxCommentLength) {
        this.unhappyAtMost = unhappyAtMost;
        this.maxCommentLength = maxCommentLength;
    }

    /** A field the answer got wrong and why. */
    public record Problem(String field, String message) {
    }

    public List<Problem> check(Integer score, String comment, boolean reopenRequested) {
        List<Problem> problems = new ArrayList<>();
        if (score == null) {
            problems.add(new Problem("score", "is required"));
        } else if (score < MIN_SCORE || score > MAX_SCORE) {
            problems.add(new Problem("score", "must be between " + MIN_SCORE + " and " + MAX_SCORE));
        } else if (reopenRequested && score > unhappyAtMost) {
            problems.add(new Problem("reopenRequested", "only an unhappy answer (score at most " + unhappyAtMost + ") can reopen the case"));
        }
        if (comment != null && comment.codePointCount(0, comment.length()) > maxCommentLength) {
            problems.add(new Problem("comment", "must be at most " + maxCommentLength + " characters"));
        }
        return problems;
    }
}
