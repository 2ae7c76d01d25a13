package io.livecomplaints.schemas.topics;

/**
 * The parties that write or read topics: the five services and the upstream commerce system. Their names are the
 * producers in event envelopes and topics' single-writer rule, the readers in {@link Topics}, and the Kafka principals.
 */
public final class Parties {

    public static final String UPSTREAM = "upstream-commerce";
    public static final String INTAKE = "intake-service";
    public static final String TRIAGE = "triage-service";
    public static final String RESOLUTION = "resolution-service";
    public static final String NOTIFICATION = "notification-service";
    public static final String ANALYTICS = "analytics-service";

    private Parties() {
    }
}
