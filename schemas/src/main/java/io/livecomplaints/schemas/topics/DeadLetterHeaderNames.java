package io.livecomplaints.schemas.topics;

/**
 * Headers of a record on a {@code <topic>-dlt} topic: why it failed and where it came from. Each consuming service
 * that gives up on a record writes its own dead letter, named in {@link #SERVICE}.
 */
public final class DeadLetterHeaderNames {

    public static final String REASON = "dlt-reason";
    public static final String EXCEPTION = "dlt-exception";
    /** deserialization, processing or listener */
    public static final String STAGE = "dlt-stage";
    public static final String SERVICE = "dlt-service";
    public static final String SOURCE_TOPIC = "dlt-source-topic";
    public static final String SOURCE_PARTITION = "dlt-source-partition";
    public static final String SOURCE_OFFSET = "dlt-source-offset";
    public static final String FAILED_AT = "dlt-failed-at";

    private DeadLetterHeaderNames() {
    }
}
