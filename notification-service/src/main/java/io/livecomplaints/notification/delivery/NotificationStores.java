package io.livecomplaints.notification.delivery;

/** Names of the delivery stream's state stores (each changelogged to Kafka, so a restart loses nothing). */
public final class NotificationStores {

    /** complaintId → owner, contact (personal data) and the last case version told. */
    public static final String COMPLAINTS = "notification-complaints";
    /** job key (sourceEventId:KIND:CHANNEL[:target]) → the job: the durable dedup record and the pending queue. */
    public static final String DELIVERIES = "notification-deliveries";
    /** (due time, job key) → SEND or PURGE: the durable schedule (support DurableSchedule) the dispatcher works through. */
    public static final String SCHEDULE = "notification-schedule";
    /** inbox key (see InboxKeys) → in-app message. */
    public static final String INBOX = "notification-inbox";
    /** complaintId → the satisfaction survey offered and whether it was answered. */
    public static final String SURVEYS = "notification-surveys";

    private NotificationStores() {
    }
}
