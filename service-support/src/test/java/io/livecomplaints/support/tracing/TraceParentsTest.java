package io.livecomplaints.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** W3C trace ids and traceparents: exactly the values the W3C format allows, anything else reads as absent. */
class TraceParentsTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";
    private static final String VALID = "00-" + TRACE + "-" + SPAN + "-01";

    @Test
    void aTraceIdIs32LowerCaseHexDigitsNotAllZero() {
        assertThat(TraceParents.isTraceId(TRACE)).isTrue();
        assertThat(TraceParents.isTraceId("0".repeat(31) + "1")).isTrue();
        assertThat(TraceParents.isTraceId(null)).isFalse();
        assertThat(TraceParents.isTraceId("")).isFalse();
        assertThat(TraceParents.isTraceId("0".repeat(32))).as("all zero").isFalse();
        assertThat(TraceParents.isTraceId(TRACE.toUpperCase())).as("upper case").isFalse();
        assertThat(TraceParents.isTraceId(TRACE.substring(1))).as("31 digits").isFalse();
        assertThat(TraceParents.isTraceId(TRACE + "0")).as("33 digits").isFalse();
        assertThat(TraceParents.isTraceId(TRACE.substring(1) + "g")).as("not hex").isFalse();
        assertThat(TraceParents.isTraceId(" " + TRACE.substring(1))).as("not stripped").isFalse();
        assertThat(TraceParents.isTraceId("trace-C-1")).isFalse();
    }

    @Test
    void aTraceparentGivesItsTraceId() {
        assertThat(TraceParents.traceIdOf(VALID)).isEqualTo(TRACE);
        assertThat(TraceParents.traceIdOf("00-" + TRACE + "-" + SPAN + "-00")).as("not sampled").isEqualTo(TRACE);
        assertThat(TraceParents.traceIdOf("00-" + TRACE + "-" + SPAN + "-ff")).as("any flags").isEqualTo(TRACE);
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "  \t", "\n", "\u2003" /* em space: strip() removes it */})
    void surroundingWhitespaceIsIgnored(String space) {
        assertThat(TraceParents.traceIdOf(space + VALID)).isEqualTo(TRACE);
        assertThat(TraceParents.traceIdOf(VALID + space)).isEqualTo(TRACE);
        assertThat(TraceParents.traceIdOf(space + VALID + space)).isEqualTo(TRACE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "garbage", "00", "00-" + TRACE, "00-" + TRACE + "-" + SPAN, "00-" + TRACE + "-" + SPAN + "-",
            "00-" + TRACE + "-" + SPAN + "-1",                                  // one flag digit
            "00-" + TRACE + "-" + SPAN + "-011",                                // three flag digits
            "00-" + TRACE + "-" + SPAN + "-01-extra",                           // a later version's fields
            "01-" + TRACE + "-" + SPAN + "-01",                                 // another version
            "ff-" + TRACE + "-" + SPAN + "-01",
            "0-" + TRACE + "-" + SPAN + "-01",
            "00-00000000000000000000000000000000-" + SPAN + "-01",             // all-zero trace id
            "00-" + TRACE + "-0000000000000000-01",                             // all-zero span id
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-" + SPAN + "-01",             // upper-case trace id
            "00-" + TRACE + "-00F067AA0BA902B7-01",                             // upper-case span id
            "00-" + TRACE + "-" + SPAN + "-0A",                                 // upper-case flags
            "00-" + TRACE + "-" + SPAN + "-0g",
            "00-4bf92f3577b34da6a3ce929d0e0e473-" + SPAN + "-01",              // 31-digit trace id
            "00-4bf92f3577b34da6a3ce929d0e0e47360-" + SPAN + "-01",            // 33-digit trace id
            "00-" + TRACE + "-00f067aa0ba902b-01",                              // 15-digit span id
            "00-" + TRACE + "-00f067aa0ba902b70-01",                            // 17-digit span id
            "00_" + TRACE + "-" + SPAN + "-01",
            "00-" + TRACE + "_" + SPAN + "-01",
            "00-" + TRACE + "-" + SPAN + "_01",
            "00-" + TRACE + " " + SPAN + "-01",
            "00-4bf92f3577b34da6a3ce929d0e0e47-6-" + SPAN + "-01"})
    void malformedTraceparentsReadAsAbsent(String traceparent) {
        assertThat(TraceParents.traceIdOf(traceparent)).isNull();
        assertThat(TraceParents.isTraceparent(traceparent)).isFalse();
    }

    @Test
    void nullReadsAsAbsent() {
        assertThat(TraceParents.traceIdOf(null)).isNull();
        assertThat(TraceParents.isTraceparent(null)).isFalse();
        assertThat(TraceParents.of(null)).isNull();
        assertThat(TraceParents.traceIdOfHeader(null)).isNull();
        assertThat(TraceParents.isInTrace(null, TRACE)).isFalse();
    }

    @Test
    void aTraceparentIsInTheTraceItsTraceIdNames() {
        assertThat(TraceParents.isInTrace(VALID, TRACE)).isTrue();
        assertThat(TraceParents.isInTrace(" " + VALID + " ", TRACE)).isTrue();
        assertThat(TraceParents.isInTrace(VALID, "0af7651916cd43dd8448eb211c80319c")).isFalse();
        assertThat(TraceParents.isInTrace(VALID, TRACE.substring(1))).isFalse();
        assertThat(TraceParents.isInTrace(VALID, null)).isFalse();
        assertThat(TraceParents.isInTrace("01-" + TRACE + "-" + SPAN + "-01", TRACE)).as("malformed").isFalse();
    }

    @Test
    void aRecordsLastTraceparentHeaderIsReadAsItIs() {
        RecordHeaders headers = new RecordHeaders();
        assertThat(TraceParents.of(headers)).isNull();
        assertThat(TraceParents.traceIdOfHeader(headers)).isNull();
        headers.add(TraceParents.HEADER, null);
        assertThat(TraceParents.of(headers)).isNull();
        assertThat(TraceParents.traceIdOfHeader(headers)).isNull();
        headers.add(TraceParents.HEADER, "garbage".getBytes(StandardCharsets.UTF_8));
        assertThat(TraceParents.of(headers)).isNull();
        assertThat(TraceParents.traceIdOfHeader(headers)).isNull();
        headers.add(TraceParents.HEADER, (" " + VALID).getBytes(StandardCharsets.UTF_8));
        assertThat(TraceParents.of(headers)).isEqualTo(" " + VALID); // valid once stripped; returned as written
        assertThat(TraceParents.traceIdOfHeader(headers)).isEqualTo(TRACE);
        TraceParents.set(headers, VALID);
        assertThat(headers.headers(TraceParents.HEADER)).hasSize(1);
        assertThat(TraceParents.of(headers)).isEqualTo(VALID);
    }

    @Test
    void aTraceparentForATraceHasAFreshValidSpanId() {
        String first = TraceParents.forTrace(TRACE);
        assertThat(first).matches("00-" + TRACE + "-[0-9a-f]{16}-01");
        assertThat(TraceParents.traceIdOf(first)).isEqualTo(TRACE);
        assertThat(TraceParents.forTrace(TRACE)).isNotEqualTo(first);
    }

    /** The regular expressions these checks replaced, as the reference for values no list above thought of. */
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");

    private static String referenceTraceIdOf(String traceparent) {
        Matcher m = TRACEPARENT.matcher(traceparent.strip());
        return !m.matches() || "0".repeat(32).equals(m.group(1)) || "0".repeat(16).equals(m.group(2)) ? null : m.group(1);
    }

    @Test
    void mutatedValuesAreJudgedAsTheRegularExpressionsJudgedThem() {
        Random random = new Random(16);
        String alphabet = "0123456789abcdefABCDEF-_ g\t0000000";
        List<String> values = new ArrayList<>();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder value = new StringBuilder(random.nextBoolean() ? VALID : "00-" + "0".repeat(31) + "1-" + "0".repeat(15) + "1-00");
            for (int edits = random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(value.length() + 1);
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> value.insert(at, c);
                    case 1 -> { if (at < value.length()) value.deleteCharAt(at); }
                    default -> { if (at < value.length()) value.setCharAt(at, c); }
                }
            }
            values.add(value.toString());
        }
        int valid = 0;
        for (String value : values) {
            String expected = referenceTraceIdOf(value);
            assertThat(TraceParents.traceIdOf(value)).as(value).isEqualTo(expected);
            valid += expected == null ? 0 : 1;
            String traceId = value.length() >= 35 ? value.substring(3, 35) : value;
            assertThat(TraceParents.isTraceId(traceId)).as(traceId)
                    .isEqualTo(TRACE_ID.matcher(traceId).matches() && !"0".repeat(32).equals(traceId));
        }
        assertThat(valid).as("both valid and malformed values were tried").isBetween(1000, 19_000);
    }
}
