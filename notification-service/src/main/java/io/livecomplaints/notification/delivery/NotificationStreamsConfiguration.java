package io.livecomplaints.notification.delivery;

import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.notification.channels.ChannelProperties;
import io.livecomplaints.notification.channels.Channels;
import io.livecomplaints.notification.delivery.model.ChannelPlan;
import io.livecomplaints.notification.delivery.model.DeliveryPolicy;
import io.livecomplaints.notification.delivery.model.QuietHours;
import io.livecomplaints.notification.delivery.model.QuietWindow;
import io.livecomplaints.notification.delivery.model.RetrySchedule;
import io.livecomplaints.notification.delivery.model.Urgency;
import io.livecomplaints.notification.messages.MessageProperties;
import io.livecomplaints.notification.messages.model.ResultRule;
import io.livecomplaints.notification.templates.model.Languages;
import io.livecomplaints.notification.templates.model.TemplateCatalog;
import io.livecomplaints.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Wires the delivery rules and channels into {@link NotificationTopology} (exactly_once_v2 from the shared defaults). */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class NotificationStreamsConfiguration {

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
        var services = new DeliveryProcessor.DeliveryServices(templates, languages, results, plan, channels, policy,
                messages.surveyDelay(), delivery.dispatch().every(), delivery.dispatch().batch(), delivery.dispatch().budget(),
                delivery.dedupRetention(), serviceName, metrics,
                messages.merchantReminders() == null ? List.of(Duration.ofHours(24), Duration.ofHours(2)) : messages.merchantReminders());
        return new NotificationTopology(topics, services).build(builder);
    }
}
