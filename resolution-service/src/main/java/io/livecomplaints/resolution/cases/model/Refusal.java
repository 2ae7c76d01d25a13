package io.livecomplaints.resolution.cases.model;

/**
 * Why a command was not applied. The API answers with the matching status (409 for an illegal transition or a stale
 * version, 403 when the actor lacks the authority, 400 for an incomplete command, 409 when the case has reached its
 * size bound); the case processor records it on the case's timeline.
 */
public record Refusal(Kind kind, String reason) {

    public enum Kind { ILLEGAL_TRANSITION, STALE_VERSION, FORBIDDEN, INVALID, CASE_FULL }

    public static Refusal illegal(String reason) {
        return new Refusal(Kind.ILLEGAL_TRANSITION, reason);
    }

    public static Refusal forbidden(String reason) {
        return new Refusal(Kind.FORBIDDEN, reason);
    }

    public static Refusal invalid(String reason) {
        return new Refusal(Kind.INVALID, reason);
    }

    public static Refusal caseFull(String reason) {
        return new Refusal(Kind.CASE_FULL, reason);
    }
}
