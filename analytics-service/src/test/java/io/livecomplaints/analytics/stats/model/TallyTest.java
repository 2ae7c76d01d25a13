package io.livecomplaints.analytics.stats.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.support.streams.state.StateSerdes;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static final StatKey SAMPLED = StatKey.overall(Metric.FIRST_RESPONSE);
    private static final StatKey COUNTED = StatKey.overall(Metric.REMEDIES);

    private static Tally sampled(long... values) {
        Tally tally = new Tally();
        for (long value : values) {
            tally.add(new Observation(SAMPLED, Instant.EPOCH, value));
        }
        return tally;
    }

    @Test
    void percentilesAreNearestRankAndExactBelow2048() {
        Tally tally = sampled(60, 300, 600);
        assertThat(tally.count()).isEqualTo(3);
        assertThat(tally.sum()).isEqualTo(960);
        assertThat(tally.median()).isEqualTo(300);
        assertThat(tally.p95()).isEqualTo(600);
    }

    @Test
    void largeValuesAreWithinATenthOfAPercent() {
        Tally tally = sampled(86_399, 7_200);
        assertThat(tally.p95()).isBetween(86_399 - 87L, 86_399L);
        assertThat(tally.median()).isEqualTo(7_200);
    }

    @Test
    void mergingTalliesEqualsTallyingEverything() {
        Tally merged = sampled(10, 20).merge(sampled(30, 40, 50));
        Tally all = sampled(10, 20, 30, 40, 50);
        assertThat(merged.count()).isEqualTo(all.count());
        assertThat(merged.sum()).isEqualTo(all.sum());
        assertThat(merged.median()).isEqualTo(all.median()).isEqualTo(30);
        assertThat(merged.p95()).isEqualTo(all.p95()).isEqualTo(50);
    }

    /** As the stores and the instances' internal endpoint keep it: JSON of its state (StateSerdes). */
    private static Tally throughItsState(Tally tally) {
        Serde<TallyState> serde = StateSerdes.json(TallyState.class);
        return Tally.of(serde.deserializer().deserialize("stats", serde.serializer().serialize("stats", tally.state())));
    }

    @Test
    void roundTripsThroughItsStateJson() {
        Tally tally = throughItsState(sampled(5, 1500, 2880));
        assertThat(tally.count()).isEqualTo(3);
        assertThat(tally.sum()).isEqualTo(4385);
        assertThat(tally.median()).isEqualTo(1500);
        assertThat(tally.p95()).isEqualTo(2880);
    }

    @Test
    void countedMetricsKeepNoDistribution() {
        Tally money = new Tally().add(new Observation(COUNTED, Instant.EPOCH, 12900)).add(new Observation(COUNTED, Instant.EPOCH, 0));
        Tally decoded = throughItsState(money);
        assertThat(decoded.count()).isEqualTo(2);
        assertThat(decoded.sum()).isEqualTo(12900);
        assertThat(decoded.median()).isNull();
        assertThat(decoded.state().histogram()).isNull();
        assertThat(new Tally().mean()).isNull();
        assertThat(Tally.of(null).count()).isZero();
    }

    @Test
    void statKeysRoundTripAndSortByBreakdown() {
        StatKey key = StatKey.of(Metric.COMPLAINTS, Dimension.MERCHANT, "M|1");
        assertThat(key.toString()).isEqualTo("complaints|merchant|M/1").startsWith(StatKey.prefix(Metric.COMPLAINTS, Dimension.MERCHANT));
        assertThat(StatKey.parse(key.toString())).isEqualTo(key);
        assertThat(StatKey.of(Metric.COMPLAINTS, Dimension.TEAM, null).value()).isEqualTo("UNKNOWN");
    }

    @Test
    void windowsAlignToTheEpochInUtc() {
        Instant at = Instant.parse("2026-11-23T08:17:42.500Z");
        assertThat(Granularity.MINUTE.windowStart(at)).isEqualTo(Instant.parse("2026-11-23T08:17:00Z"));
        assertThat(Granularity.HOUR.windowStart(at)).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        assertThat(Granularity.DAY.windowStart(at)).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    }
}
