package io.livecomplaints.analytics.review.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Complaint types whose SLA breach rate (breached complaints / complaints) rose by at least the threshold from the
 * previous period of the same length to this one; a type without complaints before counts as a rise from 0.
 * Largest rise first.
 */
public final class BreachRateRises {

    /** A type's breach rate then and now. */
    public record Rise(String type, long complaints, double previousRate, double currentRate) {
        public double rise() {
            return currentRate - previousRate;
        }
    }

    private BreachRateRises() {
    }

    public static List<Rise> find(Map<String, Long> complaints, Map<String, Long> breached,
                                  Map<String, Long> previousComplaints, Map<String, Long> previousBreached, double threshold) {
        List<Rise> out = new ArrayList<>();
        complaints.forEach((type, count) -> {
            if (count == 0) {
                return;
            }
            double now = (double) breached.getOrDefault(type, 0L) / count;
            long before = previousComplaints.getOrDefault(type, 0L);
            double then = before == 0 ? 0.0 : (double) previousBreached.getOrDefault(type, 0L) / before;
            if (now - then >= threshold && now > then) {
                out.add(new Rise(type, count, then, now));
            }
        });
        out.sort(Comparator.comparingDouble(Rise::rise).reversed().thenComparing(Rise::type));
        return out;
    }
}
