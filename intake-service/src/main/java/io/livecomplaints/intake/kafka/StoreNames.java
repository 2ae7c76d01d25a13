package io.livecomplaints.intake.kafka;

/**
 * Intake's Kafka Streams state stores, each rebuilt from a topic (so nothing is lost with an instance), and the key
 * formats of the stores that index a record under several keys.
 */
public final class StoreNames {

    /** Global: commerce-orders by orderId. */
    public static final String ORDERS = "orders";
    /** Global: live-sessions by {@link #sessionKey} and each room's latest session by {@link #roomKey}. */
    public static final String SESSIONS = "sessions";
    /** Global: complaints-received by {@link #complaintKey} and by idempotency scope {@link #scopeKey}. */
    public static final String COMPLAINTS = "complaints";
    /** Global: complaint-cases by complaintId (resolution-service's case changelog). */
    public static final String CASES = "cases";
    /** Local, changelogged: complaint-submissions already turned into complaints, by submission key. */
    public static final String SUBMISSIONS_SEEN = "submissions-seen";

    private StoreNames() {
    }

    public static String sessionKey(String sessionId) {
        return "session/" + sessionId;
    }

    public static String roomKey(String roomId) {
        return "room/" + roomId;
    }

    public static String complaintKey(String complaintId) {
        return "complaint/" + complaintId;
    }

    public static String scopeKey(String idempotencyScope) {
        return "key/" + idempotencyScope;
    }
}
