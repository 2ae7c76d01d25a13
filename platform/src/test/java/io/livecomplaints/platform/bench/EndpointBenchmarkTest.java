package io.livecomplaints.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointBenchmarkTest {

    static final long MS = 1_000_000;

    @Test
    void anEndpointThatKeepsUpIsRatedOverTheOfferedDurationAndTimedFromEachDueTime() {
        // 10 requests due every 100 ms over 1 s, each answered 5 ms after it was due; one refused with 429
        List<OpenLoopLoad.Sent> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(sent(i, i * 100 * MS, i * 100 * MS + 5 * MS, i == 3 ? 429 : 202));
        }

        EndpointBenchmark.Step step = EndpointBenchmark.summarize("s", 10, 1.0, sent);

        assertThat(step.accepted()).isEqualTo(9);
        assertThat(step.refused()).containsExactly(Map.entry(429, 1));
        assertThat(step.acceptedPerSecond()).isEqualTo(9.0);
        assertThat(step.millis(50)).isCloseTo(5.0, within(0.01)); // HdrHistogram: 3 significant digits
        assertThat(step.latency().getTotalCount()).isEqualTo(9);
    }

    @Test
    void anEndpointThatQueuesIsRatedUntilItsLastAnswer() {
        // 10 requests due within 1 s, the last answered 4 s after the first was due: 10 per 4 s
        List<OpenLoopLoad.Sent> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(sent(i, i * 100 * MS, (i + 1) * 400 * MS, 202));
        }

        EndpointBenchmark.Step step = EndpointBenchmark.summarize("s", 10, 1.0, sent);

        assertThat(step.acceptedPerSecond()).isEqualTo(2.5);
    }

    @Test
    void saturatedWhenThe202sFallBehindTheMedianSlowsOrMoreThanOnePercentAreRefused() {
        assertThat(EndpointBenchmark.judge(step(100, 100, 95, 10, Map.of()), 100).saturated()).isFalse();
        assertThat(EndpointBenchmark.judge(step(100, 100, 89, 10, Map.of()), 100).saturation()).contains("< 90% of offered");
        assertThat(EndpointBenchmark.judge(step(100, 100, 100, 150, Map.of()), 100).saturation()).contains("p50 150 ms > 100 ms");
        assertThat(EndpointBenchmark.judge(step(100, 100, 98, 10, Map.of(503, 2)), 100).saturation()).contains("2 requests refused");
        assertThat(EndpointBenchmark.judge(step(100, 100, 99, 10, Map.of(503, 1)), 100).saturated()).isFalse();
    }

    @Test
    void theSaturationIsTheMostAnyStepGot() {
        assertThat(EndpointBenchmark.saturationRate(List.of(step(50, 50, 50, 1, Map.of()), step(75, 75, 74, 1, Map.of()),
                step(113, 113, 80, 900, Map.of())))).isEqualTo(80.0);
        assertThat(EndpointBenchmark.saturationRate(List.of())).isEqualTo(0.0);
    }

    @Test
    void cpuPerRequestDividesEachProcessByTheMeasuredRunsAcceptedRequests() {
        EndpointBenchmark.Step measured = step(50, 500, 50, 3, Map.of());
        EndpointBenchmark.Result result = new EndpointBenchmark.Result("intake-service", List.of(), 100, true, measured, 10,
                Map.of("intake-service", 1.5));

        assertThat(result.cpuMillisPerRequest()).containsExactly(Map.entry("intake-service", 3.0));
    }

    /** A step of {@code sent} requests at {@code offered}/s with every accepted one answered in {@code p50Millis}. */
    static EndpointBenchmark.Step step(double offered, int sent, double acceptedPerSecond, long p50Millis, Map<Integer, Integer> refused) {
        var latency = Latencies.histogram();
        int accepted = sent - refused.values().stream().mapToInt(Integer::intValue).sum();
        for (int i = 0; i < accepted; i++) {
            Latencies.record(latency, p50Millis * MS);
        }
        return new EndpointBenchmark.Step("s", offered, 1, sent, accepted, refused, acceptedPerSecond, latency, null);
    }

    private static OpenLoopLoad.Sent sent(int i, long due, long answered, int status) {
        return new OpenLoopLoad.Sent(i, 0, due, answered, new ComplaintFiler.Filed(status, status == 202 ? "C-" + i : null));
    }
}
