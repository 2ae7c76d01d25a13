package io.livecomplaints.resolution.cases;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.resolution.cases.model.AgentDirectory;
import io.livecomplaints.resolution.cases.model.AppealPolicy;
import io.livecomplaints.resolution.cases.model.CasePolicies;
import io.livecomplaints.resolution.cases.model.CaseSizeBound;
import io.livecomplaints.resolution.config.AgentsProperties;
import io.livecomplaints.resolution.config.AppealsProperties;
import io.livecomplaints.resolution.config.LimitsProperties;
import io.livecomplaints.resolution.config.ResolutionProperties;
import io.livecomplaints.resolution.fastpath.model.ExpressRefundPolicy;
import io.livecomplaints.resolution.fastpath.model.UserStanding;
import io.livecomplaints.resolution.remedies.model.AnchorPenaltyRules;
import io.livecomplaints.resolution.remedies.model.AuthorityLadder;
import io.livecomplaints.resolution.remedies.model.TierLimit;
import io.livecomplaints.resolution.retention.model.ReplayRetentionPolicy;
import io.livecomplaints.resolution.sla.model.BusinessCalendar;
import io.livecomplaints.resolution.sla.model.SlaCalendars;
import io.livecomplaints.resolution.sla.model.SlaPolicy;
import io.livecomplaints.resolution.sla.model.WarningPolicy;
import io.livecomplaints.schemas.rules.DecisionBasis;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Turns {@link ResolutionProperties} into the business rules' policies; provides the clock timers read. */
@Configuration(proxyBeanMethods = false)
public class CasePolicyConfiguration {

    @Bean
    CasePolicies casePolicies(ResolutionProperties p, DecisionBasis basis, LimitsProperties limits, AgentsProperties agents,
                              io.livecomplaints.resolution.config.AppealsProperties appeals) {
        return new CasePolicies(ladder(p), sla(p), expressRefund(p), new ReplayRetentionPolicy(p.replayRetention()),
                p.autoCloseAfter(), basis, new AnchorPenaltyRules(p.anchorPenaltyMaxDays()),
                new CaseSizeBound(limits.caseTextBudgetBytes(), limits.maxCaseBytes(), limits.maxEvidenceItems()),
                new AgentDirectory(agents.agents()), new io.livecomplaints.resolution.cases.model.AppealPolicy(appeals.window()));
    }

    /** The wall clock; tests replace it to move time instead of waiting. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    static AuthorityLadder ladder(ResolutionProperties p) {
        Map<AgentTier, TierLimit> limits = new EnumMap<>(AgentTier.class);
        p.ladder().forEach((tier, limit) -> limits.put(tier, limit.unlimited() ? TierLimit.UNLIMITED
                : new TierLimit(limit.refundFen() == null ? 0L : limit.refundFen(),
                limit.compensationFen() == null ? 0L : limit.compensationFen())));
        return new AuthorityLadder(limits);
    }

    static ExpressRefundPolicy expressRefund(ResolutionProperties p) {
        ResolutionProperties.ExpressRefund e = p.expressRefund();
        return new ExpressRefundPolicy(e.enabled(), e.maxAmountFen(), e.excludedTypes() == null ? Set.of() : e.excludedTypes(),
                new UserStanding(e.maxRejectedComplaints(), e.maxRefunds()));
    }

    static SlaPolicy sla(ResolutionProperties p) {
        ResolutionProperties.Sla s = p.sla();
        SlaCalendars calendars = SlaCalendars.calendarTime();
        if (s.teams() != null) {
            for (Map.Entry<String, ResolutionProperties.Team> team : s.teams().entrySet()) {
                if (team.getValue().businessCalendar()) {
                    calendars = calendars.withBusinessCalendar(team.getKey(), calendar(team.getValue().hours(), s.businessHours()));
                }
            }
        }
        return new SlaPolicy(s.plan(), s.resolution(), s.resolutionByChannel() == null ? Map.of() : s.resolutionByChannel(),
                p.merchantResponseTimeout(), new WarningPolicy(s.warningLead(), s.warningFraction()), calendars);
    }

    /** The team's own hours, each missing value taken from the shared business hours. */
    static BusinessCalendar calendar(ResolutionProperties.Calendar own, ResolutionProperties.Calendar shared) {
        ResolutionProperties.Calendar c = own == null ? shared : new ResolutionProperties.Calendar(
                or(own.zone(), shared.zone()), or(own.opens(), shared.opens()), or(own.closes(), shared.closes()),
                or(own.days(), shared.days()), or(own.holidays(), shared.holidays()));
        List<String> holidays = c.holidays() == null ? List.of() : c.holidays();
        return BusinessCalendar.of(ZoneId.of(c.zone()), LocalTime.parse(c.opens()), LocalTime.parse(c.closes()), c.days(),
                holidays.stream().map(LocalDate::parse).collect(Collectors.toSet()));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
