package io.livecomplaints.resolution.fastpath.model;

import io.livecomplaints.events.CreditRecord;

/**
 * A user is in good standing for fast paths when their complaint record shows at most {@code maxRejected} rejected
 * (invalid or malicious) complaints and at most {@code maxRefunds} refunds received; a user without a record is.
 */
public record UserStanding(int maxRejected, int maxRefunds) {

    public boolean isGood(CreditRecord userRecord) {
        return userRecord == null
                || (userRecord.getRejectedComplaints() <= maxRejected && userRecord.getRefundCount() <= maxRefunds);
    }
}
