package io.livecomplaints.notification.inbox.model;

import io.livecomplaints.events.NotificationKind;

/** A message in a user's in-app inbox (站内信). */
public record InboxMessage(String messageId, String complaintId, NotificationKind kind, String templateId,
                           String language, String text, long sentAt) {
}
