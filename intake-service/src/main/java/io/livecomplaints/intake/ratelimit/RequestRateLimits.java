package io.livecomplaints.intake.ratelimit;

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
        users = new KeyedRateLimiters("for this user", properties.perUser(), properties.maxTrackedKeys());
        ips = new KeyedRateLimiters("from this IP address", properties.perIp(), properties.maxTrackedKeys());
        systems = new KeyedRateLimiters("by this system", properties.perSystem(), properties.maxTrackedKeys());
    }

    /** The caller may file now (a system's user is checked separately with {@link #admitUser}). */
    public void admit(Caller caller, String remoteAddress) {
        if (caller.isSystem()) {
            systems.acquire(caller.id());
            return;
        }
        ips.acquire(remoteAddress);
        users.acquire(caller.id());
    }

    /** A complaint for this user may be filed now. */
    public void admitUser(String userId) {
        users.acquire(userId);
    }
}
