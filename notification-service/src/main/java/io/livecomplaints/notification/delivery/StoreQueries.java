package io.livecomplaints.notification.delivery;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Read access to the delivery stream's stores for the REST APIs (Kafka Streams interactive queries over every
 * partition this instance hosts). With several instances, a user's inbox may live on another one: run one instance
 * per partition set behind sticky routing, or add the forwarding by {@code queryMetadataForKey}.
 */
@Component
public class StoreQueries {

    private final StreamsBuilderFactoryBean streams;

    StoreQueries(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    /** The store, or {@link StoreUnavailableException} while the stream is starting, rebalancing or stopped. */
    public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            throw new StoreUnavailableException("notifications are not readable right now (stream "
                    + (kafkaStreams == null ? "not started" : kafkaStreams.state()) + ")");
        }
        try {
            return kafkaStreams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("notifications are not readable right now: " + e.getMessage());
        }
    }

    /** The stores cannot be read now (503, try again). */
    public static class StoreUnavailableException extends RuntimeException {
        public StoreUnavailableException(String message) {
            super(message);
        }
    }
}
