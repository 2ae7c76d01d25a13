package io.livecomplaints.intake.kafka;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.LiveSessionEvent;
import io.livecomplaints.events.OrderEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Every read the API makes of intake's global stores (interactive queries from request threads), by what is read;
 * each answer is the value or null. A store that is not queryable (Kafka Streams starting, restoring or stopped) is
 * reported as {@link StoreUnavailableException}; callers decide what that means.
 */
@Component
public class IntakeQueries {

    private final StreamsBuilderFactoryBean streams;
    private final Map<String, ReadOnlyKeyValueStore<String, ?>> cache = new ConcurrentHashMap<>();

    public IntakeQueries(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    public OrderEvent order(String orderId) {
        return get(StoreNames.ORDERS, orderId);
    }

    public LiveSessionEvent session(String sessionId) {
        return get(StoreNames.SESSIONS, StoreNames.sessionKey(sessionId));
    }

    public LiveSessionEvent latestSessionOfRoom(String roomId) {
        return get(StoreNames.SESSIONS, StoreNames.roomKey(roomId));
    }

    /** A received complaint (without contact data) by its id. */
    public ComplaintReceived complaint(String complaintId) {
        return get(StoreNames.COMPLAINTS, StoreNames.complaintKey(complaintId));
    }

    /** The received complaint (without contact data) filed under an idempotency scope. */
    public ComplaintReceived complaintUnderScope(String idempotencyScope) {
        return get(StoreNames.COMPLAINTS, StoreNames.scopeKey(idempotencyScope));
    }

    /** resolution-service's case of a complaint. */
    public ComplaintCase caseOf(String complaintId) {
        return get(StoreNames.CASES, complaintId);
    }

    @SuppressWarnings("unchecked")
    private <V> V get(String storeName, String key) {
        try {
            return (V) store(storeName).get(key);
        } catch (InvalidStateStoreException e) {
            cache.remove(storeName);
            throw new StoreUnavailableException(storeName, e);
        }
    }

    private ReadOnlyKeyValueStore<String, ?> store(String storeName) {
        ReadOnlyKeyValueStore<String, ?> store = cache.get(storeName);
        if (store != null) {
            return store;
        }
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            throw new StoreUnavailableException(storeName, null);
        }
        store = kafkaStreams.store(StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<String, Object>keyValueStore()));
        cache.put(storeName, store);
        return store;
    }

    /** A store cannot be queried right now. */
    public static class StoreUnavailableException extends RuntimeException {
        StoreUnavailableException(String storeName, Throwable cause) {
            super("state store " + storeName + " is not queryable now", cause);
        }
    }
}
