package io.livecomplaints.notification.delivery;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.events.NotificationKind;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.notification.delivery.*}: the durable retry schedule, how often and how much the dispatcher
 * sends per round, how long (at least) a message's dedup key is kept, and quiet hours.
 */
@ConfigurationProperties("complaints.notification.delivery")
public record DeliveryProperties(Retry retry, Dispatch dispatch, Duration dedupRetention, QuietHoursSettings quietHours) {

    public record Retry(Duration initial, double multiplier, Duration max, int maxAttempts, Duration giveUpAfter) {
    }

    /**
     * @param every  how often due messages are sent (wall-clock punctuation)
     * @param batch  at most this many sends per round
     * @param budget a round stops starting new sends after this long (keeps transactions short)
     */
    public record Dispatch(Duration every, int batch, Duration budget) {
    }

    /**
     * @param channels    channel → daily quiet window ("21:00-08:00", or "off")
     * @param users       userId → channel → window ("off" lifts the channel's default for that user)
     * @param urgentKinds kinds that ignore quiet hours
     * @param urgentTypes complaint types whose messages ignore quiet hours
     */
    public record QuietHoursSettings(ZoneId zone, Map<NotificationChannel, String> channels,
                                     Map<String, Map<NotificationChannel, String>> users,
                                     Set<NotificationKind> urgentKinds, Set<ComplaintType> urgentTypes) {

        public QuietHoursSettings {
            channels = channels == null ? Map.of() : channels;
            users = users == null ? Map.of() : users;
            urgentKinds = urgentKinds == null ? Set.of() : urgentKinds;
            urgentTypes = urgentTypes == null ? Set.of() : urgentTypes;
        }
    }
}
