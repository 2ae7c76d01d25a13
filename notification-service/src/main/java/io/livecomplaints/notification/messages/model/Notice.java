package io.livecomplaints.notification.messages.model;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.NotificationKind;
import java.time.Duration;
import java.util.Map;

/**
 * What a lifecycle event means for the user: one message, with the values of its placeholders, to be sent on the
 * channels the kind goes to, no earlier than {@code delay} after the event.
 *
 * @param sourceEventId the event it answers: with the kind and channel, the key that makes each send happen once
 * @param type          the complaint type when known (templates may be specialised per type), else null
 */
public record Notice(String sourceEventId, String complaintId, String traceId, String userId, String language,
                     ComplaintType type, Message message, Map<String, Object> values, Duration delay) {

    public Notice {
        if (!values.keySet().equals(message.placeholders())) {
            throw new IllegalArgumentException(message.key() + " needs values for " + message.placeholders() + ", got " + values.keySet());
        }
    }

    public NotificationKind kind() {
        return message.kind();
    }
}
