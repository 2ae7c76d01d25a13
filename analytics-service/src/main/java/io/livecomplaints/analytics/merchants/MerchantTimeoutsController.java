package io.livecomplaints.analytics.merchants;

import io.livecomplaints.analytics.merchants.model.MerchantTimeoutRate;
import io.livecomplaints.analytics.query.StatsQuery;
import io.livecomplaints.analytics.query.model.Period;
import io.livecomplaints.analytics.stats.model.Dimension;
import io.livecomplaints.analytics.stats.model.Metric;
import io.livecomplaints.analytics.web.StatsParameters;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/stats/merchants/timeouts[?from=&to=]}: merchant lateness apart from the platform's SLA figures:
 * per merchant, how many complaints it was asked to answer, how many it let time out, and the rate, highest first;
 * and the same over all merchants. The platform's breach rate ({@code /api/v1/stats/sla}) does not count them.
 */
@RestController
@PreAuthorize("hasAnyRole('OPERATOR','SYSTEM')")
class MerchantTimeoutsController {

    record MerchantTimeouts(Instant from, Instant to, MerchantTimeoutRate overall, List<MerchantTimeoutRate> merchants) {
    }

    private final StatsQuery stats;

    MerchantTimeoutsController(StatsQuery stats) {
        this.stats = stats;
    }

    @GetMapping("/api/v1/stats/merchants/timeouts")
    MerchantTimeouts timeouts(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Period period = StatsParameters.period(from, to);
        MerchantTimeoutRate overall = MerchantTimeoutRate.of(Dimension.EVERYTHING, stats.overall(Metric.MERCHANT_REQUESTS, period).count(),
                stats.overall(Metric.MERCHANT_TIMEOUTS, period).count());
        return new MerchantTimeouts(from, to, overall, MerchantTimeoutRate.rank(stats.counts(Metric.MERCHANT_REQUESTS, Dimension.MERCHANT, period),
                stats.counts(Metric.MERCHANT_TIMEOUTS, Dimension.MERCHANT, period)));
    }
}
