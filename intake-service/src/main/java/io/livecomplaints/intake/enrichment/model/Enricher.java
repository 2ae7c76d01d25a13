package io.livecomplaints.intake.enrichment.model;

import io.livecomplaints.events.Enrichment;
import io.livecomplaints.events.LiveSessionEvent;
import io.livecomplaints.events.OrderEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What can be captured automatically is not typed by the user: from the order (only the complainant's own) the
 * merchant, anchor, room, session, SKU, product, amount paid, order status, logistics state and the buyer's VIP level;
 * from the live session (named, the order's, or the room's latest) the anchor, room, start time and announced promises. Whatever upstream
 * data does not provide is listed in {@code missing} ({@value #ORDER}, {@value #SESSION}, {@value #LOGISTICS}); it is
 * never a failure.
 */
public final class Enricher {

    public static final String ORDER = "order";
    public static final String SESSION = "session";
    public static final String LOGISTICS = "logisticsState";

    private Enricher() {
    }

    /** What a complaint refers to. */
    public record References(String userId, String orderId, String roomId, String sessionId) {
    }

    /**
     * The enrichment, the session it found (for the replay reference), and whether upstream data says the complainant
     * is a VIP (the buyer's level on their own order: {@code OrderEvent.buyerVip}).
     */
    public record Result(Enrichment enrichment, LiveSessionEvent session, boolean buyerVip) {
    }

    public static Result enrich(References refs, UpstreamLookup upstream) {
        OrderEvent order = refs.orderId() == null ? null
                : upstream.order(refs.orderId()).filter(o -> o.getUserId().equals(refs.userId())).orElse(null);
        LiveSessionEvent session = session(refs, order, upstream).orElse(null);

        Enrichment.Builder e = Enrichment.newBuilder();
        List<String> missing = new ArrayList<>();
        if (order != null) {
            e.setOrderFound(true)
                    .setMerchantId(order.getMerchantId()).setAnchorId(order.getAnchorId())
                    .setRoomId(order.getRoomId()).setSessionId(order.getSessionId())
                    .setSkuId(order.getSkuId()).setProductName(order.getProductName())
                    .setAmountPaidFen(order.getAmountPaidFen()).setOrderStatus(order.getStatus())
                    .setLogisticsState(order.getLogisticsState());
            if (order.getLogisticsState() == null) {
                missing.add(LOGISTICS);
            }
        } else {
            missing.add(ORDER);
        }
        if (session != null) {
            e.setSessionFound(true).setSessionId(session.getSessionId()).setRoomId(session.getRoomId())
                    .setAnchorId(session.getAnchorId()).setSessionStartedAt(session.getStartedAt())
                    .setSessionPromises(session.getPromises());
            if (e.getMerchantId() == null) {
                e.setMerchantId(session.getMerchantId());
            }
        } else {
            missing.add(SESSION);
            if (e.getRoomId() == null) {
                e.setRoomId(refs.roomId());
            }
            if (e.getSessionId() == null) {
                e.setSessionId(refs.sessionId());
            }
        }
        return new Result(e.setMissing(missing).build(), session, order != null && order.getBuyerVip());
    }

    /** The session a complaint is about: the one it names, else its order's, else its room's latest. */
    private static Optional<LiveSessionEvent> session(References refs, OrderEvent order, UpstreamLookup upstream) {
        if (refs.sessionId() != null) {
            return upstream.session(refs.sessionId());
        }
        if (order != null && order.getSessionId() != null) {
            return upstream.session(order.getSessionId());
        }
        String roomId = refs.roomId() != null ? refs.roomId() : order == null ? null : order.getRoomId();
        return roomId == null ? Optional.empty() : upstream.latestSessionOfRoom(roomId);
    }
}
