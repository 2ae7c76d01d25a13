package io.livecomplaints.notification.messages.model;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.NotificationKind;
import java.time.Duration;
import java.util.Map;

/**
 * What a lifecycle event means for the user: one message, with the values of its placeholders, to be sent on the
 * channels the kind goes to, no earlier than {@code delay} after the event.
 *
 * @param sourceEventId the event it answers
 * @param type          the complaint type when known (templates may be specialised per type), else null
 * @param dedupId       with the kind and channel, the key that makes each send happen once: the source event id, unless
 *                      the notice is due once per something else (the acknowledgment: once per complaint)
 */
public record Notice(String sourceEventId, String complaintId, String traceId, String userId, String language,
                     ComplaintType type, Message message, Map<String, Object> values, Duration delay, String dedupId) {

    public Notice {
        if (!values.keySet().equals(message.placeholders())) {
            throw new IllegalArgumentException(message.key() + " needs values for " + message.placeholders() + ", got " + values.keySet());
        }
    }

    /** A notice sent once per source event. */
    public Notice(String sourceEventId, String complaintId, String traceId, String userId, String language,
                  ComplaintType type, Message message, Map<String, Object> values, Duration delay) {
        this(sourceEventId, complaintId, traceId, userId, language, type, message, values, delay, sourceEventId);
    }

    public NotificationKind kind() {
        return message.kind();
    }
}
