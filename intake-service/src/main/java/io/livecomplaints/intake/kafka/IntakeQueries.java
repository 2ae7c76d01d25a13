package io.livecomplaints.intake.kafka;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.LiveSessionEvent;
import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.support.web.ApiProblem;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Every read the API makes of intake's global stores (interactive queries from request threads), by what is read;
 * each answer is the value or null. A store that is not queryable (Kafka Streams starting, restoring or stopped) is
 * reported as {@link StoreUnavailableException}; callers decide what that means.
 */
@Component
public class IntakeQueries {

    private static final Logger log = LoggerFactory.getLogger(IntakeQueries.class);

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
            throw unavailable(storeName, e);
        }
    }

    private ReadOnlyKeyValueStore<String, ?> store(String storeName) {
        ReadOnlyKeyValueStore<String, ?> store = cache.get(storeName);
        if (store != null) {
            return store;
        }
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            throw unavailable(storeName, null);
        }
        store = kafkaStreams.store(StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<String, Object>keyValueStore()));
        cache.put(storeName, store);
        return store;
    }

    private static StoreUnavailableException unavailable(String storeName, Throwable cause) {
        log.warn("state store {} is not queryable now", storeName);
        return new StoreUnavailableException(cause);
    }

    /** A store cannot be queried right now: the API answers 503 with Retry-After. */
    public static class StoreUnavailableException extends ApiProblem {
        private static final long RETRY_AFTER_SECONDS = 5;

        StoreUnavailableException(Throwable cause) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "Intake unavailable",
                    "Intake is starting or catching up; nothing was filed. Please retry.", cause);
            retryAfter(RETRY_AFTER_SECONDS);
        }
    }
}
