package io.livecomplaints.intake.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.intake.rate-limit.*}: how many complaints may be filed per period by one user, from one IP
 * address (user tokens) and by one upstream system (SYSTEM tokens); and how many keys are tracked at most.
 */
@ConfigurationProperties("complaints.intake.rate-limit")
public record RateLimitProperties(Limit perUser, Limit perIp, Limit perSystem, int maxTrackedKeys) {

    /** {@code limit} requests per {@code period}. */
    public record Limit(int limit, Duration period) {
    }
}
