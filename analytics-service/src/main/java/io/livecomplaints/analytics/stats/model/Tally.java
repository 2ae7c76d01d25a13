package io.livecomplaints.analytics.stats.model;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * The aggregate of one statistic over a window or all time: how many observations, their sum, and for sampled
 * metrics their distribution as an HdrHistogram, which merges exactly across windows and instances. Percentiles
 * are nearest-rank and reported as the lowest value of their histogram bucket: exact for values below 2048 and
 * within 0.1 % above ({@value #SIGNIFICANT_DIGITS} significant digits).
 */
public final class Tally {

    static final int SIGNIFICANT_DIGITS = 3;

    private long count;
    private long sum;
    private Histogram histogram;

    public Tally() {
    }

    private Tally(long count, long sum, Histogram histogram) {
        this.count = count;
        this.sum = sum;
        this.histogram = histogram;
    }

    /** Adds an observation (its value is also sampled when the metric is). */
    public Tally add(Observation observation) {
        return add(observation.value(), observation.key().metric().sampled());
    }

    /** Adds one value; sampled values also go into the distribution. */
    public Tally add(long value, boolean sampled) {
        count++;
        sum += value;
        if (sampled) {
            if (histogram == null) {
                histogram = new Histogram(SIGNIFICANT_DIGITS);
            }
            histogram.recordValue(Math.max(0, value));
        }
        return this;
    }

    /** Adds another tally of the same statistic (another window, another instance's partitions). */
    public Tally merge(Tally other) {
        count += other.count;
        sum += other.sum;
        if (other.histogram != null) {
            if (histogram == null) {
                histogram = new Histogram(SIGNIFICANT_DIGITS);
            }
            histogram.add(other.histogram);
        }
        return this;
    }

    public long count() {
        return count;
    }

    public long sum() {
        return sum;
    }

    /** Mean of the values, or null without observations. */
    public Double mean() {
        return count == 0 ? null : (double) sum / count;
    }

    /** Nearest-rank percentile (0 < p ≤ 100) of the sampled values, or null if nothing was sampled. */
    public Long percentile(double p) {
        if (histogram == null || histogram.getTotalCount() == 0) {
            return null;
        }
        return histogram.lowestEquivalentValue(histogram.getValueAtPercentile(p));
    }

    public Long median() {
        return percentile(50);
    }

    public Long p95() {
        return percentile(95);
    }

    /** What the store keeps of this tally. */
    public TallyState state() {
        byte[] compressed = null;
        if (histogram != null) {
            ByteBuffer target = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
            compressed = Arrays.copyOf(target.array(), histogram.encodeIntoCompressedByteBuffer(target));
        }
        return new TallyState(count, sum, compressed);
    }

    /** The tally a store kept (an empty one for null). */
    public static Tally of(TallyState state) {
        if (state == null) {
            return new Tally();
        }
        Histogram histogram = null;
        if (state.histogram() != null) {
            try {
                histogram = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(state.histogram()), 0);
            } catch (DataFormatException e) {
                throw new IllegalArgumentException("corrupt tally histogram", e);
            }
        }
        return new Tally(state.count(), state.sum(), histogram);
    }
}
