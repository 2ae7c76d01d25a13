package io.livecomplaints.analytics.stats.model;

/**
 * The key of one statistic: a metric under one value of one dimension, e.g. {@code complaints|merchant|M-201}.
 * As a string it sorts by metric and dimension first, so one prefix scan finds every value of a breakdown.
 */
public record StatKey(Metric metric, Dimension dimension, String value) {

    private static final char SEPARATOR = '|';

    public StatKey {
        value = value == null || value.isBlank() ? "UNKNOWN" : value.replace(SEPARATOR, '/');
    }

    public static StatKey of(Metric metric, Dimension dimension, String value) {
        return new StatKey(metric, dimension, value);
    }

    public static StatKey overall(Metric metric) {
        return new StatKey(metric, Dimension.ALL, Dimension.EVERYTHING);
    }

    /** The common prefix of every key of a metric broken down by a dimension. */
    public static String prefix(Metric metric, Dimension dimension) {
        return metric.id() + SEPARATOR + dimension.id() + SEPARATOR;
    }

    public static StatKey parse(String text) {
        int first = text.indexOf(SEPARATOR);
        int second = text.indexOf(SEPARATOR, first + 1);
        if (first < 0 || second < 0) {
            throw new IllegalArgumentException("not a statistic key: " + text);
        }
        return new StatKey(Metric.fromId(text.substring(0, first)), Dimension.fromId(text.substring(first + 1, second)),
                text.substring(second + 1));
    }

    @Override
    public String toString() {
        return prefix(metric, dimension) + value;
    }
}
