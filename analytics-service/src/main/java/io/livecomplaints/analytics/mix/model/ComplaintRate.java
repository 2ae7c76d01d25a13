package io.livecomplaints.analytics.mix.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A merchant's, anchor's or product's complaint rate: complaints per order over the same period. Without orders
 * the rate is unknown (null), never infinite. Ranked by rate, then by complaint count.
 */
public record ComplaintRate(String id, long complaints, long orders, Double rate) {

    public static final Comparator<ComplaintRate> HIGHEST_FIRST = Comparator
            .comparing((ComplaintRate r) -> r.rate() == null ? -1.0 : r.rate()).reversed()
            .thenComparing(Comparator.comparingLong(ComplaintRate::complaints).reversed())
            .thenComparing(ComplaintRate::id);

    public static ComplaintRate of(String id, long complaints, long orders) {
        return new ComplaintRate(id, complaints, orders, orders > 0 ? (double) complaints / orders : null);
    }

    /** Rates of every id that had complaints, highest first. */
    public static List<ComplaintRate> rank(Map<String, Long> complaints, Map<String, Long> orders) {
        List<ComplaintRate> out = new ArrayList<>();
        complaints.forEach((id, count) -> out.add(of(id, count, orders.getOrDefault(id, 0L))));
        out.sort(HIGHEST_FIRST);
        return out;
    }
}
