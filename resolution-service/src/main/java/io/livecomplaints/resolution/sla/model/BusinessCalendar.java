package io.livecomplaints.resolution.sla.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When SLA clocks run: working hours on working days in a time zone, minus holidays. A clock measured in business
 * time stands still outside them, so "48 h" means 48 working hours. {@link #ALWAYS_OPEN} runs around the clock.
 */
public final class BusinessCalendar {

    /** A calendar without closed hours (24×7): business time equals elapsed time. */
    public static final BusinessCalendar ALWAYS_OPEN = new BusinessCalendar(ZoneId.of("UTC"), LocalTime.MIDNIGHT,
            LocalTime.MIDNIGHT, Set.of(DayOfWeek.values()), Set.of(), true);

    // guards against calendars that never open (no working day outside holidays for years)
    private static final int MAX_DAYS_SCANNED = 3 * 366;

    private final ZoneId zone;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<DayOfWeek> workingDays;
    private final Set<LocalDate> holidays;
    private final boolean alwaysOpen;

    private BusinessCalendar(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> workingDays,
                             Set<LocalDate> holidays, boolean alwaysOpen) {
        this.zone = zone;
        this.opens = opens;
        this.closes = closes;
        this.workingDays = Set.copyOf(workingDays);
        this.holidays = Set.copyOf(holidays);
        this.alwaysOpen = alwaysOpen;
    }

    /** Working hours {@code opens}–{@code closes} (same day, opens before closes) on the given days, except holidays. */
    public static BusinessCalendar of(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> workingDays,
                                      Set<LocalDate> holidays) {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("a working day must open before it closes: " + opens + "–" + closes);
        }
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs at least one working day");
        }
        return new BusinessCalendar(zone, opens, closes, workingDays, holidays, false);
    }

    /** The instant at which {@code businessTime} of working time has passed after {@code start}. */
    public Instant plus(Instant start, Duration businessTime) {
        if (alwaysOpen || businessTime.isZero() || businessTime.isNegative()) {
            return alwaysOpen ? start.plus(businessTime) : start;
        }
        Duration remaining = businessTime;
        ZonedDateTime at = start.atZone(zone);
        for (int day = 0; day < MAX_DAYS_SCANNED; day++) {
            LocalDate date = at.toLocalDate();
            if (isWorkingDay(date)) {
                ZonedDateTime open = date.atTime(opens).atZone(zone);
                ZonedDateTime close = date.atTime(closes).atZone(zone);
                ZonedDateTime from = at.isBefore(open) ? open : at;
                if (from.isBefore(close)) {
                    Duration available = Duration.between(from, close);
                    if (remaining.compareTo(available) <= 0) {
                        return from.plus(remaining).toInstant();
                    }
                    remaining = remaining.minus(available);
                }
            }
            at = date.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("the calendar has no working time in " + MAX_DAYS_SCANNED + " days");
    }

    /** Working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (alwaysOpen) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        ZonedDateTime at = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        while (at.isBefore(end)) {
            LocalDate date = at.toLocalDate();
            if (isWorkingDay(date)) {
                ZonedDateTime open = date.atTime(opens).atZone(zone);
                ZonedDateTime close = date.atTime(closes).atZone(zone);
                ZonedDateTime a = at.isBefore(open) ? open : at;
                ZonedDateTime b = end.isBefore(close) ? end : close;
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
            at = date.plusDays(1).atStartOfDay(zone);
        }
        return total;
    }

    private boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }
}
