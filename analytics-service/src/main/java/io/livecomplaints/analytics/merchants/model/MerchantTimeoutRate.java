package io.livecomplaints.analytics.merchants.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A merchant's timeout rate: complaints whose merchant did not answer within its deadline (超时自动同意) per complaint
 * it was asked to answer, over the same period; null without requests. Ranked by rate, then by timeouts.
 */
public record MerchantTimeoutRate(String merchantId, long requests, long timeouts, Double rate) {

    public static final Comparator<MerchantTimeoutRate> HIGHEST_FIRST = Comparator
            .comparing((MerchantTimeoutRate r) -> r.rate() == null ? -1.0 : r.rate()).reversed()
            .thenComparing(Comparator.comparingLong(MerchantTimeoutRate::timeouts).reversed())
            .thenComparing(MerchantTimeoutRate::merchantId);

    public static MerchantTimeoutRate of(String merchantId, long requests, long timeouts) {
        return new MerchantTimeoutRate(merchantId, requests, timeouts, requests > 0 ? (double) timeouts / requests : null);
    }

    /** Every merchant asked to answer (or late) in the period, highest rate first. */
    public static List<MerchantTimeoutRate> rank(Map<String, Long> requests, Map<String, Long> timeouts) {
        List<MerchantTimeoutRate> out = new ArrayList<>();
        requests.forEach((merchant, count) -> out.add(of(merchant, count, timeouts.getOrDefault(merchant, 0L))));
        timeouts.forEach((merchant, count) -> {
            if (!requests.containsKey(merchant)) {
                out.add(of(merchant, 0, count)); // its request fell before the period
            }
        });
        out.sort(HIGHEST_FIRST);
        return out;
    }
}
