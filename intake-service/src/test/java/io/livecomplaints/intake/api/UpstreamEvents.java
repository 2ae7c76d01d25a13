package io.livecomplaints.intake.api;

import io.livecomplaints.events.LiveSessionEvent;
import io.livecomplaints.events.LiveSessionEventKind;
import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.events.OrderStatus;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.Parties;
import java.time.Instant;
import java.util.List;

/** Upstream commerce events as the order and live systems publish them. */
final class UpstreamEvents {

    private UpstreamEvents() {
    }

    static OrderEvent order(String orderId, String userId, String sessionId, String roomId, String logistics) {
        Instant placed = Instant.parse("2026-11-23T10:05:00Z");
        return OrderEvent.newBuilder()
                .setEnvelope(Envelopes.create(null, Parties.UPSTREAM, null, placed))
                .setOrderId(orderId).setUserId(userId).setStatus(OrderStatus.SHIPPED)
                .setMerchantId("M-201").setAnchorId("A-11").setRoomId(roomId).setSessionId(sessionId)
                .setSkuId("SKU-42").setProductName("羊绒大衣").setAmountPaidFen(89900).setLogisticsState(logistics)
                .setPlacedAt(placed).build();
    }

    static LiveSessionEvent session(String sessionId, String roomId, Instant startedAt, LiveSessionEventKind kind, List<String> promises) {
        return LiveSessionEvent.newBuilder()
                .setEnvelope(Envelopes.create(null, Parties.UPSTREAM, null, startedAt))
                .setSessionId(sessionId).setRoomId(roomId).setAnchorId("A-" + roomId).setMerchantId("M-" + roomId)
                .setKind(kind).setStartedAt(startedAt).setTitle("直播专场").setPromises(promises)
                .setReplayUrl("https://replay.example.com/" + sessionId).build();
    }
}
