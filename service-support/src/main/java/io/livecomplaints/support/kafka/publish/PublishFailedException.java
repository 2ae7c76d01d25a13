package io.livecomplaints.support.kafka.publish;

import io.livecomplaints.support.web.ApiProblem;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A record could not be durably written (Kafka did not acknowledge it within the publisher's timeout, or refused it):
 * nothing may be acknowledged to the caller. The shared web advice answers it with {@link #answer()}: 503 with
 * Retry-After, in the words the publisher was given ({@link DurablePublisher#answeringFailuresWith}). The message is
 * for the log, not for the client.
 */
public class PublishFailedException extends RuntimeException {

    private final String title;
    private final String detail;
    private final Duration retryAfter;

    PublishFailedException(String message, Throwable cause, String title, String detail, Duration retryAfter) {
        super(message, cause);
        this.title = title;
        this.detail = detail;
        this.retryAfter = retryAfter;
    }

    /** What the client is told: 503, the publisher's title and detail, Retry-After. */
    public ApiProblem answer() {
        return ApiProblem.unavailable(title, detail).retryAfter(Math.max(1, retryAfter.toSeconds()));
    }
}
