package io.livecomplaints.intake.entry;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintSubmission;
import io.livecomplaints.intake.enrichment.StoreUpstreamLookup;
import io.livecomplaints.intake.entry.model.SubmissionDraft;
import io.livecomplaints.intake.idempotency.model.IdempotencyKey;
import io.livecomplaints.intake.idempotency.model.RequestFingerprint;
import io.livecomplaints.intake.kafka.StoreNames;
import io.livecomplaints.intake.submission.model.ComplaintIds;
import io.livecomplaints.intake.submission.model.Filer;
import io.livecomplaints.intake.submission.model.Reception;
import io.livecomplaints.intake.validation.model.ComplaintValidator;
import io.livecomplaints.intake.validation.model.NewComplaint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One complaint-submissions record → at most one complaint: each valid submission becomes one complaint, however
 * often it is delivered or re-sent (idempotent by submission id, in the changelogged
 * {@value StoreNames#SUBMISSIONS_SEEN} store); an invalid one throws, so it goes to {@code complaint-submissions-dlt}
 * with the bad fields as {@code dlt-reason} (the shared DeadLetterTopicHandler writes it in the same transaction).
 * Enrichment reads the orders and sessions global stores directly.
 */
public final class ReceiveSubmission implements Processor<String, ComplaintSubmission, String, ComplaintReceived> {

    private static final Logger log = LoggerFactory.getLogger(ReceiveSubmission.class);

    private final ComplaintValidator validator;
    private final Reception reception;
    private ProcessorContext<String, ComplaintReceived> context;
    private KeyValueStore<String, String> seen;
    private StoreUpstreamLookup upstream;

    public ReceiveSubmission(ComplaintValidator validator, Reception reception) {
        this.validator = validator;
        this.reception = reception;
    }

    @Override
    public void init(ProcessorContext<String, ComplaintReceived> context) {
        this.context = context;
        this.seen = context.getStateStore(StoreNames.SUBMISSIONS_SEEN);
        this.upstream = StoreUpstreamLookup.of(context.getStateStore(StoreNames.ORDERS), context.getStateStore(StoreNames.SESSIONS));
    }

    @Override
    public void process(Record<String, ComplaintSubmission> record) {
        ComplaintSubmission submission = record.value();
        if (submission == null) {
            return;
        }
        String seenKey = submission.getSourceSystem() + "/" + submission.getSubmissionId();
        if (seen.get(seenKey) != null) {
            log.info("submission {} of {} was already received as {}", submission.getSubmissionId(),
                    submission.getSourceSystem(), seen.get(seenKey));
            return;
        }
        NewComplaint complaint = validator.accept(SubmissionDraft.of(submission)); // invalid: to the DLT with the reason
        Filer filer = Filer.upstreamSystem(submission.getSourceSystem());
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs()).truncatedTo(ChronoUnit.MILLIS);
        String scope = IdempotencyKey.scopeOf(filer.source(), complaint.userId(), submission.getSubmissionId());
        String complaintId = ComplaintIds.forKey(scope, now);
        ComplaintReceived received = reception.receive(complaintId, complaint, filer, submission.getSubmissionId(),
                RequestFingerprint.of(filer.source(), complaint), submission.getEnvelope().getTraceId(), upstream, now);
        seen.put(seenKey, complaintId);
        context.forward(new Record<>(complaintId, received, now.toEpochMilli()));
    }
}
