package io.livecomplaints.intake.ratelimit;

import io.livecomplaints.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** Too many requests for one user, IP address or system: 429 with Retry-After the given seconds. */
public class RateLimitedException extends ApiProblem {

    RateLimitedException(String what, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many complaints",
                "too many complaints filed " + what + "; retry in " + retryAfterSeconds + " s");
        retryAfter(retryAfterSeconds);
    }
}
