package io.livecomplaints.schemas.topics;

/**
 * Topic names as compile-time constants, for annotations only; code otherwise goes through {@link Topics}.
 */
public final class TopicNames {

    public static final String COMMERCE_ORDERS = "commerce-orders";
    public static final String LIVE_SESSIONS = "live-sessions";
    public static final String LIVE_QOS = "live-qos";
    public static final String COMPLAINT_SUBMISSIONS = "complaint-submissions";
    public static final String COMPLAINTS_RECEIVED = "complaints-received";
    public static final String COMPLAINTS_TRIAGED = "complaints-triaged";
    public static final String COMPLAINT_COMMANDS = "complaint-commands";
    public static final String COMPLAINT_CASES = "complaint-cases";
    public static final String COMPLAINT_OUTCOMES = "complaint-outcomes";
    public static final String REGULATOR_REPLIES = "regulator-replies";
    public static final String SLA_EVENTS = "sla-events";
    public static final String NOTIFICATIONS = "notifications";
    public static final String SURVEY_RESPONSES = "survey-responses";
    public static final String REPLAY_RETENTION = "replay-retention";
    public static final String CREDIT_RECORDS = "credit-records";
    public static final String TRIAGE_CONTROL = "triage-control";

    /** Suffix of dead-letter topics. */
    public static final String DLT_SUFFIX = "-dlt";

    private TopicNames() {
    }

    public static String deadLetter(String topic) {
        return topic + DLT_SUFFIX;
    }
}
