package io.livecomplaints.analytics.stats.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Merchant lateness is not platform lateness: a merchant that does not answer a refund request within its 48 h
 * (MERCHANT_RESPONSE breached, the platform auto-approves) counts as a merchant timeout, overall and by merchant,
 * never as a platform SLA breach. Each complaint counts once as a request to its merchant and at most once as a
 * timeout, so the merchant timeout rate (timeouts / requests) stays within 0..1; a timeout whose request was not seen
 * counts the request too.
 */
public final class MerchantAccounting {

    private MerchantAccounting() {
    }

    /** The merchant was asked to answer (the case went AWAITING_MERCHANT at {@code at}). */
    public static List<Observation> requested(ComplaintProfile profile, Instant at) {
        if (at == null || !profile.markMerchantRequested()) {
            return List.of();
        }
        return observe(Metric.MERCHANT_REQUESTS, profile.merchantId(), at);
    }

    /** The merchant's answer clock breached at {@code at}. */
    public static List<Observation> timedOut(ComplaintProfile profile, Instant at) {
        List<Observation> out = new ArrayList<>(requested(profile, at));
        if (profile.markMerchantTimedOut()) {
            out.addAll(observe(Metric.MERCHANT_TIMEOUTS, profile.merchantId(), at));
        }
        return out;
    }

    private static List<Observation> observe(Metric metric, String merchantId, Instant at) {
        return List.of(Observation.count(StatKey.overall(metric), at), Observation.count(StatKey.of(metric, Dimension.MERCHANT, merchantId), at));
    }
}
