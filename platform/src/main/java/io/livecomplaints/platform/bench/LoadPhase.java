package io.livecomplaints.platform.bench;

import java.util.List;

/**
 * A stretch of open-loop load: {@code ratePerSecond} requests per second for {@code seconds}. The schedule of a list
 * of phases is fixed in advance (request i is due at a computed instant whatever happened to earlier requests), so a
 * slow server cannot slow the load down and hide its own latency (no coordinated omission).
 */
record LoadPhase(String name, double ratePerSecond, double seconds) {

    LoadPhase {
        if (ratePerSecond <= 0 || seconds <= 0) {
            throw new IllegalArgumentException("rate and duration must be positive: " + ratePerSecond + "/s for " + seconds + " s");
        }
    }

    int requests() {
        return (int) Math.round(ratePerSecond * seconds);
    }

    /** When each request of the phases is due, in nanoseconds from the start of the first phase. */
    static long[] dueOffsetsNanos(List<LoadPhase> phases) {
        int total = phases.stream().mapToInt(LoadPhase::requests).sum();
        long[] due = new long[total];
        int i = 0;
        double phaseStart = 0;
        for (LoadPhase phase : phases) {
            for (int k = 0; k < phase.requests(); k++) {
                due[i++] = (long) ((phaseStart + k / phase.ratePerSecond()) * 1e9);
            }
            phaseStart += phase.seconds();
        }
        return due;
    }

    /** Which phase request {@code index} belongs to. */
    static int phaseOf(List<LoadPhase> phases, int index) {
        int end = 0;
        for (int p = 0; p < phases.size(); p++) {
            end += phases.get(p).requests();
            if (index < end) {
                return p;
            }
        }
        throw new IndexOutOfBoundsException(index);
    }
}
