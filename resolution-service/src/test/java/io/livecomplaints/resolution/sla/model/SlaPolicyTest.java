package io.livecomplaints.resolution.sla.model;

import static io.livecomplaints.resolution.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.Severity;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.resolution.cases.model.CaseOpening;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    private final SlaPolicy sla = policies().sla();

    private List<SlaClockStatus> clocksOf(ComplaintCase c) {
        return sla.openingClocks(c);
    }

    private ComplaintCase opened(io.livecomplaints.events.ComplaintTriaged t) {
        return CaseOpening.open(t, null, policies(), T0).result();
    }

    @Test
    void aMediumCaseIsDueIn48HoursAndWarned2HoursAhead() {
        SlaClockStatus resolution = SlaClocks.find(clocksOf(opened(triaged("C", T0).build())), SlaClock.RESOLUTION).orElseThrow();
        assertThat(resolution.getDueAt()).isEqualTo(T0.plus(Duration.ofHours(48)));
        assertThat(resolution.getWarnAt()).isEqualTo(T0.plus(Duration.ofHours(46)));
    }

    @Test
    void theFirstResponseIsTheDeadlineIntakePromisedWarnedAtAFifthOfItsSpan() {
        SlaClockStatus first = SlaClocks.find(clocksOf(opened(triaged("C", T0).build())), SlaClock.FIRST_RESPONSE).orElseThrow();
        assertThat(first.getDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(first.getWarnAt()).isEqualTo(T0.plus(Duration.ofMinutes(24)));
    }

    @Test
    void onlyComplexCasesOweAHandlingPlan() {
        assertThat(clocksOf(opened(triaged("C", T0).build()))).extracting(SlaClockStatus::getClock)
                .doesNotContain(SlaClock.HANDLING_PLAN);
        List<SlaClockStatus> high = clocksOf(opened(triaged("C", T0).setSeverity(Severity.HIGH).build()));
        assertThat(SlaClocks.find(high, SlaClock.HANDLING_PLAN).orElseThrow().getDueAt()).isEqualTo(T0.plus(Duration.ofHours(72)));
        assertThat(SlaClocks.find(high, SlaClock.RESOLUTION).orElseThrow().getDueAt()).isEqualTo(T0.plus(Duration.ofHours(120)));
    }

    @Test
    void regulatorAndSocialMediaComplaintsAreNeverSlowerThanTheirChannelLimit() {
        assertThat(sla.resolutionSpan(Severity.HIGH, Channel.REGULATOR)).isEqualTo(Duration.ofHours(24));
        assertThat(sla.resolutionSpan(Severity.MEDIUM, Channel.SOCIAL_MEDIA)).isEqualTo(Duration.ofHours(24));
        assertThat(sla.resolutionSpan(Severity.LOW, Channel.ORDER_PAGE)).isEqualTo(Duration.ofHours(24));
        assertThat(sla.resolutionSpan(Severity.MEDIUM, Channel.APP_CHAT)).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void theMerchantHas48Hours() {
        assertThat(sla.merchantClock(T0).getDueAt()).isEqualTo(T0.plus(Duration.ofHours(48)));
    }

    @Test
    void resumingMovesDeadlinesByTheWorkingTimeLeftAtThePause() {
        List<SlaClockStatus> clocks = clocksOf(opened(triaged("C", T0).build()));
        Instant paused = T0.plus(Duration.ofHours(10));
        Instant resumed = paused.plus(Duration.ofHours(30));
        List<SlaClockStatus> moved = SlaClocks.resume(clocks, paused, resumed, BusinessCalendar.ALWAYS_OPEN);
        assertThat(SlaClocks.find(moved, SlaClock.RESOLUTION).orElseThrow().getDueAt()).isEqualTo(T0.plus(Duration.ofHours(78)));
        assertThat(SlaClocks.find(moved, SlaClock.FIRST_RESPONSE).orElseThrow().getDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    }

    @Test
    void warningsNeverComeBeforeTheClockStarts() {
        WarningPolicy warning = new WarningPolicy(Duration.ofHours(2), 0.2);
        assertThat(warning.lead(Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(1));
        assertThat(warning.lead(Duration.ofHours(48))).isEqualTo(Duration.ofHours(2));
    }
}
