package io.livecomplaints.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuCostTest {

    @Test
    void pointIsRatesOverTheWallTimeAndMillisPerComplaintIncludeTheFixedCost() {
        CpuCost.Point point = CpuCost.Point.of(500, 10, Map.of("broker", 2.0));

        assertThat(point.complaintsPerSecond()).isEqualTo(50.0);
        assertThat(point.cpuSecondsPerSecond()).containsEntry("broker", 0.2);
        assertThat(point.millisPerComplaint().get("broker")).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void lineThroughTwoRatesSplitsFixedFromMarginalCost() {
        // 0.1 CPU s/s idle, 2 ms per complaint: at 50/s 0.2 CPU s/s, at 150/s 0.4 CPU s/s
        CpuCost.Point low = new CpuCost.Point(50, Map.of("triage", 0.2, "gone", 0.1));
        CpuCost.Point high = new CpuCost.Point(150, Map.of("triage", 0.4));

        Map<String, CpuCost> costs = CpuCost.between(low, high);

        assertThat(costs).containsOnlyKeys("triage");
        assertThat(costs.get("triage").fixedCpuSecondsPerSecond()).isCloseTo(0.1, within(1e-9));
        assertThat(costs.get("triage").marginalMillisPerComplaint()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void refusesTwoRunsThatDidNotDifferInRate() {
        CpuCost.Point same = new CpuCost.Point(50, Map.of("triage", 0.2));

        assertThatThrownBy(() -> CpuCost.between(same, same)).isInstanceOf(IllegalArgumentException.class);
    }
}
