package io.livecomplaints.resolution.config;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Severity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.resolution.*} in application.yml: DOMAIN.md's numbers for the resolution stage, each
 * overridable by environment variable (e.g. {@code COMPLAINTS_RESOLUTION_MERCHANTRESPONSETIMEOUT=24h},
 * {@code COMPLAINTS_RESOLUTION_LADDER_JUNIOR_REFUNDFEN=8000}).
 */
@ConfigurationProperties("complaints.resolution")
public record ResolutionProperties(Map<AgentTier, Limit> ladder, ExpressRefund expressRefund, Sla sla,
                                   Duration merchantResponseTimeout, Duration autoCloseAfter, Duration replayRetention,
                                   Duration timerInterval, Duration apiAwait) {

    /** One tier's limits in fen; {@code unlimited} for the top of the ladder; a missing amount is 0 (none). */
    public record Limit(Long refundFen, Long compensationFen, boolean unlimited) {
    }

    /** 极速退款: enabled, largest amount, excluded types, and the user standing it requires. */
    public record ExpressRefund(boolean enabled, long maxAmountFen, Set<ComplaintType> excludedTypes,
                               int maxRejectedComplaints, int maxRefunds) {
    }

    /**
     * Deadlines: handling plan for complex cases, resolution per severity and the per-channel limit, warning lead
     * (at most {@code warningLead}, at most {@code warningFraction} of a clock's span), the default business-hours
     * calendar and per-team calendars.
     */
    public record Sla(Duration plan, Map<Severity, Duration> resolution, Map<Channel, Duration> resolutionByChannel,
                      Duration warningLead, double warningFraction, Calendar calendar, Map<String, Calendar> teamCalendars) {
    }

    /** Working hours (HH:mm, same day) on working days in a zone, minus holidays (yyyy-MM-dd); or always open. */
    public record Calendar(String zone, String opens, String closes, Set<DayOfWeek> days, List<String> holidays,
                           boolean alwaysOpen) {
    }
}
