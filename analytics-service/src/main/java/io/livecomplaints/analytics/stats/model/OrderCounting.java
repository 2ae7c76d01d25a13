package io.livecomplaints.analytics.stats.model;

import io.livecomplaints.events.OrderEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An order counts once (the caller de-duplicates by order id), at the moment it was placed: overall and by its
 * merchant, anchor, room, session and product, the denominators of complaint rates.
 */
public final class OrderCounting {

    private OrderCounting() {
    }

    public static List<Observation> observe(OrderEvent order) {
        Instant at = order.getPlacedAt();
        List<Observation> out = new ArrayList<>(6);
        out.add(Observation.count(StatKey.overall(Metric.ORDERS), at));
        add(out, Dimension.MERCHANT, order.getMerchantId(), at);
        add(out, Dimension.ANCHOR, order.getAnchorId(), at);
        add(out, Dimension.PRODUCT, order.getSkuId(), at);
        add(out, Dimension.ROOM, order.getRoomId(), at);
        add(out, Dimension.SESSION, order.getSessionId(), at);
        return out;
    }

    private static void add(List<Observation> out, Dimension dimension, String value, Instant at) {
        if (value != null && !value.isBlank()) {
            out.add(Observation.count(StatKey.of(Metric.ORDERS, dimension, value), at));
        }
    }
}
