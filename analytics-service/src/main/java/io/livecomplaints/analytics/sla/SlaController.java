package io.livecomplaints.analytics.sla;

import io.livecomplaints.analytics.query.StatsQuery;
import io.livecomplaints.analytics.query.model.Period;
import io.livecomplaints.analytics.sla.model.SlaFigures;
import io.livecomplaints.analytics.stats.model.Dimension;
import io.livecomplaints.analytics.stats.model.Metric;
import io.livecomplaints.analytics.stats.model.Tally;
import io.livecomplaints.analytics.web.StatsParameters;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/stats/sla?by=type[&from=&to=]}: SLA figures per value of a breakdown (or overall with
 * {@code by=all}): breach rate, breaches, warnings, escalations, first-response and resolution time (median, p95).
 */
@RestController
@PreAuthorize("hasAnyRole('OPERATOR','SYSTEM')")
class SlaController {

    static final Set<Dimension> BREAKDOWNS = EnumSet.of(Dimension.ALL, Dimension.TYPE, Dimension.CHANNEL,
            Dimension.SEVERITY, Dimension.TEAM);

    record Sla(String by, Instant from, Instant to, Map<String, SlaFigures> figures) {
    }

    private final StatsQuery stats;

    SlaController(StatsQuery stats) {
        this.stats = stats;
    }

    @GetMapping("/api/v1/stats/sla")
    Sla sla(@RequestParam(defaultValue = "all") String by,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Dimension dimension = StatsParameters.dimension(by, BREAKDOWNS);
        Period period = StatsParameters.period(from, to);
        Map<Metric, Map<String, Tally>> tallies = new HashMap<>();
        Set<String> values = new TreeSet<>();
        for (Metric metric : new Metric[] {Metric.COMPLAINTS, Metric.BREACHED_COMPLAINTS, Metric.SLA_BREACHES,
                Metric.SLA_WARNINGS, Metric.ESCALATIONS, Metric.FIRST_RESPONSE, Metric.RESOLUTION}) {
            Map<String, Tally> breakdown = stats.breakdown(metric, dimension, period);
            tallies.put(metric, breakdown);
            values.addAll(breakdown.keySet());
        }
        Map<String, SlaFigures> figures = new TreeMap<>();
        for (String value : values) {
            figures.put(value, SlaFigures.of(get(tallies, Metric.COMPLAINTS, value), get(tallies, Metric.BREACHED_COMPLAINTS, value),
                    get(tallies, Metric.SLA_BREACHES, value), get(tallies, Metric.SLA_WARNINGS, value),
                    get(tallies, Metric.ESCALATIONS, value), get(tallies, Metric.FIRST_RESPONSE, value),
                    get(tallies, Metric.RESOLUTION, value)));
        }
        return new Sla(dimension.id(), from, to, figures);
    }

    private static Tally get(Map<Metric, Map<String, Tally>> tallies, Metric metric, String value) {
        return tallies.get(metric).getOrDefault(value, new Tally());
    }
}
