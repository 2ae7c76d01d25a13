package io.livecomplaints.analytics.stats.model;

/**
 * A {@link Tally} as its store keeps it (JSON of this record, service-support's StateSerdes) and as one instance
 * sends it to another: count, sum, and for sampled metrics the HdrHistogram in its own compressed encoding (base64
 * in the JSON), null without samples.
 */
public record TallyState(long count, long sum, byte[] histogram) {

    public static final TallyState EMPTY = new TallyState(0, 0, null);
}
