package io.livecomplaints.platform.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A process's CPU as a straight line over the offered rate, from two runs at different rates: {@code fixed} CPU
 * seconds per second it burns whatever the load (polling, timers, commits of empty transactions) and
 * {@code marginal} CPU milliseconds each further complaint costs. Per complaint at a rate r the process then costs
 * {@code fixed / r + marginal}.
 */
record CpuCost(double fixedCpuSecondsPerSecond, double marginalMillisPerComplaint) {

    /** One run: complaints per second it completed and CPU seconds per wall second each process used. */
    record Point(double complaintsPerSecond, Map<String, Double> cpuSecondsPerSecond) {

        static Point of(long complaints, double wallSeconds, Map<String, Double> cpuSeconds) {
            Map<String, Double> perSecond = new LinkedHashMap<>();
            cpuSeconds.forEach((process, seconds) -> perSecond.put(process, seconds / wallSeconds));
            return new Point(complaints / wallSeconds, perSecond);
        }

        /** CPU milliseconds per complaint of each process at this rate (fixed cost included). */
        Map<String, Double> millisPerComplaint() {
            Map<String, Double> per = new LinkedHashMap<>();
            cpuSecondsPerSecond.forEach((process, cps) -> per.put(process, 1000 * cps / complaintsPerSecond));
            return per;
        }
    }

    /** The line through the two points, per process known in both. */
    static Map<String, CpuCost> between(Point low, Point high) {
        if (high.complaintsPerSecond() <= low.complaintsPerSecond()) {
            throw new IllegalArgumentException("the second run must complete more complaints/s than the first: "
                    + low.complaintsPerSecond() + " then " + high.complaintsPerSecond());
        }
        Map<String, CpuCost> costs = new LinkedHashMap<>();
        low.cpuSecondsPerSecond().forEach((process, lowCps) -> {
            Double highCps = high.cpuSecondsPerSecond().get(process);
            if (highCps != null) {
                double marginal = (highCps - lowCps) / (high.complaintsPerSecond() - low.complaintsPerSecond());
                costs.put(process, new CpuCost(lowCps - marginal * low.complaintsPerSecond(), 1000 * marginal));
            }
        });
        return costs;
    }
}
