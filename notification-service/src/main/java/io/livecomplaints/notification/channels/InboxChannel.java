package io.livecomplaints.notification.channels;

import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.notification.channels.model.OutboundMessage;
import io.livecomplaints.notification.channels.model.SendOutcome;
import io.livecomplaints.notification.inbox.model.InboxKeys;
import io.livecomplaints.notification.inbox.model.InboxMessage;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The in-app inbox (站内信): delivering is writing the message into the user's inbox store, in the same Kafka
 * transaction as its receipt, so it appears exactly once.
 */
public final class InboxChannel implements DeliveryChannel {

    private final KeyValueStore<String, InboxMessage> inbox;
    private final LongSupplier clock;
    private long sequence;

    /** @param clock the time (epoch millis) messages are filed under */
    public InboxChannel(KeyValueStore<String, InboxMessage> inbox, LongSupplier clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.IN_APP;
    }

    @Override
    public String name() {
        return "inbox";
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        long now = clock.getAsLong();
        inbox.put(InboxKeys.key(message.userId(), now, sequence++, message.idempotencyKey()), new InboxMessage(message.idempotencyKey(),
                message.complaintId(), message.kind(), message.templateId(), message.language(), message.text(), now));
        return SendOutcome.sent();
    }
}
