package io.livecomplaints.intake.ratelimit;

/** Too many requests for one user, IP address or system; retry after the given seconds. */
public class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    RateLimitedException(String what, long retryAfterSeconds) {
        super("too many complaints filed " + what + "; retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
