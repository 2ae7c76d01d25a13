package io.livecomplaints.analytics.satisfaction.model;

import io.livecomplaints.analytics.stats.model.Tally;

/**
 * Satisfaction and follow-up of a group of complaints: survey answers and their mean score (1..5); decided
 * complaints, reopened complaints and the reopen rate (reopened / decided, null without decisions).
 */
public record SatisfactionFigures(long responses, Double meanScore, long decided, long reopened, Double reopenRate) {

    public static SatisfactionFigures of(Tally satisfaction, Tally decided, Tally reopened) {
        return new SatisfactionFigures(satisfaction.count(), satisfaction.mean(), decided.count(), reopened.count(),
                decided.count() == 0 ? null : (double) reopened.count() / decided.count());
    }
}
