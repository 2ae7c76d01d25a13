package io.livecomplaints.schemas.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NewTraceIdTest {

    private static final int IDS = 10_000;

    @Test
    void traceIdsAreThirtyTwoLowerCaseHexDigitsAndDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < IDS; i++) {
            String id = Envelopes.newTraceId();
            assertThat(id).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
            ids.add(id);
        }
        assertThat(ids).hasSize(IDS);
    }

    /**
     * OpenTelemetry's ratio sampler records a new trace when |the id's last 64 bits as a long| is under ratio ×
     * Long.MAX_VALUE: with random ids a tenth of traces at 0.1 (a UUID's fixed variant bits made it none).
     */
    @Test
    void aRatioSamplerRecordsAboutTheRatioOfTracesStartedHere() {
        int underATenth = 0;
        for (int i = 0; i < IDS; i++) {
            long randomPart = Long.parseUnsignedLong(Envelopes.newTraceId().substring(16), 16);
            if (Math.abs(randomPart) < (long) (0.1 * Long.MAX_VALUE)) {
                underATenth++;
            }
        }
        assertThat(underATenth).isBetween(IDS * 7 / 100, IDS * 13 / 100);
    }
}
