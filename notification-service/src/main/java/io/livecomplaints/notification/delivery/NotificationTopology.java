package io.livecomplaints.notification.delivery;

import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.notification.delivery.model.DeliveryJob;
import io.livecomplaints.notification.delivery.model.KnownComplaint;
import io.livecomplaints.notification.inbox.model.InboxMessage;
import io.livecomplaints.notification.surveys.model.SurveyState;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.support.streams.schedule.DurableSchedule;
import io.livecomplaints.support.streams.state.StateSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The delivery stream as one Kafka Streams topology, exactly_once_v2:
 * <pre>
 * complaints-received ─┐
 * complaints-triaged  ─┤
 * complaint-cases     ─┤
 * sla-events          ─┼─ merge ─▶ deliver (DeliveryProcessor) ─┬─▶ notifications      (receipts)
 * complaint-outcomes  ─┤             │ ▲                          └─▶ notifications-dlt  (given up: dead-letter header)
 * survey-responses    ─┘             ▼ │ dispatcher (wall-clock punctuation): due sends, retries, quiet hours
 *   (our own answers)     notification-complaints  owner, contact, last case version told, jobs planned (dedup)
 *                         notification-jobs        pending jobs by due time, oldest first
 *                         notification-inbox       in-app messages   ┐ read by the API
 *                         notification-surveys     surveys offered   ┘ (api/NotificationQueries)
 * </pre>
 * The dispatcher is a wall-clock punctuation of the same processor: due sends, retries with backoff, messages held by
 * quiet hours. Every store is changelogged, so a restart loses nothing. The stores of the bookkeeping before
 * (notification-deliveries, notification-schedule) stay until they have drained ({@link LegacyDeliveries}).
 */
final class NotificationTopology {

    private final Topics topics;
    private final DeliveryProcessor.DeliveryServices services;

    NotificationTopology(Topics topics, DeliveryProcessor.DeliveryServices services) {
        this.topics = topics;
        this.services = services;
    }

    KStream<String, NotificationReceipt> build(StreamsBuilder builder) {
        builder.addStateStore(store(NotificationStores.COMPLAINTS, StateSerdes.json(KnownComplaint.class)));
        builder.addStateStore(DurableSchedule.storeBuilder(NotificationStores.JOBS, StateSerdes.json(DeliveryJob.class)));
        LegacyDeliveries.addStores(builder);
        builder.addStateStore(store(NotificationStores.INBOX, StateSerdes.json(InboxMessage.class)));
        builder.addStateStore(store(NotificationStores.SURVEYS, StateSerdes.json(SurveyState.class)));

        KStream<String, SpecificRecord> events = source(builder, topics.complaintsReceived)
                .merge(source(builder, topics.complaintsTriaged))
                .merge(source(builder, topics.complaintCases))
                .merge(source(builder, topics.slaEvents))
                .merge(source(builder, topics.complaintOutcomes))
                .merge(source(builder, topics.surveyResponses));

        KStream<String, NotificationReceipt> receipts = events.process(() -> new DeliveryProcessor(services),
                NotificationStores.COMPLAINTS, NotificationStores.JOBS, NotificationStores.INBOX, NotificationStores.SURVEYS,
                LegacyDeliveries.DELIVERIES, LegacyDeliveries.SCHEDULE);

        Topic<String, NotificationReceipt> out = topics.notifications;
        Produced<String, NotificationReceipt> produced = Produced.with(out.keySerde(), out.valueSerde());
        receipts.to((key, receipt, context) ->
                context.headers().lastHeader(DeliveryProcessor.DEAD_LETTER) != null ? out.deadLetterTopic() : out.name(), produced);
        return receipts;
    }

    private static <V> KStream<String, SpecificRecord> source(StreamsBuilder builder, Topic<String, V> topic) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()))
                .mapValues(value -> (SpecificRecord) value);
    }

    private static <V> StoreBuilder<?> store(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
    }
}
