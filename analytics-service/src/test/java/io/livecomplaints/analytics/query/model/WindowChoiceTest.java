package io.livecomplaints.analytics.query.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livecomplaints.analytics.stats.model.Granularity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowChoiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:17:00Z");
    private static final Map<Granularity, Duration> RETENTION = Map.of(Granularity.MINUTE, Duration.ofDays(2),
            Granularity.HOUR, Duration.ofDays(35), Granularity.DAY, Duration.ofDays(400));

    private static WindowChoice.Plan plan(String from, String to) {
        return WindowChoice.plan(new Period(Instant.parse(from), Instant.parse(to)), RETENTION, NOW);
    }

    @Test
    void usesTheCoarsestWindowsThatFitExactly() {
        assertThat(plan("2026-11-01T00:00:00Z", "2026-11-08T00:00:00Z").granularity()).isEqualTo(Granularity.DAY);
        assertThat(plan("2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z").granularity()).isEqualTo(Granularity.HOUR);
        assertThat(plan("2026-11-23T08:01:00Z", "2026-11-23T08:16:00Z").granularity()).isEqualTo(Granularity.MINUTE);
    }

    @Test
    void roundsOutwardWithTheFinestWindowsStillKept() {
        WindowChoice.Plan recent = plan("2026-11-23T08:01:30Z", "2026-11-23T08:02:10Z");
        assertThat(recent).isEqualTo(new WindowChoice.Plan(Granularity.MINUTE, Instant.parse("2026-11-23T08:01:00Z"),
                Instant.parse("2026-11-23T08:03:00Z")));
        // minute windows are gone after 2 days: hours
        WindowChoice.Plan older = plan("2026-11-10T10:30:00Z", "2026-11-10T12:15:00Z");
        assertThat(older).isEqualTo(new WindowChoice.Plan(Granularity.HOUR, Instant.parse("2026-11-10T10:00:00Z"),
                Instant.parse("2026-11-10T13:00:00Z")));
    }

    @Test
    void aPeriodOlderThanEveryRetentionIsRefused() {
        assertThatThrownBy(() -> plan("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("older");
    }

    @Test
    void thePreviousPeriodHasTheSameLength() {
        Period period = new Period(Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T12:00:00Z"));
        assertThat(period.previous()).isEqualTo(new Period(Instant.parse("2026-11-20T08:00:00Z"), Instant.parse("2026-11-20T10:00:00Z")));
    }
}
