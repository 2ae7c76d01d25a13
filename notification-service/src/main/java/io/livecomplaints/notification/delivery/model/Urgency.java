package io.livecomplaints.notification.delivery.model;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.NotificationKind;
import java.util.Set;

/**
 * Rule: urgent messages ignore quiet hours. A message is urgent when its kind is configured as urgent, or when it is
 * about a complaint type that comes first (资金安全最优先: funds-safety by default). A survey is never urgent: it
 * asks the user a favour.
 */
public record Urgency(Set<NotificationKind> urgentKinds, Set<ComplaintType> urgentTypes) {

    public boolean isUrgent(NotificationKind kind, ComplaintType type) {
        if (kind == NotificationKind.SURVEY) {
            return false;
        }
        return urgentKinds.contains(kind) || (type != null && urgentTypes.contains(type));
    }
}
