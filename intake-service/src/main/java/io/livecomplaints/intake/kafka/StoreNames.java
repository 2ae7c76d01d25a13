package io.livecomplaints.intake.kafka;

/** Intake's Kafka Streams state stores, each rebuilt from a topic (so nothing is lost with an instance). */
public final class StoreNames {

    /** Global: commerce-orders by orderId. */
    public static final String ORDERS = "orders";
    /** Global: live-sessions by {@code session/<id>} and each room's latest session by {@code room/<roomId>}. */
    public static final String SESSIONS = "sessions";
    /** Global: complaints-received by {@code complaint/<id>} and by idempotency scope {@code key/<scope>}. */
    public static final String COMPLAINTS = "complaints";
    /** Global: complaint-cases by complaintId (resolution-service's case changelog). */
    public static final String CASES = "cases";
    /** Local, changelogged: complaint-submissions already turned into complaints, by submission key. */
    public static final String SUBMISSIONS_SEEN = "submissions-seen";

    private StoreNames() {
    }
}
