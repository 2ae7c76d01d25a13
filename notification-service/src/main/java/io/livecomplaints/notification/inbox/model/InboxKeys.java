package io.livecomplaints.notification.inbox.model;

/**
 * Inbox entries are stored under {@code <length>:<userId>|<sentAt>.<sequence>|<messageId>}: the length prefix makes
 * one user's prefix never match another's (U-1 vs U-10, or ids containing '|'); the zero-padded time, then the
 * filing sequence for messages filed in the same millisecond, keep them in the order they were filed.
 */
public final class InboxKeys {

    private InboxKeys() {
    }

    public static String prefix(String userId) {
        return userId.length() + ":" + userId + "|";
    }

    public static String key(String userId, long sentAt, long sequence, String messageId) {
        return prefix(userId) + String.format("%015d.%09d", sentAt, sequence % 1_000_000_000L) + "|" + messageId;
    }
}
