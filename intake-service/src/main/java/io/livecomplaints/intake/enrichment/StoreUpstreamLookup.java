package io.livecomplaints.intake.enrichment;

import io.livecomplaints.events.LiveSessionEvent;
import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.intake.enrichment.model.UpstreamLookup;
import io.livecomplaints.intake.kafka.IntakeQueries;
import io.livecomplaints.intake.kafka.StoreNames;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream facts from intake's global stores, read by key. A store that cannot be read counts as "not known": the
 * complaint is still received and the enrichment lists what is missing.
 */
public final class StoreUpstreamLookup implements UpstreamLookup {

    private static final Logger log = LoggerFactory.getLogger(StoreUpstreamLookup.class);

    private final Function<String, OrderEvent> orders;
    private final Function<String, LiveSessionEvent> sessions;
    private final Function<String, LiveSessionEvent> latestSessionOfRooms;

    private StoreUpstreamLookup(Function<String, OrderEvent> orders, Function<String, LiveSessionEvent> sessions,
                                Function<String, LiveSessionEvent> latestSessionOfRooms) {
        this.orders = orders;
        this.sessions = sessions;
        this.latestSessionOfRooms = latestSessionOfRooms;
    }

    /** Reads the stores directly (a stream processor's own view of the global stores). */
    public static StoreUpstreamLookup of(KeyValueStore<String, OrderEvent> orders, KeyValueStore<String, LiveSessionEvent> sessions) {
        return new StoreUpstreamLookup(orders::get, id -> sessions.get(StoreNames.sessionKey(id)),
                room -> sessions.get(StoreNames.roomKey(room)));
    }

    /** Reads through interactive queries (request threads). */
    public static StoreUpstreamLookup queryable(IntakeQueries queries) {
        return new StoreUpstreamLookup(queries::order, queries::session, queries::latestSessionOfRoom);
    }

    @Override
    public Optional<OrderEvent> order(String orderId) {
        return read(orders, orderId);
    }

    @Override
    public Optional<LiveSessionEvent> session(String sessionId) {
        return read(sessions, sessionId);
    }

    @Override
    public Optional<LiveSessionEvent> latestSessionOfRoom(String roomId) {
        return read(latestSessionOfRooms, roomId);
    }

    private static <V> Optional<V> read(Function<String, V> store, String key) {
        try {
            return Optional.ofNullable(store.apply(key));
        } catch (RuntimeException e) {
            log.warn("upstream data not readable now, enrichment will list it as missing: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
