package io.livecomplaints.notification.channels;

import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.events.NotificationKind;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The outbound channels this deployment has: the SMS and e-mail providers that are configured, and the webhook
 * subscribers with the kinds each wants. The in-app inbox is always there (it lives in the delivery stream's store).
 */
public final class Channels {

    private final Map<NotificationChannel, DeliveryChannel> personal;
    private final Map<String, DeliveryChannel> webhooks;
    private final Map<String, Set<NotificationKind>> subscriptions;

    public Channels(Map<NotificationChannel, DeliveryChannel> personal, Map<String, DeliveryChannel> webhooks,
                    Map<String, Set<NotificationKind>> subscriptions) {
        this.personal = Map.copyOf(personal);
        this.webhooks = Map.copyOf(webhooks);
        this.subscriptions = Map.copyOf(subscriptions);
    }

    /** The same channels, each provider wrapped (tracing, auditing, tests that simulate a crash mid-send). */
    public Channels decorate(UnaryOperator<DeliveryChannel> decorator) {
        Map<NotificationChannel, DeliveryChannel> wrappedPersonal = new EnumMap<>(NotificationChannel.class);
        personal.forEach((channel, provider) -> wrappedPersonal.put(channel, decorator.apply(provider)));
        Map<String, DeliveryChannel> wrappedWebhooks = new HashMap<>();
        webhooks.forEach((name, provider) -> wrappedWebhooks.put(name, decorator.apply(provider)));
        return new Channels(wrappedPersonal, wrappedWebhooks, subscriptions);
    }

    /** The provider of SMS or e-mail, or the webhook subscriber named {@code target}, if configured. */
    public Optional<DeliveryChannel> provider(NotificationChannel channel, String target) {
        return Optional.ofNullable(channel == NotificationChannel.WEBHOOK ? webhooks.get(target) : personal.get(channel));
    }

    /** Channels with a provider, the in-app inbox included. */
    public Set<NotificationChannel> available() {
        Set<NotificationChannel> available = EnumSet.of(NotificationChannel.IN_APP);
        available.addAll(personal.keySet());
        return available;
    }

    /** The webhook subscribers that want this kind, in name order. */
    public List<String> subscribersOf(NotificationKind kind) {
        return subscriptions.entrySet().stream().filter(e -> e.getValue().contains(kind)).map(Map.Entry::getKey).sorted().toList();
    }
}
