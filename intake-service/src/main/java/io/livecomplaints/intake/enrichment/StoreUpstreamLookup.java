package io.livecomplaints.intake.enrichment;

import io.livecomplaints.events.LiveSessionEvent;
import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.intake.enrichment.model.UpstreamLookup;
import io.livecomplaints.intake.kafka.QueryableStores;
import io.livecomplaints.intake.kafka.StoreNames;
import java.util.Optional;
import java.util.function.Function;
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

    public StoreUpstreamLookup(Function<String, OrderEvent> orders, Function<String, LiveSessionEvent> sessions) {
        this.orders = orders;
        this.sessions = sessions;
    }

    /** Reads through interactive queries (request threads). */
    public static StoreUpstreamLookup queryable(QueryableStores stores) {
        return new StoreUpstreamLookup(key -> stores.get(StoreNames.ORDERS, key), key -> stores.get(StoreNames.SESSIONS, key));
    }

    @Override
    public Optional<OrderEvent> order(String orderId) {
        return read(orders, orderId);
    }

    @Override
    public Optional<LiveSessionEvent> session(String sessionId) {
        return read(sessions, UpstreamTables.SESSION + sessionId);
    }

    @Override
    public Optional<LiveSessionEvent> latestSessionOfRoom(String roomId) {
        return read(sessions, UpstreamTables.ROOM + roomId);
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
