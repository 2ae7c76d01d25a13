package io.livecomplaints.support.limits;

import java.io.IOException;

/** Thrown while reading a request body past the cap; the API answers 413 (web.ApiProblemAdvice). */
public class BodyTooLargeException extends IOException {

    private final long maxBytes;

    public BodyTooLargeException(long maxBytes) {
        super("request body over " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
