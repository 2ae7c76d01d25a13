package io.livecomplaints.intake.submission;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.intake.idempotency.model.RetryMatch;
import io.livecomplaints.intake.receipts.ReceivedComplaints;
import io.livecomplaints.support.web.ApiProblem;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Files a complaint under an idempotency scope at most once. Requests with the same scope are serialized by an
 * in-process lock (striped, so memory stays bounded), and each looks for an earlier complaint under the scope in the
 * received-complaints record (Kafka-backed, survives restarts) before writing. Across instances the record is shared
 * through {@code complaints-received}; the window in which two instances can both write is documented in
 * docs/intake-service.md, and even then both events carry the same complaint id.
 */
@Component
public class IdempotentFiling {

    private static final int STRIPES = 1024;

    private final ReceivedComplaints received;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public IdempotentFiling(ReceivedComplaints received) {
        this.received = received;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The complaint filed under the scope: the earlier one if this is a retry, else the one {@code fileNew} writes. */
    public Filing file(String scope, String fingerprint, Supplier<ComplaintReceived> fileNew) {
        ReentrantLock lock = locks[Math.floorMod(scope.hashCode(), STRIPES)];
        lock.lock();
        try {
            Optional<ComplaintReceived> earlier = received.byScope(scope);
            if (earlier.isPresent()) {
                if (RetryMatch.compare(earlier.get().getRequestFingerprint(), fingerprint) == RetryMatch.Verdict.DIFFERENT_BODY) {
                    throw new IdempotencyConflictException(earlier.get().getEnvelope().getComplaintId());
                }
                return new Filing(earlier.get(), true);
            }
            return new Filing(fileNew.get(), false);
        } finally {
            lock.unlock();
        }
    }

    /** The complaint and whether it was filed by an earlier request (nothing was written now). */
    public record Filing(ComplaintReceived complaint, boolean replayed) {
    }

    /** The key was used before for another request body: 422 naming the complaint it filed. */
    public static class IdempotencyConflictException extends ApiProblem {
        private final String complaintId;

        IdempotencyConflictException(String complaintId) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", "This Idempotency-Key was already used for complaint "
                    + complaintId + " with another request body; use a new key for a new complaint.");
            with("complaintId", complaintId);
            this.complaintId = complaintId;
        }

        public String complaintId() {
            return complaintId;
        }
    }
}
