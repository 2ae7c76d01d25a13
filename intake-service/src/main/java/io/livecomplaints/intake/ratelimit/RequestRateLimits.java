package io.livecomplaints.intake.ratelimit;

import io.livecomplaints.intake.ratelimit.model.RetryAfter;
import io.livecomplaints.support.limits.KeyedRateLimiters;
import io.livecomplaints.support.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Per-user, per-IP and per-system limits on filing complaints (429 with Retry-After beyond them). A user's request
 * counts against the user and the IP address; a system's against the system and the user it files for.
 */
@Component
public class RequestRateLimits {

    private final KeyedRateLimiters users;
    private final KeyedRateLimiters ips;
    private final KeyedRateLimiters systems;

    public RequestRateLimits(RateLimitProperties properties) {
        users = limiters("for this user", properties.perUser(), properties.maxTrackedKeys());
        ips = limiters("from this IP address", properties.perIp(), properties.maxTrackedKeys());
        systems = limiters("by this system", properties.perSystem(), properties.maxTrackedKeys());
    }

    /** The caller may file now (a system's user is checked separately with {@link #admitUser}). */
    public void admit(Caller caller, String remoteAddress) {
        if (caller.isSystem()) {
            acquire(systems, caller.id());
            return;
        }
        acquire(ips, remoteAddress);
        acquire(users, caller.id());
    }

    /** A complaint for this user may be filed now. */
    public void admitUser(String userId) {
        acquire(users, userId);
    }

    private static KeyedRateLimiters limiters(String what, RateLimitProperties.Limit limit, int maxKeys) {
        return new KeyedRateLimiters(what, limit.limit(), limit.period(), maxKeys);
    }

    /** Takes one permission for the key, or throws {@link RateLimitedException} with the time until the next one. */
    private static void acquire(KeyedRateLimiters limiters, String key) {
        limiters.acquire(key).ifPresent(wait -> {
            throw new RateLimitedException(limiters.name(), RetryAfter.seconds(wait));
        });
    }
}
