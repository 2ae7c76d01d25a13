package io.livecomplaints.notification.delivery;

/** Names of the delivery stream's state stores (each changelogged to Kafka, so a restart loses nothing). */
public final class NotificationStores {

    /**
     * complaintId → owner, contact (personal data), the last case version told, and the keys of the jobs planned for
     * it (sourceEventId:KIND:CHANNEL[:target]): the durable dedup record.
     */
    public static final String COMPLAINTS = "notification-complaints";
    /** (due time, job key) → the pending job: the durable schedule (support DurableSchedule) the dispatcher works through. */
    public static final String JOBS = "notification-jobs";
    /** inbox key (see InboxKeys) → in-app message. */
    public static final String INBOX = "notification-inbox";
    /** complaintId → the satisfaction survey offered and whether it was answered. */
    public static final String SURVEYS = "notification-surveys";

    private NotificationStores() {
    }
}
