package io.livecomplaints.notification.channels;

import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.notification.channels.model.OutboundMessage;
import io.livecomplaints.notification.channels.model.SendOutcome;

/**
 * One way of reaching a recipient (in-app inbox, SMS, e-mail, a webhook subscriber). Implementations never throw:
 * every failure is a {@link SendOutcome} that says whether trying again makes sense.
 */
public interface DeliveryChannel {

    NotificationChannel channel();

    /** The provider or subscriber behind the channel (its circuit breaker, rate limiter and bulkhead carry this name). */
    String name();

    SendOutcome send(OutboundMessage message);
}
