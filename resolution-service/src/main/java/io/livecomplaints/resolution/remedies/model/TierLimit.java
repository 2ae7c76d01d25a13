package io.livecomplaints.resolution.remedies.model;

/**
 * What one tier of the authority ladder may grant on its own, in fen; null means no limit.
 *
 * @param refundFen       largest refund
 * @param compensationFen largest compensation (coupons, 赔偿); 0 = none
 */
public record TierLimit(Long refundFen, Long compensationFen) {

    public static final TierLimit UNLIMITED = new TierLimit(null, null);

    public boolean covers(long refund, long compensation) {
        return (refundFen == null || refund <= refundFen) && (compensationFen == null || compensation <= compensationFen);
    }
}
