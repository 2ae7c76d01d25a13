package io.livecomplaints.analytics.stats.model;

import java.nio.ByteBuffer;
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
    private static final byte FORMAT = 1;

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

    /** Compact bytes: format, count, sum, then the compressed histogram if any. */
    public byte[] toBytes() {
        byte[] compressed = new byte[0];
        if (histogram != null) {
            ByteBuffer target = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
            int written = histogram.encodeIntoCompressedByteBuffer(target);
            compressed = java.util.Arrays.copyOf(target.array(), written);
        }
        return ByteBuffer.allocate(1 + 8 + 8 + 4 + compressed.length)
                .put(FORMAT).putLong(count).putLong(sum).putInt(compressed.length).put(compressed).array();
    }

    public static Tally fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte format = buffer.get();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown tally format " + format);
        }
        long count = buffer.getLong();
        long sum = buffer.getLong();
        int length = buffer.getInt();
        Histogram histogram = null;
        if (length > 0) {
            try {
                // HdrHistogram reads the backing array from index 0 (it ignores a slice's offset): give it its own array
                histogram = Histogram.decodeFromCompressedByteBuffer(
                        ByteBuffer.wrap(java.util.Arrays.copyOfRange(bytes, buffer.position(), buffer.position() + length)), 0);
            } catch (DataFormatException e) {
                throw new IllegalArgumentException("corrupt tally histogram", e);
            }
        }
        return new Tally(count, sum, histogram);
    }
}
