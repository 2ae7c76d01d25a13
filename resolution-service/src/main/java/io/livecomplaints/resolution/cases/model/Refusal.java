package io.livecomplaints.resolution.cases.model;

/**
 * Why a command was not applied. The API answers with the matching status (409 for an illegal transition or a stale
 * version or a correction that changes nothing, 403 when the actor lacks the authority, 400 for an incomplete command); the case processor records it on
 * the case's timeline.
 */
public record Refusal(Kind kind, String reason) {

    public enum Kind { ILLEGAL_TRANSITION, STALE_VERSION, FORBIDDEN, INVALID, NO_CHANGE }

    public static Refusal illegal(String reason) {
        return new Refusal(Kind.ILLEGAL_TRANSITION, reason);
    }

    public static Refusal forbidden(String reason) {
        return new Refusal(Kind.FORBIDDEN, reason);
    }

    /** A transfer to the team the case is in, a reclassification to the type it has: 409. */
    public static Refusal noChange(String reason) {
        return new Refusal(Kind.NO_CHANGE, reason);
    }

    public static Refusal invalid(String reason) {
        return new Refusal(Kind.INVALID, reason);
    }
}
