package io.livecomplaints.platform.bench;

import java.util.List;
import java.util.Map;

/** Lag arithmetic: records a consumer group still has to process, and when a backlog drained. */
final class ConsumerLag {

    /** The lag of every group at one instant, seconds since sampling started. */
    record Sample(double atSeconds, Map<String, Long> lagByGroup) {
        long total() {
            return lagByGroup.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private ConsumerLag() {
    }

    /**
     * A group's lag: per partition it has committed, end offset minus committed offset (never negative: the end
     * offset is read a moment later and a transaction marker can make committed pass the last stable offset).
     * Partitions without a committed offset count from 0, i.e. everything in them is lag.
     */
    static <P> long of(Map<P, Long> committed, Map<P, Long> endOffsets) {
        long lag = 0;
        for (Map.Entry<P, Long> end : endOffsets.entrySet()) {
            long position = committed.getOrDefault(end.getKey(), 0L);
            lag += Math.max(0, end.getValue() - position);
        }
        return lag;
    }

    /** Highest lag of {@code group} in the samples. */
    static long peak(List<Sample> samples, String group) {
        return samples.stream().mapToLong(s -> s.lagByGroup().getOrDefault(group, 0L)).max().orElse(0);
    }

    /**
     * Seconds from {@code fromSeconds} until the group's lag came down to at most {@code threshold} for good: the
     * first sample after the last one above the threshold (a service downstream of the bottleneck can be idle at the
     * end of the burst and get its backlog later). 0 if it was never above after {@code fromSeconds}; -1 if it was
     * still above at the last sample.
     */
    static double drainedAfter(List<Sample> samples, String group, double fromSeconds, long threshold) {
        int lastAbove = -1;
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            if (s.atSeconds() >= fromSeconds && s.lagByGroup().getOrDefault(group, 0L) > threshold) {
                lastAbove = i;
            }
        }
        if (lastAbove < 0) {
            return 0;
        }
        if (lastAbove == samples.size() - 1) {
            return -1;
        }
        return samples.get(lastAbove + 1).atSeconds() - fromSeconds;
    }
}
