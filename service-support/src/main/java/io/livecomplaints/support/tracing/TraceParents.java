package io.livecomplaints.support.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * W3C trace context values (https://www.w3.org/TR/trace-context/): the {@code traceparent} header
 * {@code 00-<32 hex trace id>-<16 hex parent span id>-<2 hex flags>} and its trace id, which is also our events'
 * {@code Envelope.traceId}. Anything malformed reads as absent, so a bad header starts a new trace, never a failure.
 *
 * <p>The checks run for every record a service reads and writes, so they look at the characters in place (no regular
 * expression, no copies but the trace id returned).
 */
public final class TraceParents {

    public static final String HEADER = "traceparent";

    static final int TRACE_ID_LENGTH = 32;
    static final int SPAN_ID_LENGTH = 16;
    /** {@code 00-} + trace id + {@code -} + span id + {@code -} + 2 flag digits. */
    static final int TRACEPARENT_LENGTH = 3 + TRACE_ID_LENGTH + 1 + SPAN_ID_LENGTH + 1 + 2;
    private static final int TRACE_ID_START = 3;
    private static final int SPAN_ID_START = TRACE_ID_START + TRACE_ID_LENGTH + 1;
    private static final int FLAGS_START = SPAN_ID_START + SPAN_ID_LENGTH + 1;
    private static final String INVALID_SPAN_ID = "0".repeat(SPAN_ID_LENGTH);

    private TraceParents() {
    }

    /** True for a valid W3C trace id: 32 lower-case hex digits, not all zero. */
    public static boolean isTraceId(String value) {
        return value != null && value.length() == TRACE_ID_LENGTH && isNonZeroHex(value, 0, TRACE_ID_LENGTH);
    }

    /** True for a valid W3C span id: 16 lower-case hex digits, not all zero. */
    static boolean isSpanId(String value) {
        return value != null && value.length() == SPAN_ID_LENGTH && isNonZeroHex(value, 0, SPAN_ID_LENGTH);
    }

    /** The trace id of a well-formed traceparent (surrounding whitespace ignored), or null. */
    public static String traceIdOf(String traceparent) {
        int start = startOf(traceparent);
        return start < 0 ? null : traceparent.substring(start + TRACE_ID_START, start + TRACE_ID_START + TRACE_ID_LENGTH);
    }

    /** True when the traceparent is well-formed and in the given trace (no copy of its trace id made). */
    static boolean isInTrace(String traceparent, String traceId) {
        int start = startOf(traceparent);
        return start >= 0 && traceId != null && traceId.length() == TRACE_ID_LENGTH
                && traceparent.regionMatches(start + TRACE_ID_START, traceId, 0, TRACE_ID_LENGTH);
    }

    /** True for a well-formed traceparent (surrounding whitespace ignored), as {@link #traceIdOf} reads it. */
    static boolean isTraceparent(String value) {
        return startOf(value) >= 0;
    }

    /** Where the traceparent in {@code value} starts once surrounding whitespace is ignored, or -1 if malformed. */
    private static int startOf(String value) {
        if (value == null) {
            return -1;
        }
        int start = 0;
        int end = value.length();
        if (end != TRACEPARENT_LENGTH) { // only then can there be whitespace to ignore (as String.strip(), no copy)
            while (start < end && Character.isWhitespace(value.codePointAt(start))) {
                start += Character.charCount(value.codePointAt(start));
            }
            while (end > start && Character.isWhitespace(value.codePointBefore(end))) {
                end -= Character.charCount(value.codePointBefore(end));
            }
        }
        return isTraceparent(value, start, end) ? start : -1;
    }

    /** True when {@code value[start, end)} is {@code 00-<trace id>-<span id>-<flags>} with valid ids. */
    private static boolean isTraceparent(String value, int start, int end) {
        return end - start == TRACEPARENT_LENGTH
                && value.charAt(start) == '0' && value.charAt(start + 1) == '0'
                && value.charAt(start + TRACE_ID_START - 1) == '-'
                && value.charAt(start + SPAN_ID_START - 1) == '-'
                && value.charAt(start + FLAGS_START - 1) == '-'
                && isNonZeroHex(value, start + TRACE_ID_START, start + TRACE_ID_START + TRACE_ID_LENGTH)
                && isNonZeroHex(value, start + SPAN_ID_START, start + SPAN_ID_START + SPAN_ID_LENGTH)
                && isHex(value.charAt(start + FLAGS_START)) && isHex(value.charAt(start + FLAGS_START + 1));
    }

    /** True when {@code value[from, to)} is lower-case hex digits, not all {@code 0}. */
    private static boolean isNonZeroHex(String value, int from, int to) {
        boolean nonZero = false;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (!isHex(c)) {
                return false;
            }
            nonZero |= c != '0';
        }
        return nonZero;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** The record's traceparent if present and well-formed, else null. */
    public static String of(Headers headers) {
        String value = headerValue(headers);
        return isTraceparent(value) ? value : null;
    }

    /** The trace id of the record's traceparent if present and well-formed, else null. */
    static String traceIdOfHeader(Headers headers) {
        return traceIdOf(headerValue(headers));
    }

    /** The record's last traceparent header as text, well-formed or not; null when there is none. */
    private static String headerValue(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A sampled traceparent in the given trace with a fresh parent span id (for records of a trace with no span). */
    public static String forTrace(String traceId) {
        return forTrace(traceId, true);
    }

    /** A traceparent in the given trace with a fresh parent span id, flagged sampled ({@code 01}) or not ({@code 00}). */
    public static String forTrace(String traceId, boolean sampled) {
        return "00-" + traceId + "-" + newSpanId() + (sampled ? "-01" : "-00");
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
