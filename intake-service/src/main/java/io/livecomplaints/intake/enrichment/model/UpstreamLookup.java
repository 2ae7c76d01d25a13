package io.livecomplaints.intake.enrichment.model;

import io.livecomplaints.events.LiveSessionEvent;
import io.livecomplaints.events.OrderEvent;
import java.util.Optional;

/**
 * What intake knows of the upstream commerce systems (from {@code commerce-orders} and {@code live-sessions}).
 * Implementations answer empty when they do not know, never fail.
 */
public interface UpstreamLookup {

    Optional<OrderEvent> order(String orderId);

    Optional<LiveSessionEvent> session(String sessionId);

    /** The room's most recently started live session. */
    Optional<LiveSessionEvent> latestSessionOfRoom(String roomId);
}
