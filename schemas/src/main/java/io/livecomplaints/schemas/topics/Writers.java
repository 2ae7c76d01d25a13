package io.livecomplaints.schemas.topics;

/** The producers named in topics' single-writer rule and in event envelopes. */
public final class Writers {

    public static final String UPSTREAM = "upstream-commerce";
    public static final String INTAKE = "intake-service";
    public static final String TRIAGE = "triage-service";
    public static final String RESOLUTION = "resolution-service";
    public static final String NOTIFICATION = "notification-service";
    public static final String ANALYTICS = "analytics-service";

    private Writers() {
    }
}
