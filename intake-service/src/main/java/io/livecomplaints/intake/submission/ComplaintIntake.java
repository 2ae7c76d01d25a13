package io.livecomplaints.intake.submission;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.intake.enrichment.StoreUpstreamLookup;
import io.livecomplaints.intake.idempotency.model.IdempotencyKey;
import io.livecomplaints.intake.idempotency.model.RequestFingerprint;
import io.livecomplaints.intake.kafka.IntakeQueries;
import io.livecomplaints.intake.receipts.ReceivedComplaints;
import io.livecomplaints.intake.validation.model.ComplaintDraft;
import io.livecomplaints.intake.submission.model.ComplaintIds;
import io.livecomplaints.intake.submission.model.Filer;
import io.livecomplaints.intake.validation.model.NewComplaint;
import io.livecomplaints.intake.submission.model.Reception;
import io.livecomplaints.intake.validation.model.ComplaintValidator;
import io.livecomplaints.intake.validation.model.FieldViolation;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.support.kafka.publish.DurablePublisher;
import io.livecomplaints.support.tracing.HopTracing;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Filing a complaint through the API: validate (every bad field at once), then, once per idempotency key, receive it
 * (id, enrichment, promised deadline), write it durably and remember it for retries and reads.
 */
@Service
public class ComplaintIntake {

    public static final String IDEMPOTENCY_KEY_FIELD = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(ComplaintIntake.class);

    private final ComplaintValidator validator;
    private final Reception reception;
    private final DurablePublisher publisher;
    private final String complaintsReceived;
    private final ReceivedComplaints received;
    private final IdempotentFiling idempotent;
    private final StoreUpstreamLookup upstream;
    private final Clock clock;

    ComplaintIntake(ComplaintValidator validator, Reception reception, DurablePublisher publisher, Topics topics,
                    ReceivedComplaints received, IdempotentFiling idempotent, IntakeQueries queries, Clock clock) {
        this.validator = validator;
        this.reception = reception;
        this.publisher = publisher.answeringFailuresWith("Intake unavailable",
                "The complaint could not be recorded now; nothing was filed. Please retry.");
        this.complaintsReceived = topics.complaintsReceived.name();
        this.received = received;
        this.idempotent = idempotent;
        this.upstream = StoreUpstreamLookup.queryable(queries);
        this.clock = clock;
    }

    /**
     * Whether this request repeats one already filed under its Idempotency-Key (same source, user and key): a replay
     * writes nothing and is not charged against the rate limits. A request whose key is malformed is no replay.
     */
    public boolean isReplay(Filer filer, String userId, String idempotencyKey) {
        if (idempotencyKey == null || userId == null || IdempotencyKey.problemWith(idempotencyKey).isPresent()) {
            return false;
        }
        return received.byScope(new IdempotencyKey(idempotencyKey).scope(filer.source(), userId.strip())).isPresent();
    }

    /** @param idempotencyKey the raw header, or null */
    public IdempotentFiling.Filing file(Filer filer, ComplaintDraft draft, String idempotencyKey) {
        List<FieldViolation> headerProblems = IdempotencyKey.problemWith(idempotencyKey)
                .map(p -> List.of(new FieldViolation(IDEMPOTENCY_KEY_FIELD, p))).orElse(List.of());
        NewComplaint complaint = validator.accept(draft, headerProblems); // every bad field, the header's too, at once
        String fingerprint = RequestFingerprint.of(filer.source(), complaint);
        if (idempotencyKey == null) {
            Instant now = now();
            return new IdempotentFiling.Filing(receive(ComplaintIds.next(now), complaint, filer, null, fingerprint, now), false);
        }
        String scope = new IdempotencyKey(idempotencyKey).scope(filer.source(), complaint.userId());
        return idempotent.file(scope, fingerprint, () -> {
            Instant now = now();
            return receive(ComplaintIds.forKey(scope, now), complaint, filer, idempotencyKey, fingerprint, now);
        });
    }

    private ComplaintReceived receive(String complaintId, NewComplaint complaint, Filer filer, String key, String fingerprint,
                                      Instant now) {
        ComplaintReceived event = reception.receive(complaintId, complaint, filer, key, fingerprint,
                HopTracing.currentTraceId(), upstream, now); // the HTTP request's trace
        publisher.send(complaintsReceived, event.getEnvelope().getComplaintId(), event); // acked by every in-sync replica, else 503
        received.remember(event);
        log.info("received complaint {} via {} from {} (missing upstream data: {})", complaintId, event.getChannel(),
                filer.source(), event.getEnrichment().getMissing());
        return event;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
