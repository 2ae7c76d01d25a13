package io.livecomplaints.platform.bench;

import org.HdrHistogram.Histogram;

/** Latency histograms in microseconds (HdrHistogram, 3 significant digits, up to 10 minutes) and their formatting. */
final class Latencies {

    static final long MAX_MICROS = 600_000_000L;

    private Latencies() {
    }

    static Histogram histogram() {
        return new Histogram(MAX_MICROS, 3);
    }

    static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.max(1, Math.min(MAX_MICROS, nanos / 1000)));
    }

    static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** "p50 / p99 / p99.9" in ms, or "-" without samples. */
    static String summary(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return "-";
        }
        return ms(millis(histogram, 50)) + " / " + ms(millis(histogram, 99)) + " / " + ms(millis(histogram, 99.9));
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "-";
        }
        return millis >= 100 ? String.format("%.0f", millis) : String.format("%.1f", millis);
    }
}
