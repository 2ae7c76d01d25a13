package io.livecomplaints.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuTimeTest {

    @Test
    void readsUserPlusSystemTicksEvenWhenTheCommandHasSpaces() {
        String stat = "4242 (java main) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 66 0 0 20 0 40 0 500 0 0";

        assertThat(CpuTime.fromStat(stat)).isEqualTo(13.0);
    }

    @Test
    void usedIsTheDifferencePerProcessSkippingUnknownOnes() {
        Map<String, Double> used = CpuTime.used(Map.of("broker", 10.0, "gone", -1.0), Map.of("broker", 14.5, "gone", 3.0));

        assertThat(used).containsExactly(Map.entry("broker", 4.5));
    }

    @Test
    void thisProcessHasUsedSomeCpu() {
        assertThat(CpuTime.seconds(ProcessHandle.current().pid())).isGreaterThan(0);
    }
}
