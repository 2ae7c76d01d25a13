package io.livecomplaints.intake.idempotency.model;

import java.util.Objects;

/**
 * A request that reuses an idempotency key is a retry of the complaint filed under that key only if its body is the
 * same (same fingerprint): then it gets that complaint back and nothing new is written. Another body under a used
 * key is a client error (422), never a second complaint.
 */
public final class RetryMatch {

    public enum Verdict { SAME_REQUEST, DIFFERENT_BODY }

    private RetryMatch() {
    }

    public static Verdict compare(String priorFingerprint, String retryFingerprint) {
        return Objects.equals(priorFingerprint, retryFingerprint) ? Verdict.SAME_REQUEST : Verdict.DIFFERENT_BODY;
    }
}
