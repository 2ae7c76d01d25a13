package io.livecomplaints.intake.enrichment;

import io.livecomplaints.events.LiveSessionEvent;
import io.livecomplaints.intake.enrichment.model.LatestSessionOfRoom;
import io.livecomplaints.intake.enrichment.model.SessionUpdate;
import io.livecomplaints.intake.kafka.StoreNames;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * How live-sessions is kept in intake's local, Kafka-backed copy (a global store; commerce-orders is mirrored as is):
 * the latest state of each session, and each room's latest session.
 */
public final class UpstreamTables {

    private UpstreamTables() {
    }

    public static void indexSession(KeyValueStore<String, LiveSessionEvent> store, String sessionId, LiveSessionEvent event) {
        String sessionKey = StoreNames.sessionKey(sessionId);
        if (event == null) {
            store.delete(sessionKey);
            return;
        }
        LiveSessionEvent session = SessionUpdate.apply(store.get(sessionKey), event);
        store.put(sessionKey, session);
        String roomKey = StoreNames.roomKey(session.getRoomId());
        if (LatestSessionOfRoom.replaces(store.get(roomKey), session)) {
            store.put(roomKey, session);
        }
    }
}
