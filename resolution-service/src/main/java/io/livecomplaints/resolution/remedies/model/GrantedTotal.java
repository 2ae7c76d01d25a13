package io.livecomplaints.resolution.remedies.model;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.RemedyDecision;

/**
 * Money one case pays in total: refunds and compensation summed over every RESOLVED outcome of the case, whoever
 * decided them (agents, approvers, the merchant, the express fast path, a merchant timeout). The authority ladder
 * bounds this total, not each decision on its own: otherwise resolving, reopening and resolving again would pay a
 * tier's limit once per round without anyone's approval.
 */
public record GrantedTotal(long refundFen, long compensationFen) {

    public static final GrantedTotal NONE = new GrantedTotal(0, 0);

    /** What the case's outcomes granted so far (null: a case not opened yet). */
    public static GrantedTotal soFar(ComplaintCase c) {
        return c == null ? NONE : new GrantedTotal(c.getGrantedRefundFen(), c.getGrantedCompensationFen());
    }

    /** What the case would have granted in total once {@code decision} is granted too. */
    public static GrantedTotal after(ComplaintCase c, RemedyDecision decision) {
        return soFar(c).plus(decision);
    }

    public GrantedTotal plus(RemedyDecision decision) {
        if (decision == null) {
            return this;
        }
        return new GrantedTotal(Math.addExact(refundFen, decision.getRefundFen()),
                Math.addExact(compensationFen, decision.getCompensationFen()));
    }

    public boolean isNone() {
        return refundFen == 0 && compensationFen == 0;
    }

    @Override
    public String toString() {
        return refundFen + " fen refund, " + compensationFen + " fen compensation";
    }
}
