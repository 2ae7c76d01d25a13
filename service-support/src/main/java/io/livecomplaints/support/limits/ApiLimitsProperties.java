package io.livecomplaints.support.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.api.*}: the request size cap and the per-caller rate limit every service's API has (defaults
 * in service-defaults.properties; env e.g. {@code COMPLAINTS_API_RATELIMIT_LIMIT=100000} for benchmarks).
 *
 * @param requestMaxBytes  bodies announced larger are refused with 413
 */
@ConfigurationProperties("complaints.api")
public record ApiLimitsProperties(long requestMaxBytes, RateLimit rateLimit) {

    /** {@code limit} requests per {@code period} per caller (token subject, else client IP); off if not enabled. */
    public record RateLimit(boolean enabled, int limit, Duration period, int maxTrackedKeys) {
    }
}
