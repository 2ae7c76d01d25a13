package io.livecomplaints.analytics.corrections;

import io.livecomplaints.analytics.query.StatsQuery;
import io.livecomplaints.analytics.query.model.Period;
import io.livecomplaints.analytics.stats.model.Dimension;
import io.livecomplaints.analytics.stats.model.Metric;
import io.livecomplaints.analytics.web.StatsParameters;
import java.time.Instant;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/stats/corrections[?from=&to=]}: how often agents corrected triage: reclassifications per type
 * triage had given (misclassification per type) and per corrected type, transfers per team the case left, and
 * complaints the users withdrew (撤诉, counted apart from decided ones) per type.
 */
@RestController
@PreAuthorize("hasAnyRole('OPERATOR','SYSTEM')")
class CorrectionsController {

    record Corrections(Instant from, Instant to, long reclassifications, Map<String, Long> misclassifiedAs,
                       Map<String, Long> reclassifiedTo, long transfers, Map<String, Long> transfersFromTeam,
                       long withdrawn, Map<String, Long> withdrawnByType) {
    }

    private final StatsQuery stats;

    CorrectionsController(StatsQuery stats) {
        this.stats = stats;
    }

    @GetMapping("/api/v1/stats/corrections")
    Corrections corrections(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Period period = StatsParameters.period(from, to);
        Map<String, Long> to_ = new java.util.TreeMap<>();
        stats.counts(Metric.RECLASSIFICATIONS, Dimension.RESULT, period).forEach((k, v) -> to_.put(k.replaceFirst("^to:", ""), v));
        return new Corrections(from, to, stats.overall(Metric.RECLASSIFICATIONS, period).count(),
                stats.counts(Metric.RECLASSIFICATIONS, Dimension.TYPE, period), to_,
                stats.overall(Metric.TRANSFERS, period).count(), stats.counts(Metric.TRANSFERS, Dimension.TEAM, period),
                stats.overall(Metric.WITHDRAWN, period).count(), stats.counts(Metric.WITHDRAWN, Dimension.TYPE, period));
    }
}
