package io.livecomplaints.notification.delivery.model;

import io.livecomplaints.events.NotificationChannel;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * Rule (quiet hours): non-urgent messages are not sent on a channel while it is quiet for the user (by default no SMS
 * at night, 21:00-08:00 in the platform's zone); they wait until the window ends. A user's own setting for a channel
 * replaces the channel's default ("off" lifts it).
 */
public final class QuietHours {

    private final ZoneId zone;
    private final Map<NotificationChannel, QuietWindow> byChannel;
    private final Map<String, Map<NotificationChannel, Optional<QuietWindow>>> byUser;

    public QuietHours(ZoneId zone, Map<NotificationChannel, QuietWindow> byChannel,
                      Map<String, Map<NotificationChannel, Optional<QuietWindow>>> byUser) {
        this.zone = zone;
        this.byChannel = Map.copyOf(byChannel);
        this.byUser = Map.copyOf(byUser);
    }

    /** The end of the quiet window the user's channel is in at {@code now}, or empty when it may be sent now. */
    public Optional<Instant> quietUntil(String userId, NotificationChannel channel, Instant now) {
        QuietWindow window = windowFor(userId, channel);
        if (window == null) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        return window.contains(local.toLocalTime()) ? Optional.of(window.endAfter(local).toInstant()) : Optional.empty();
    }

    QuietWindow windowFor(String userId, NotificationChannel channel) {
        Map<NotificationChannel, Optional<QuietWindow>> own = userId == null ? null : byUser.get(userId);
        if (own != null && own.containsKey(channel)) {
            return own.get(channel).orElse(null);
        }
        return byChannel.get(channel);
    }
}
