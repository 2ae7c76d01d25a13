package io.livecomplaints.notification.channels.model;

/**
 * What happened when a channel tried to deliver a message: delivered, failed in a way worth retrying (provider
 * down, timeout, throttled, circuit open), or refused for good (the provider rejected the request itself).
 */
public record SendOutcome(Result result, String detail) {

    public enum Result { SENT, RETRY, REJECTED }

    public static SendOutcome sent() {
        return new SendOutcome(Result.SENT, null);
    }

    public static SendOutcome retry(String why) {
        return new SendOutcome(Result.RETRY, why);
    }

    public static SendOutcome rejected(String why) {
        return new SendOutcome(Result.REJECTED, why);
    }
}
