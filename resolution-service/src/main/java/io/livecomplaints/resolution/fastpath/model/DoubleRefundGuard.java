package io.livecomplaints.resolution.fastpath.model;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.OrderStatus;
import java.util.Optional;

/**
 * No double refunds: 极速退款 pays without an agent looking, so it must not pay an order that has already been paid
 * back. It is withheld (the case goes to an agent, with the reason on its timeline) when the order is already REFUNDED
 * or CANCELLED (the status intake captured from commerce-orders), or when an earlier complaint on the same order got
 * money back (the order's refund record, {@code ORDER:<orderId>} on credit-records, fed by resolution's own outcomes).
 */
public final class DoubleRefundGuard {

    private DoubleRefundGuard() {
    }

    /**
     * @param orderRefunds the order's refund record, or null when no outcome has refunded it yet
     * @return why an automatic refund is withheld, or empty when nothing speaks against it
     */
    public static Optional<String> withhold(ComplaintReceived complaint, CreditRecord orderRefunds) {
        OrderStatus status = complaint.getEnrichment() == null ? null : complaint.getEnrichment().getOrderStatus();
        if (status == OrderStatus.REFUNDED || status == OrderStatus.CANCELLED) {
            return Optional.of("order " + complaint.getOrderId() + " is already " + status
                    + " (commerce-orders): an agent checks what, if anything, is still owed");
        }
        if (orderRefunds != null && orderRefunds.getRefundCount() > 0) {
            return Optional.of("an earlier complaint on order " + complaint.getOrderId() + " already got money back ("
                    + orderRefunds.getRefundCount() + " refund(s), " + orderRefunds.getRefundsFen()
                    + " fen): an agent checks before anything more is paid");
        }
        return Optional.empty();
    }
}
