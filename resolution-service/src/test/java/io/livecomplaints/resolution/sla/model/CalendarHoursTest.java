package io.livecomplaints.resolution.sla.model;

import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.Severity;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.resolution.cases.model.CaseOpening;
import io.livecomplaints.resolution.cases.model.CasePolicies;
import io.livecomplaints.resolution.support.Fixtures;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hours are calendar hours (普通投诉24小时内回复, 复杂投诉72小时内给出处理方案, 中级问题48小时内处理): by default every
 * clock counts around the clock; a team may opt in to business hours for its plan and resolution clocks.
 */
class CalendarHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 23:00 Shanghai time, after the 09:00–21:00 working day. */
    private static final Instant AT_23_SHANGHAI = ZonedDateTime.of(2026, 3, 2, 23, 0, 0, 0, SHANGHAI).toInstant();
    private static final BusinessCalendar DAYS_ONLY = BusinessCalendar.of(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(21, 0),
            EnumSet.allOf(DayOfWeek.class), Set.of());

    private static SlaPolicy policy(SlaCalendars calendars) {
        return new SlaPolicy(Duration.ofHours(72),
                Map.of(Severity.LOW, Duration.ofHours(24), Severity.MEDIUM, Duration.ofHours(48), Severity.HIGH, Duration.ofHours(120)),
                Map.of(Channel.REGULATOR, Duration.ofHours(24), Channel.SOCIAL_MEDIA, Duration.ofHours(24)),
                Duration.ofHours(48), new WarningPolicy(Duration.ofHours(2), 0.2), calendars);
    }

    private static List<SlaClockStatus> clocks(SlaPolicy sla, ComplaintTriaged t) {
        CasePolicies base = Fixtures.policies();
        CasePolicies policies = new CasePolicies(base.ladder(), sla, base.expressRefund(), base.replayRetention(), base.autoCloseAfter());
        ComplaintCase opened = CaseOpening.open(t, null, policies, AT_23_SHANGHAI).result();
        return opened.getSlaClocks();
    }

    private static Instant due(List<SlaClockStatus> clocks, SlaClock clock) {
        return SlaClocks.find(clocks, clock).orElseThrow().getDueAt();
    }

    private static Instant shanghai(int day, int hour) {
        return ZonedDateTime.of(2026, 3, day, hour, 0, 0, 0, SHANGHAI).toInstant();
    }

    @Test
    void aHighComplaintFiledAt23ShanghaiCountsCalendarHoursOnEveryClock() {
        SlaPolicy sla = policy(SlaCalendars.calendarTime());
        List<SlaClockStatus> high = clocks(sla, triaged("C-high", AT_23_SHANGHAI).setSeverity(Severity.HIGH).build());

        assertThat(due(high, SlaClock.FIRST_RESPONSE)).isEqualTo(AT_23_SHANGHAI.plus(Duration.ofMinutes(30)));
        assertThat(due(high, SlaClock.HANDLING_PLAN)).isEqualTo(shanghai(5, 23));   // 72 h later, not 6 working days
        assertThat(due(high, SlaClock.RESOLUTION)).isEqualTo(shanghai(7, 23));      // 120 h later, not 10 working days
        assertThat(sla.merchantClock(AT_23_SHANGHAI).getDueAt()).isEqualTo(shanghai(4, 23));
    }

    @Test
    void aMediumComplaintIsDue48CalendarHoursLaterAndARegulatorOne24() {
        SlaPolicy sla = policy(SlaCalendars.calendarTime());
        List<SlaClockStatus> medium = clocks(sla, triaged("C-medium", AT_23_SHANGHAI).build());
        assertThat(due(medium, SlaClock.RESOLUTION)).isEqualTo(shanghai(4, 23));
        assertThat(SlaClocks.find(medium, SlaClock.RESOLUTION).orElseThrow().getWarnAt()).isEqualTo(shanghai(4, 21));

        ComplaintTriaged.Builder regulator = triaged("C-12315", AT_23_SHANGHAI).setSeverity(Severity.HIGH);
        regulator.getComplaint().setChannel(Channel.REGULATOR);
        assertThat(due(clocks(sla, regulator.build()), SlaClock.RESOLUTION)).isEqualTo(shanghai(3, 23)); // not two days
    }

    @Test
    void aTeamThatOptsInToBusinessHoursCountsWorkingHoursForPlanAndResolutionOnly() {
        SlaPolicy sla = policy(SlaCalendars.calendarTime().withBusinessCalendar(Fixtures.TEAM, DAYS_ONLY));
        List<SlaClockStatus> high = clocks(sla, triaged("C-high", AT_23_SHANGHAI).setSeverity(Severity.HIGH).build());
        List<SlaClockStatus> medium = clocks(sla, triaged("C-medium", AT_23_SHANGHAI).build());

        assertThat(due(high, SlaClock.HANDLING_PLAN)).isEqualTo(shanghai(8, 21));   // 72 working hours: 6 days of 12 h
        assertThat(due(high, SlaClock.RESOLUTION)).isEqualTo(shanghai(12, 21));     // 120 working hours: 10 days
        assertThat(due(medium, SlaClock.RESOLUTION)).isEqualTo(shanghai(6, 21));    // 48 working hours: 4 days
        assertThat(due(high, SlaClock.FIRST_RESPONSE)).isEqualTo(AT_23_SHANGHAI.plus(Duration.ofMinutes(30))); // intake's promise
        assertThat(sla.merchantClock(AT_23_SHANGHAI).getDueAt()).isEqualTo(shanghai(4, 23));                 // the merchant's 48 h

        ComplaintTriaged.Builder otherTeam = triaged("C-logistics", AT_23_SHANGHAI).setTeam("logistics");
        assertThat(due(clocks(sla, otherTeam.build()), SlaClock.RESOLUTION)).isEqualTo(shanghai(4, 23)); // others: calendar
    }

    @Test
    void onlyTeamsThatOptInCountBusinessHours() {
        SlaCalendars calendars = SlaCalendars.calendarTime().withBusinessCalendar("logistics", DAYS_ONLY);
        assertThat(calendars.countsBusinessHours("logistics")).isTrue();
        assertThat(calendars.countsBusinessHours("after-sales")).isFalse();
        assertThat(calendars.forTeam("after-sales")).isSameAs(BusinessCalendar.ALWAYS_OPEN);
    }
}
