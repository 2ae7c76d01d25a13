package io.livecomplaints.resolution.sla.model;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.Severity;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.resolution.regulator.model.RegulatorDeadlineCap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The deadlines of a case (DOMAIN.md's SLA table). Hours are calendar hours, as the user lives them. First response:
 * the deadline intake promised (calendar time). Handling plan (complex cases only) and resolution: from when the
 * complaint was received, in calendar time, or in working time for a team that opted in to a business calendar
 * ({@link SlaCalendars}); resolution per severity, shortened by a per-channel limit (regulator and social-media
 * complaints carry public-opinion risk). Merchant answer: calendar time from the request.
 */
public final class SlaPolicy {

    private final Duration plan;
    private final Map<Severity, Duration> resolutionBySeverity;
    private final Map<Channel, Duration> resolutionByChannel;
    private final Duration merchantResponse;
    private final WarningPolicy warning;
    private final BusinessCalendar defaultCalendar;
    private final Map<String, BusinessCalendar> teamCalendars;

    public SlaPolicy(Duration plan, Map<Severity, Duration> resolutionBySeverity, Map<Channel, Duration> resolutionByChannel,
                     Duration merchantResponse, WarningPolicy warning, BusinessCalendar defaultCalendar,
                     Map<String, BusinessCalendar> teamCalendars) {
        for (Severity severity : Severity.values()) {
            if (!resolutionBySeverity.containsKey(severity)) {
                throw new IllegalArgumentException("no resolution deadline for severity " + severity);
            }
        }
        this.plan = plan;
        this.resolutionBySeverity = new EnumMap<>(resolutionBySeverity);
        this.resolutionByChannel = resolutionByChannel.isEmpty() ? Map.of() : new EnumMap<>(resolutionByChannel);
        this.merchantResponse = merchantResponse;
        this.warning = warning;
        this.defaultCalendar = defaultCalendar;
        this.teamCalendars = Map.copyOf(teamCalendars);
    }

    /** Every team counts calendar time, except the teams {@code calendars} gives a business calendar. */
    public SlaPolicy(Duration plan, Map<Severity, Duration> resolutionBySeverity, Map<Channel, Duration> resolutionByChannel,
                     Duration merchantResponse, WarningPolicy warning, SlaCalendars calendars) {
        this(plan, resolutionBySeverity, resolutionByChannel, merchantResponse, warning, BusinessCalendar.ALWAYS_OPEN,
                calendars.teams());
    }

    public BusinessCalendar calendarFor(String team) {
        return teamCalendars.getOrDefault(team, defaultCalendar);
    }

    /** The clocks a new case starts with. */
    public List<SlaClockStatus> openingClocks(ComplaintCase c) {
        List<SlaClockStatus> clocks = new ArrayList<>();
        Instant received = c.getReceivedAt();
        Instant firstDue = c.getFirstResponseDueAt();
        Duration firstSpan = Duration.between(received, firstDue);
        clocks.add(status(SlaClock.FIRST_RESPONSE, firstDue, firstDue.minus(warning.lead(firstSpan.isNegative() ? Duration.ZERO : firstSpan))));
        if (ComplexCasePolicy.isComplex(c)) {
            clocks.add(businessClock(SlaClock.HANDLING_PLAN, c.getTeam(), received, plan));
        }
        clocks.add(resolutionClock(c, received));
        // a regulator's ticket: no deadline of the case after the regulator's
        return RegulatorDeadlineCap.cap(clocks, RegulatorDeadlineCap.deadline(c.getRegulatorTicket()), received);
    }

    /** The resolution clock started at {@code start} (at opening, or again when the user disputes the result). */
    public SlaClockStatus resolutionClock(ComplaintCase c, Instant start) {
        return RegulatorDeadlineCap.cap(businessClock(SlaClock.RESOLUTION, c.getTeam(), start, resolutionSpan(c.getSeverity(), c.getChannel())),
                RegulatorDeadlineCap.deadline(c.getRegulatorTicket()), start);
    }

    /** The merchant's answer to a request made at {@code requestedAt} (超时自动同意 at the deadline). */
    public SlaClockStatus merchantClock(Instant requestedAt) {
        Instant due = requestedAt.plus(merchantResponse);
        return status(SlaClock.MERCHANT_RESPONSE, due, due.minus(warning.lead(merchantResponse)));
    }

    public Duration resolutionSpan(Severity severity, Channel channel) {
        Duration bySeverity = resolutionBySeverity.get(severity);
        Duration byChannel = resolutionByChannel.get(channel);
        return byChannel != null && byChannel.compareTo(bySeverity) < 0 ? byChannel : bySeverity;
    }

    private SlaClockStatus businessClock(SlaClock clock, String team, Instant start, Duration span) {
        BusinessCalendar calendar = calendarFor(team);
        return status(clock, calendar.plus(start, span), calendar.plus(start, span.minus(warning.lead(span))));
    }

    private static SlaClockStatus status(SlaClock clock, Instant due, Instant warnAt) {
        return SlaClockStatus.newBuilder().setClock(clock).setDueAt(due).setWarnAt(warnAt).build();
    }
}
