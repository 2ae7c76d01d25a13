package io.livecomplaints.support.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * W3C trace context values (https://www.w3.org/TR/trace-context/): the {@code traceparent} header
 * {@code 00-<32 hex trace id>-<16 hex parent span id>-<2 hex flags>} and its trace id, which is also our events'
 * {@code Envelope.traceId}. Anything malformed reads as absent, so a bad header starts a new trace, never a failure.
 */
public final class TraceParents {

    public static final String HEADER = "traceparent";

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_SPAN_ID = "0".repeat(16);

    private TraceParents() {
    }

    /** True for a valid W3C trace id: 32 lower-case hex digits, not all zero. */
    public static boolean isTraceId(String value) {
        return value != null && TRACE_ID.matcher(value).matches() && !INVALID_TRACE_ID.equals(value);
    }

    /** The trace id of a well-formed traceparent, or null. */
    public static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        var m = TRACEPARENT.matcher(traceparent.strip());
        if (!m.matches() || INVALID_TRACE_ID.equals(m.group(1)) || INVALID_SPAN_ID.equals(m.group(2))) {
            return null;
        }
        return m.group(1);
    }

    /** The record's traceparent if present and well-formed, else null. */
    public static String of(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        if (header == null || header.value() == null) {
            return null;
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        return traceIdOf(value) == null ? null : value;
    }

    /** A sampled traceparent in the given trace with a fresh parent span id (for records of a trace with no span). */
    public static String forTrace(String traceId) {
        return "00-" + traceId + "-" + newSpanId() + "-01";
    }

    /** Replaces the record's traceparent. */
    public static void set(Headers headers, String traceparent) {
        headers.remove(HEADER);
        headers.add(HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
    }

    private static String newSpanId() {
        String id;
        do {
            id = randomHex(8);
        } while (INVALID_SPAN_ID.equals(id));
        return id;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
