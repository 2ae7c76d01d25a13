package io.livecomplaints.notification.api;

import io.livecomplaints.notification.delivery.NotificationStores;
import io.livecomplaints.notification.inbox.model.InboxKeys;
import io.livecomplaints.notification.inbox.model.InboxMessage;
import io.livecomplaints.notification.surveys.model.SurveyState;
import io.livecomplaints.support.web.ApiProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * The API's reads of the delivery stream's stores (Kafka Streams interactive queries over every partition this
 * instance hosts): inboxes and surveys. With several instances, a user's inbox may live on another one: run one
 * instance per partition set behind sticky routing, or add the forwarding by {@code queryMetadataForKey}.
 */
@Component
class NotificationQueries {

    private final StreamsBuilderFactoryBean streams;

    NotificationQueries(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    /** Every message of {@code owner}'s inbox (a user id, or a merchant's or anchor's recipient), newest first. */
    List<InboxMessage> inbox(String owner) {
        ReadOnlyKeyValueStore<String, InboxMessage> inbox = store(NotificationStores.INBOX, "Inbox unavailable");
        List<InboxMessage> all = new ArrayList<>();
        try (KeyValueIterator<String, InboxMessage> entries = inbox.prefixScan(InboxKeys.prefix(owner), new StringSerializer())) {
            while (entries.hasNext()) {
                all.add(entries.next().value);
            }
        }
        Collections.reverse(all); // keys sort oldest first
        return all;
    }

    /** The survey offered for the complaint, if any. */
    Optional<SurveyState> survey(String complaintId) {
        return Optional.ofNullable(this.<SurveyState>store(NotificationStores.SURVEYS, "Surveys unavailable").get(complaintId));
    }

    /** The store, or a 503 problem titled {@code unavailable} while the stream is starting, rebalancing or stopped. */
    private <V> ReadOnlyKeyValueStore<String, V> store(String name, String unavailable) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            throw ApiProblem.unavailable(unavailable, "notifications are not readable right now (stream "
                    + (kafkaStreams == null ? "not started" : kafkaStreams.state()) + ")");
        }
        try {
            return kafkaStreams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw ApiProblem.unavailable(unavailable, "notifications are not readable right now: " + e.getMessage());
        }
    }
}
