package io.livecomplaints.analytics.stats.model;

import io.livecomplaints.events.SurveyResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Each survey answer samples its score (1..5) under the complaint's attributes, and counts under its score for the
 * distribution. Scores outside 1..5 are clamped into it.
 */
public final class SatisfactionScoring {

    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    private SatisfactionScoring() {
    }

    public static List<Observation> observe(ComplaintProfile profile, SurveyResponse response) {
        int score = Math.max(MIN_SCORE, Math.min(MAX_SCORE, response.getScore()));
        Instant at = response.getEnvelope().getOccurredAt();
        List<Observation> out = new ArrayList<>(profile.attributes().observe(Metric.SATISFACTION, at, score));
        out.add(new Observation(StatKey.of(Metric.SATISFACTION, Dimension.SCORE, Integer.toString(score)), at, score));
        return out;
    }
}
