package io.livecomplaints.notification.delivery;

import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.notification.channels.ChannelProperties;
import io.livecomplaints.notification.channels.Channels;
import io.livecomplaints.notification.delivery.model.ChannelPlan;
import io.livecomplaints.notification.delivery.model.DeliveryJob;
import io.livecomplaints.notification.delivery.model.DeliveryPolicy;
import io.livecomplaints.notification.delivery.model.KnownComplaint;
import io.livecomplaints.notification.delivery.model.QuietHours;
import io.livecomplaints.notification.delivery.model.QuietWindow;
import io.livecomplaints.notification.delivery.model.RetrySchedule;
import io.livecomplaints.notification.delivery.model.Urgency;
import io.livecomplaints.notification.inbox.model.InboxMessage;
import io.livecomplaints.notification.messages.MessageProperties;
import io.livecomplaints.notification.messages.model.ResultRule;
import io.livecomplaints.notification.surveys.model.SurveyState;
import io.livecomplaints.notification.templates.model.Languages;
import io.livecomplaints.notification.templates.model.TemplateCatalog;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/**
 * Lifecycle topics (complaints-received, complaints-triaged, complaint-cases, sla-events, complaint-outcomes, and our
 * own survey-responses) → {@link DeliveryProcessor} with its changelogged stores → receipts on notifications, given-up
 * messages also on notifications-dlt. One Kafka Streams application, exactly_once_v2.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class NotificationTopology {

    @Bean
    DeliveryPolicy deliveryPolicy(DeliveryProperties properties) {
        var quiet = properties.quietHours();
        Map<NotificationChannel, QuietWindow> byChannel = new EnumMap<>(NotificationChannel.class);
        quiet.channels().forEach((channel, window) -> {
            QuietWindow parsed = QuietWindow.parse(window);
            if (parsed != null) {
                byChannel.put(channel, parsed);
            }
        });
        Map<String, Map<NotificationChannel, Optional<QuietWindow>>> byUser = new HashMap<>();
        quiet.users().forEach((user, windows) -> {
            Map<NotificationChannel, Optional<QuietWindow>> own = new EnumMap<>(NotificationChannel.class);
            windows.forEach((channel, window) -> own.put(channel, Optional.ofNullable(QuietWindow.parse(window))));
            byUser.put(user, own);
        });
        var retry = properties.retry();
        return new DeliveryPolicy(new QuietHours(quiet.zone(), byChannel, byUser),
                new Urgency(quiet.urgentKinds(), quiet.urgentTypes()),
                new RetrySchedule(retry.initial(), retry.multiplier(), retry.max(), retry.maxAttempts(), retry.giveUpAfter()));
    }

    @Bean
    ChannelPlan channelPlan(ChannelProperties properties, Channels channels) {
        return new ChannelPlan(properties.byKind(), channels.available());
    }

    @Bean
    KStream<String, NotificationReceipt> notificationReceipts(StreamsBuilder builder, Topics topics, TemplateCatalog templates,
                                                             Languages languages, ResultRule results, ChannelPlan plan,
                                                             Channels channels, DeliveryPolicy policy,
                                                             DeliveryProperties delivery, MessageProperties messages,
                                                             MeterRegistry metrics,
                                                             @Value("${spring.application.name}") String serviceName) {
        builder.addStateStore(store(NotificationStores.COMPLAINTS, new JsonSerde<>(KnownComplaint.class)));
        builder.addStateStore(store(NotificationStores.DELIVERIES, new JsonSerde<>(DeliveryJob.class)));
        builder.addStateStore(store(NotificationStores.SCHEDULE, Serdes.String()));
        builder.addStateStore(store(NotificationStores.INBOX, new JsonSerde<>(InboxMessage.class)));
        builder.addStateStore(store(NotificationStores.SURVEYS, new JsonSerde<>(SurveyState.class)));

        KStream<String, SpecificRecord> events = source(builder, topics.complaintsReceived)
                .merge(source(builder, topics.complaintsTriaged))
                .merge(source(builder, topics.complaintCases))
                .merge(source(builder, topics.slaEvents))
                .merge(source(builder, topics.complaintOutcomes))
                .merge(source(builder, topics.surveyResponses));

        var services = new DeliveryProcessor.DeliveryServices(templates, languages, results, plan, channels, policy,
                messages.surveyDelay(), delivery.dispatch().every(), delivery.dispatch().batch(), delivery.dispatch().budget(),
                delivery.dedupRetention(), serviceName, metrics,
                messages.merchantReminders() == null ? List.of(Duration.ofHours(24), Duration.ofHours(2)) : messages.merchantReminders());
        KStream<String, NotificationReceipt> receipts = events.process(() -> new DeliveryProcessor(services),
                NotificationStores.COMPLAINTS, NotificationStores.DELIVERIES, NotificationStores.SCHEDULE,
                NotificationStores.INBOX, NotificationStores.SURVEYS);

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

    private static <V> org.apache.kafka.streams.state.StoreBuilder<?> store(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
    }
}
