package io.livecomplaints.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerRequestsTest {

    @Test
    void requestsPerSecondByTypeMostFrequentFirstIdleTypesLeftOut() {
        Map<String, Long> before = Map.of("Produce", 1000L, "Fetch", 500L, "Metadata", 9L);
        Map<String, Long> after = Map.of("Produce", 3000L, "Fetch", 4500L, "Metadata", 9L, "AddOffsetsToTxn", 20L);

        assertThat(BrokerRequests.perSecond(before, after, 10)).containsExactly(
                Map.entry("Fetch", 400.0), Map.entry("Produce", 200.0), Map.entry("AddOffsetsToTxn", 2.0));
    }
}
