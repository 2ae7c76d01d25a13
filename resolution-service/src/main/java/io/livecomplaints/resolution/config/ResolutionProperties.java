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
 * {@code COMPLAINTS_RESOLUTION_LADDER_JUNIOR_REFUNDFEN=8000}). {@code anchorPenaltyMaxDays}: the longest traffic limit
 * or suspension an ANCHOR_PENALTY may impose.
 */
@ConfigurationProperties("complaints.resolution")
public record ResolutionProperties(Map<AgentTier, Limit> ladder, ExpressRefund expressRefund, Sla sla,
                                   Duration merchantResponseTimeout, Duration autoCloseAfter, Duration replayRetention,
                                   Duration timerInterval, Duration apiAwait, int anchorPenaltyMaxDays) {

    /** One tier's limits in fen; {@code unlimited} for the top of the ladder; a missing amount is 0 (none). */
    public record Limit(Long refundFen, Long compensationFen, boolean unlimited) {
    }

    /** 极速退款: enabled, largest amount, excluded types, and the user standing it requires. */
    public record ExpressRefund(boolean enabled, long maxAmountFen, Set<ComplaintType> excludedTypes,
                               int maxRejectedComplaints, int maxRefunds) {
    }

    /**
     * Deadlines: handling plan for complex cases, resolution per severity and the per-channel limit, warning lead
     * (at most {@code warningLead}, at most {@code warningFraction} of a clock's span). Every clock counts calendar
     * hours; a team listed under {@code teams} with {@code business-calendar: true} counts its plan and resolution
     * clocks in the working hours of {@code businessHours} (or its own {@code hours}).
     */
    public record Sla(Duration plan, Map<Severity, Duration> resolution, Map<Channel, Duration> resolutionByChannel,
                      Duration warningLead, double warningFraction, Calendar businessHours, Map<String, Team> teams) {
    }

    /** A team's choice: count business hours ({@code businessCalendar}), optionally its own {@code hours}. */
    public record Team(boolean businessCalendar, Calendar hours) {
    }

    /** Working hours (HH:mm, same day) on working days in a zone, minus holidays (yyyy-MM-dd). */
    public record Calendar(String zone, String opens, String closes, Set<DayOfWeek> days, List<String> holidays) {
    }
}
