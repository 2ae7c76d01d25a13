package io.livecomplaints.intake.enrichment;

import io.livecomplaints.events.LiveSessionEvent;
import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.intake.enrichment.model.LatestSessionOfRoom;
import io.livecomplaints.intake.enrichment.model.SessionUpdate;
import io.livecomplaints.intake.kafka.GlobalStores;
import io.livecomplaints.intake.kafka.StoreNames;
import io.livecomplaints.schemas.topics.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.KeyValueStore;
import org.springframework.stereotype.Component;

/**
 * commerce-orders and live-sessions as intake's local, Kafka-backed copies (global stores): the latest order per
 * orderId, the latest state of each session, and each room's latest session.
 */
@Component
class UpstreamTables {

    static final String SESSION = "session/";
    static final String ROOM = "room/";

    UpstreamTables(StreamsBuilder builder, Topics topics) {
        GlobalStores.<OrderEvent>add(builder, StoreNames.ORDERS, topics.commerceOrders, GlobalStores.latestByKey());
        GlobalStores.<LiveSessionEvent>add(builder, StoreNames.SESSIONS, topics.liveSessions, UpstreamTables::indexSession);
    }

    static void indexSession(KeyValueStore<String, LiveSessionEvent> store, String sessionId, LiveSessionEvent event) {
        if (event == null) {
            store.delete(SESSION + sessionId);
            return;
        }
        LiveSessionEvent session = SessionUpdate.apply(store.get(SESSION + sessionId), event);
        store.put(SESSION + sessionId, session);
        String roomKey = ROOM + session.getRoomId();
        if (LatestSessionOfRoom.replaces(store.get(roomKey), session)) {
            store.put(roomKey, session);
        }
    }
}
