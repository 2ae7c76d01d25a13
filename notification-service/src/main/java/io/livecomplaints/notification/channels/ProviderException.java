package io.livecomplaints.notification.channels;

/** A provider call that failed; {@code retryable} when the provider may take it later (5xx, 429, timeout, no connection). */
public class ProviderException extends RuntimeException {

    private final boolean retryable;

    public ProviderException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
