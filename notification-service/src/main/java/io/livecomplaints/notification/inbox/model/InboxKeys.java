package io.livecomplaints.notification.inbox.model;

/**
 * Inbox entries are stored under {@code <length>:<userId>|<sentAt>|<messageId>}: the length prefix makes one user's
 * prefix never match another's (U-1 vs U-10, or ids containing '|'), the zero-padded time keeps them in order.
 */
public final class InboxKeys {

    private InboxKeys() {
    }

    public static String prefix(String userId) {
        return userId.length() + ":" + userId + "|";
    }

    public static String key(String userId, long sentAt, String messageId) {
        return prefix(userId) + String.format("%015d", sentAt) + "|" + messageId;
    }
}
