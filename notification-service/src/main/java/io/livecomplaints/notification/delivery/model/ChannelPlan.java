package io.livecomplaints.notification.delivery.model;

import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.events.NotificationKind;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Rule: which channels each kind of message goes to (e.g. acknowledgments and results on every personal channel,
 * assignment only in-app), limited to the channels this deployment has a provider for. Webhook subscribers choose
 * their kinds themselves.
 */
public final class ChannelPlan {

    private final Map<NotificationKind, Set<NotificationChannel>> byKind;
    private final Set<NotificationChannel> available;

    public ChannelPlan(Map<NotificationKind, Set<NotificationChannel>> byKind, Set<NotificationChannel> available) {
        this.byKind = Map.copyOf(byKind);
        this.available = Set.copyOf(available);
    }

    public Set<NotificationChannel> channelsFor(NotificationKind kind) {
        Set<NotificationChannel> channels = EnumSet.noneOf(NotificationChannel.class);
        for (NotificationChannel channel : byKind.getOrDefault(kind, Set.of(NotificationChannel.IN_APP))) {
            if (channel != NotificationChannel.WEBHOOK && available.contains(channel)) {
                channels.add(channel);
            }
        }
        return channels;
    }
}
