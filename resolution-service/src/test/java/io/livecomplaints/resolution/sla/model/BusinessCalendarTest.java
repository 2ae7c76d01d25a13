package io.livecomplaints.resolution.sla.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Working hours 09:00–21:00 Shanghai, Monday to Friday, 2026-05-01 a holiday. */
class BusinessCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final BusinessCalendar calendar = BusinessCalendar.of(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(21, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.of(2026, 5, 1)));

    private static Instant sh(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void timeWithinTheWorkingDayAddsUp() {
        assertThat(calendar.plus(sh("2026-04-27T10:00"), Duration.ofHours(3))).isEqualTo(sh("2026-04-27T13:00"));
    }

    @Test
    void theClockStandsStillOvernight() {
        // Monday 19:00 + 4 working hours = 2 h on Monday + 2 h on Tuesday from 09:00
        assertThat(calendar.plus(sh("2026-04-27T19:00"), Duration.ofHours(4))).isEqualTo(sh("2026-04-28T11:00"));
    }

    @Test
    void aComplaintAtNightStartsCountingAtOpening() {
        assertThat(calendar.plus(sh("2026-04-28T02:00"), Duration.ofMinutes(30))).isEqualTo(sh("2026-04-28T09:30"));
    }

    @Test
    void weekendsAndHolidaysDoNotCount() {
        // Thursday 2026-04-30 20:00 + 2 h: 1 h Thursday, Friday 05-01 is a holiday, the weekend too → Monday 10:00
        assertThat(calendar.plus(sh("2026-04-30T20:00"), Duration.ofHours(2))).isEqualTo(sh("2026-05-04T10:00"));
    }

    @Test
    void fortyEightWorkingHoursAreFourWorkingDays() {
        assertThat(calendar.plus(sh("2026-04-27T09:00"), Duration.ofHours(48))).isEqualTo(sh("2026-04-30T21:00"));
    }

    @Test
    void betweenCountsOnlyWorkingTime() {
        assertThat(calendar.between(sh("2026-04-27T19:00"), sh("2026-04-28T11:00"))).isEqualTo(Duration.ofHours(4));
        assertThat(calendar.between(sh("2026-04-30T20:00"), sh("2026-05-04T10:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(calendar.between(sh("2026-04-28T11:00"), sh("2026-04-27T19:00"))).isZero();
    }

    @Test
    void plusAndBetweenAgree() {
        Instant start = sh("2026-04-29T17:23");
        for (int hours : new int[] {1, 5, 13, 30, 72}) {
            Instant end = calendar.plus(start, Duration.ofHours(hours));
            assertThat(calendar.between(start, end)).isEqualTo(Duration.ofHours(hours));
        }
    }

    @Test
    void alwaysOpenIsElapsedTime() {
        Instant start = sh("2026-05-01T23:00");
        assertThat(BusinessCalendar.ALWAYS_OPEN.plus(start, Duration.ofHours(48))).isEqualTo(start.plus(Duration.ofHours(48)));
    }

    @Test
    void aCalendarMustOpen() {
        assertThatThrownBy(() -> BusinessCalendar.of(SHANGHAI, LocalTime.of(21, 0), LocalTime.of(9, 0), Set.of(DayOfWeek.MONDAY), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessCalendar.of(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(21, 0), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
