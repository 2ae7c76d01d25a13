package io.livecomplaints.analytics.remedies;

import io.livecomplaints.analytics.query.StatsQuery;
import io.livecomplaints.analytics.query.model.Period;
import io.livecomplaints.analytics.remedies.model.RemedySummary;
import io.livecomplaints.analytics.stats.model.Dimension;
import io.livecomplaints.analytics.stats.model.Metric;
import io.livecomplaints.analytics.web.StatsParameters;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/stats/remedies[?from=&to=]}: remedies granted (count and money) and liable-party shares. */
@RestController
@PreAuthorize("hasAnyRole('OPERATOR','SYSTEM')")
class RemediesController {

    private final StatsQuery stats;

    RemediesController(StatsQuery stats) {
        this.stats = stats;
    }

    @GetMapping("/api/v1/stats/remedies")
    RemedySummary remedies(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Period period = StatsParameters.period(from, to);
        return RemedySummary.of(stats.breakdown(Metric.REMEDIES, Dimension.ALL, period),
                stats.breakdown(Metric.REMEDIES, Dimension.REMEDY, period),
                stats.breakdown(Metric.LIABILITY, Dimension.LIABLE_PARTY, period));
    }
}
