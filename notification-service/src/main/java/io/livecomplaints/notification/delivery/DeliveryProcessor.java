package io.livecomplaints.notification.delivery;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.DeliveryStatus;
import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.events.NotificationKind;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.events.PersonalContact;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.SurveyResponse;
import io.livecomplaints.notification.channels.Channels;
import io.livecomplaints.notification.channels.DeliveryChannel;
import io.livecomplaints.notification.channels.InboxChannel;
import io.livecomplaints.notification.channels.model.ComplaintContact;
import io.livecomplaints.notification.channels.model.OutboundMessage;
import io.livecomplaints.notification.channels.model.RecipientRule;
import io.livecomplaints.notification.channels.model.SendOutcome;
import io.livecomplaints.notification.delivery.model.ChannelPlan;
import io.livecomplaints.notification.delivery.model.DeliveryJob;
import io.livecomplaints.notification.delivery.model.DeliveryPolicy;
import io.livecomplaints.notification.delivery.model.JobStatus;
import io.livecomplaints.notification.delivery.model.KnownComplaint;
import io.livecomplaints.notification.inbox.model.InboxMessage;
import io.livecomplaints.notification.merchants.model.MerchantNoticeRule;
import io.livecomplaints.notification.messages.model.AcknowledgmentRule;
import io.livecomplaints.notification.messages.model.AssignmentRule;
import io.livecomplaints.notification.messages.model.CaseProgressRule;
import io.livecomplaints.notification.messages.model.Message;
import io.livecomplaints.notification.messages.model.Notice;
import io.livecomplaints.notification.messages.model.ResultRule;
import io.livecomplaints.notification.messages.model.SlaWarningRule;
import io.livecomplaints.notification.surveys.model.SurveyState;
import io.livecomplaints.notification.templates.model.Languages;
import io.livecomplaints.notification.templates.model.TemplateCatalog;
import io.livecomplaints.support.streams.schedule.DurableSchedule;
import io.livecomplaints.support.tracing.HopTracing;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery stream's one processor. For each lifecycle event it remembers what it needs about the complaint
 * (owner, contact), asks the message rules what to tell the user, and creates one delivery job per channel unless
 * the job's key is already known (the durable dedup, kept in the complaint's record). In-app messages are filed at
 * once; the other channels are sent by the dispatcher, a wall-clock punctuation that works through the durable
 * schedule of pending jobs: due sends, retries with backoff, messages held by quiet hours.
 *
 * <p>Each changelog record costs a log offset, so a step writes as little as it can: the complaint's record at most
 * once per step (the dedup keys of every message it plans ride along with the owner, contact and case version), a
 * pending job only as its schedule entry (no separate job record), a message delivered at once nothing but its inbox
 * entry and receipt, and nothing is scheduled to purge a dedup key: it is dropped at the record's next change after
 * {@code dedup-retention}.
 *
 * <p>Everything a step changes (stores, receipts, dead letters, input offsets) is committed in one Kafka
 * transaction (exactly_once_v2). A provider call is the only effect outside it: if the service dies after a
 * provider accepted a message and before the commit, the send is repeated with the same idempotency key.
 */
final class DeliveryProcessor implements Processor<String, SpecificRecord, String, NotificationReceipt> {

    private static final Logger log = LoggerFactory.getLogger(DeliveryProcessor.class);
    /** Header that routes a record to notifications-dlt instead of notifications. */
    static final String DEAD_LETTER = "dlt-reason";
    /** Results told with the generic basis because the decision carried none (Prometheus: notification_result_generic_basis_total). */
    static final String GENERIC_BASIS_METRIC = "notification.result.generic_basis";

    private final DeliveryServices services;
    private ProcessorContext<String, NotificationReceipt> context;
    private KeyValueStore<String, KnownComplaint> complaints;
    /** Pending jobs by due time: the job itself is the entry's value. */
    private DurableSchedule<DeliveryJob> jobs;
    private LegacyDeliveries legacy;
    /** The complaint records this step changed, written once at its end (see {@link #writeChanged()}). */
    private final Map<String, KnownComplaint> changed = new HashMap<>();
    private KeyValueStore<String, SurveyState> surveys;
    private InboxChannel inbox;

    DeliveryProcessor(DeliveryServices services) {
        this.services = services;
    }

    @Override
    public void init(ProcessorContext<String, NotificationReceipt> context) {
        this.context = context;
        complaints = context.getStateStore(NotificationStores.COMPLAINTS);
        jobs = DurableSchedule.from(context, NotificationStores.JOBS);
        legacy = LegacyDeliveries.from(context);
        surveys = context.getStateStore(NotificationStores.SURVEYS);
        KeyValueStore<String, InboxMessage> inboxStore = context.getStateStore(NotificationStores.INBOX);
        inbox = new InboxChannel(inboxStore, context::currentSystemTimeMs);
        context.schedule(services.dispatchEvery(), PunctuationType.WALL_CLOCK_TIME, this::dispatch);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        asOneStep(() -> step(record));
    }

    /** Runs a step: the complaint records it changes are written once, at its end (see {@link #writeChanged()}). */
    private void asOneStep(Runnable step) {
        try {
            step.run();
            writeChanged();
        } finally {
            changed.clear();
        }
    }

    private void step(Record<String, SpecificRecord> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        SpecificRecord event = record.value();
        List<Notice> notices = new ArrayList<>();
        if (event instanceof ComplaintReceived received) {
            remember(received.getEnvelope().getComplaintId(), received.getUserId(), received.getContact());
            notices.add(AcknowledgmentRule.acknowledge(received));
        } else if (event instanceof ComplaintTriaged triaged) {
            // the contact comes from complaints-received only: complaints-triaged carries none (a record written before
            // triage stopped copying it is not read for it either)
            remember(triaged.getEnvelope().getComplaintId(), triaged.getComplaint().getUserId(), null);
            notices.add(AssignmentRule.announce(triaged));
        } else if (event instanceof ComplaintCase change) {
            String complaintId = change.getEnvelope().getComplaintId();
            KnownComplaint stored = known(complaintId);
            KnownComplaint known = stored != null ? stored : new KnownComplaint(change.getUserId(), null, 0);
            CaseProgressRule.progress(change, known.lastToldCaseVersion()).ifPresent(notices::add);
            notices.addAll(MerchantNoticeRule.request(change, known.lastToldCaseVersion(), services.merchantReminders(), now));
            if (change.getVersion() > known.lastToldCaseVersion()) {
                io.livecomplaints.notification.messages.model.IncidentNoticeRule.notice(change).ifPresent(notices::add);
            }
            if (change.getVersion() > known.lastToldCaseVersion()) {
                if (MerchantNoticeRule.asksMerchant(change)) {
                    known = known.merchantAsked(change.getMerchantId(), change.getEnvelope().getEventId());
                } else if (change.getState() != io.livecomplaints.events.CaseState.AWAITING_MERCHANT) {
                    known = known.merchantRequestClosed();
                }
            }
            changed.put(complaintId, known.told(change.getVersion()));
        } else if (event instanceof SlaEvent sla) {
            SlaWarningRule.warn(sla).ifPresent(notices::add);
        } else if (event instanceof ComplaintOutcome outcome) {
            ResultRule.Told told = services.results().tell(outcome);
            if (told.genericBasis()) { // the user still hears the result; the missing basis is a defect upstream
                services.metrics().counter(GENERIC_BASIS_METRIC, "remedy", outcome.getDecision().getRemedy().name()).increment();
                log.warn("defect: the result of complaint {} ({} by {}) carries no basis (处理依据): told with the generic basis",
                        outcome.getEnvelope().getComplaintId(), outcome.getDecision().getRemedy(), outcome.getDecidedBy());
            }
            notices.addAll(told.notices());
            KnownComplaint known = known(outcome.getEnvelope().getComplaintId());
            MerchantNoticeRule.decision(outcome, known != null && known.merchantId() != null).ifPresent(notices::add);
            io.livecomplaints.notification.merchants.model.AnchorNoticeRule.penalty(outcome).ifPresent(notices::add);
            offerSurvey(outcome, now);
        } else if (event instanceof SurveyResponse answer) {
            SurveyState survey = surveys.get(answer.getEnvelope().getComplaintId());
            if (survey != null) {
                surveys.put(survey.complaintId(), survey.answer());
            }
        }
        RecordMetadata source = context.recordMetadata().orElse(null);
        for (Notice notice : notices) {
            plan(notice, source, now);
        }
    }

    private void remember(String complaintId, String userId, PersonalContact contact) {
        ComplaintContact given = contact == null ? null
                : new ComplaintContact(contact.getName(), contact.getPhone(), contact.getEmail(), contact.getConsentToContact());
        KnownComplaint stored = known(complaintId);
        KnownComplaint known = stored != null ? stored : new KnownComplaint(userId, null, 0);
        changed.put(complaintId, known.withContact(userId, given));
    }

    /** What is known about the complaint, this step's changes included. */
    private KnownComplaint known(String complaintId) {
        KnownComplaint ofThisStep = changed.get(complaintId);
        return ofThisStep != null ? ofThisStep : complaints.get(complaintId);
    }

    /**
     * Writes each complaint record this step changed, once, and only when it differs from the stored one: each write
     * is a changelog record, and many events (the triaged complaint after the received one, a replayed case change)
     * change nothing here.
     */
    private void writeChanged() {
        changed.forEach((complaintId, known) -> {
            if (!known.equals(complaints.get(complaintId))) {
                complaints.put(complaintId, known);
            }
        });
    }

    /** Records the jobs as planned in their complaint's record (the dedup record), counting from {@code since}. */
    private void markPlanned(String complaintId, List<String> jobKeys, long since) {
        KnownComplaint stored = known(complaintId);
        KnownComplaint known = stored != null ? stored : new KnownComplaint(null, null, 0);
        long now = context.currentSystemTimeMs();
        changed.put(complaintId, known.withPlanned(jobKeys, Math.max(now, since), now - services.dedupRetention().toMillis()));
    }

    private void offerSurvey(ComplaintOutcome outcome, Instant now) {
        String complaintId = outcome.getEnvelope().getComplaintId();
        surveys.put(complaintId, new SurveyState(complaintId, outcome.getUserId(), outcome.getEnvelope().getEventId(),
                outcome.getEnvelope().getTraceId(), now.plus(services.surveyDelay()).toEpochMilli(), false));
    }

    /** One job per channel of the notice's kind (and per webhook subscriber), unless it exists already. */
    private void plan(Notice notice, RecordMetadata source, Instant now) {
        String language = services.languages().resolve(notice.language());
        String variant = notice.type() == null ? null : notice.type().name();
        TemplateCatalog.Rendered text = services.templates().render(language, notice.message().key(), variant, notice.values());
        String subject = services.templates().render(language, Message.SUBJECT, null, Map.of("complaintId", notice.complaintId())).text();
        long notBefore = now.plus(notice.delay()).toEpochMilli();
        List<DeliveryJob> planned = new ArrayList<>();
        for (NotificationChannel channel : services.plan().channelsFor(notice.kind())) {
            planned.add(job(notice, channel, null, source, language, text, subject, now, notBefore));
        }
        for (String subscriber : services.channels().subscribersOf(notice.kind())) {
            planned.add(job(notice, NotificationChannel.WEBHOOK, subscriber, source, language, text, subject, now, notBefore));
        }
        KnownComplaint known = known(notice.complaintId());
        List<DeliveryJob> fresh = new ArrayList<>();
        for (DeliveryJob job : planned) {
            if ((known != null && known.hasPlanned(job.key())) || legacy.planned(job.key())) {
                services.metrics().counter("complaints.notifications.duplicates", "channel", job.channel().name()).increment();
                continue; // planned before: each (dedup id, kind, channel) is sent once
            }
            fresh.add(job);
        }
        if (fresh.isEmpty()) {
            return;
        }
        markPlanned(notice.complaintId(), fresh.stream().map(DeliveryJob::key).toList(), notBefore);
        for (DeliveryJob job : fresh) {
            if (job.channel() == NotificationChannel.IN_APP && notBefore <= now.toEpochMilli()) {
                attempt(job, now);
            } else {
                schedule(job);
            }
        }
    }

    private static DeliveryJob job(Notice notice, NotificationChannel channel, String target, RecordMetadata source,
                                   String language, TemplateCatalog.Rendered text, String subject, Instant now, long notBefore) {
        return new DeliveryJob(DeliveryJob.keyOf(notice.dedupId(), notice.kind(), channel, target), notice.sourceEventId(),
                source == null ? null : source.topic(), source == null ? -1 : source.partition(), source == null ? -1 : source.offset(),
                notice.complaintId(), notice.traceId(), notice.userId(), notice.kind(), channel, target, notice.type(),
                text.templateId(), language, subject, text.text(), now.toEpochMilli(), notBefore, 0, false, JobStatus.PENDING, null, 0);
    }

    /** Wall-clock punctuation: send what is due, oldest first, within the round's batch and time budget. */
    void dispatch(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        asOneStep(() -> {
            legacy.drainDue(now, services.dispatchBatch(), services.dispatchBudget(), job -> {
                markPlanned(job.complaintId(), List.of(job.key()), job.notBefore());
                send(job);
            });
            jobs.drainDue(now, services.dispatchBatch(), services.dispatchBudget(), due -> send(due.value()));
        });
    }

    private void send(DeliveryJob job) {
        // the send and its receipt in a span of the complaint's trace: webhooks carry its traceparent
        try (HopTracing.Hop hop = HopTracing.continueTrace("deliver " + job.kind() + " " + job.channel(),
                job.traceId(), Map.of("notification.channel", job.channel().name(), "notification.kind", job.kind().name()))) {
            attempt(job, Instant.ofEpochMilli(context.currentSystemTimeMs()));
        }
    }

    /** One delivery step of a job: wait out quiet hours, or send and record what happened. */
    private void attempt(DeliveryJob job, Instant now) {
        Optional<DeliveryJob> held = services.policy().holdForQuietHours(job, now);
        if (held.isPresent()) {
            waitAndTell(held.get(), null);
            return;
        }
        KnownComplaint known = known(job.complaintId());
        if (job.kind() == NotificationKind.MERCHANT_REMINDER && (known == null || !known.reminderStillDue(job.sourceEventId()))) {
            finish(job.finish(JobStatus.SUPPRESSED, "the merchant's request is no longer open", now.toEpochMilli()),
                    DeliveryStatus.SUPPRESSED, null, now);
            return;
        }
        RecipientRule.Recipient recipient = RecipientRule.resolve(job.channel(), job.userId(), job.target(),
                known == null ? null : known.contact());
        if (!recipient.allowed()) {
            finish(job.finish(JobStatus.SUPPRESSED, recipient.suppressedBecause(), now.toEpochMilli()), DeliveryStatus.SUPPRESSED, recipient.masked(), now);
            return;
        }
        Optional<DeliveryChannel> channel = job.channel() == NotificationChannel.IN_APP ? Optional.of(inbox)
                : services.channels().provider(job.channel(), job.target());
        if (channel.isEmpty()) {
            finish(job.finish(JobStatus.SUPPRESSED, "no " + job.channel() + " provider is configured any more", now.toEpochMilli()),
                    DeliveryStatus.SUPPRESSED, recipient.masked(), now);
            return;
        }
        SendOutcome outcome = channel.get().send(new OutboundMessage(job.key(), job.sourceEventId(), job.complaintId(),
                job.userId(), job.kind(), job.templateId(), job.language(), job.subject(), job.text(), recipient.address(),
                job.createdAt()));
        DeliveryJob after = services.policy().afterSend(job, outcome, now);
        switch (after.status()) {
            case SENT:
                finish(after, DeliveryStatus.SENT, recipient.masked(), now);
                break;
            case FAILED:
                log.warn("giving up {} {} for complaint {}: {}", after.kind(), after.channel(), after.complaintId(), after.lastError());
                finish(after, DeliveryStatus.FAILED, recipient.masked(), now);
                forward(Receipts.of(after, DeliveryStatus.FAILED, recipient.masked(), after.lastError(), now), now,
                        Receipts.deadLetterHeaders(services.serviceName(), after));
                break;
            default:
                waitAndTell(after, recipient.masked());
        }
    }

    private void waitAndTell(DeliveryJob waiting, String recipientMasked) {
        DeliveryJob job = waiting;
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        if (!job.toldDeferred()) {
            job = job.deferredTold();
            count(job, DeliveryStatus.DEFERRED);
            forward(Receipts.of(job, DeliveryStatus.DEFERRED, recipientMasked, job.lastError(), now), now, null);
        }
        schedule(job);
    }

    /** A job done for good: its receipt (its dedup key is in the complaint's record since it was planned). */
    private void finish(DeliveryJob done, DeliveryStatus status, String recipientMasked, Instant now) {
        count(done, status);
        forward(Receipts.of(done, status, recipientMasked, done.lastError(), now), now, null);
    }

    private void schedule(DeliveryJob job) {
        jobs.schedule(Instant.ofEpochMilli(Math.max(0, job.notBefore())), job.key(), job);
    }

    private void forward(NotificationReceipt receipt, Instant now, Headers headers) {
        context.forward(new Record<>(receipt.getEnvelope().getComplaintId(), receipt, now.toEpochMilli(),
                headers == null ? new RecordHeaders() : headers));
    }

    private void count(DeliveryJob job, DeliveryStatus status) {
        services.metrics().counter("complaints.notifications", "channel", job.channel().name(), "kind", job.kind().name(),
                "status", status.name()).increment();
    }

    /** What the processor works with, built once by the topology. */
    record DeliveryServices(TemplateCatalog templates, Languages languages, ResultRule results, ChannelPlan plan,
                            Channels channels, DeliveryPolicy policy, Duration surveyDelay, Duration dispatchEvery,
                            int dispatchBatch, Duration dispatchBudget, Duration dedupRetention, String serviceName,
                            MeterRegistry metrics, List<Duration> merchantReminders) {
    }
}
