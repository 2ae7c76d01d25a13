package io.livecomplaints.analytics.review.model;

import io.livecomplaints.analytics.mix.model.ComplaintRate;
import java.util.List;
import java.util.Map;

/**
 * The merchants, anchors or products to name in a review: those with at least the minimum number of complaints in
 * the period, ranked by complaint rate (complaints per order), then by count; at most {@code top} of them. The
 * minimum keeps one unlucky complaint on a single order from topping the list.
 */
public final class RecurringOffenders {

    private RecurringOffenders() {
    }

    public static List<ComplaintRate> rank(Map<String, Long> complaints, Map<String, Long> orders, int minComplaints, int top) {
        return ComplaintRate.rank(complaints, orders).stream()
                .filter(rate -> rate.complaints() >= minComplaints)
                .limit(top)
                .toList();
    }
}
