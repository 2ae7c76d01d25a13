package io.livecomplaints.resolution.cases;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.CreditSubject;
import io.livecomplaints.events.ReplayRetention;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.TimelineEntry;
import io.livecomplaints.resolution.cases.model.CaseChange;
import io.livecomplaints.resolution.cases.model.CaseCommands;
import io.livecomplaints.resolution.cases.model.CaseDisputes;
import io.livecomplaints.resolution.cases.model.CaseOpening;
import io.livecomplaints.resolution.cases.model.CasePolicies;
import io.livecomplaints.resolution.cases.model.CaseTimers;
import io.livecomplaints.schemas.keys.CreditKeys;
import io.livecomplaints.support.streams.schedule.DurableSchedule;
import io.livecomplaints.resolution.regulator.model.RegulatorReplies;
import io.livecomplaints.resolution.sla.model.SlaTimer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of cases (event sourcing): opens a case per triaged complaint, applies commands and survey answers
 * in order per complaint, and fires due SLA timers from the persisted schedule. Each change writes the case store,
 * the schedule and every resulting event in the task's exactly-once transaction, so a crash never loses or repeats a
 * step: a timer is removed from the schedule in the same transaction as the events it caused, and timers that fell
 * due while the service was down fire at the first punctuation after start.
 */
final class CaseProcessor implements Processor<String, CaseInput, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(CaseProcessor.class);
    /** Timers handled per punctuation, so a large backlog after downtime does not block the task for long. */
    private static final int MAX_TIMERS_PER_PUNCTUATION = 500;

    private final CasePolicies policies;
    private final Clock clock;
    private final Duration punctuateEvery;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, ComplaintCase> cases;
    private DurableSchedule<SlaTimer> timers;
    private KeyValueStore<String, String> legacyTimers;
    private KeyValueStore<String, ValueAndTimestamp<CreditRecord>> credit;

    CaseProcessor(CasePolicies policies, Clock clock, Duration punctuateEvery) {
        this.policies = policies;
        this.clock = clock;
        this.punctuateEvery = punctuateEvery;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.cases = context.getStateStore(CaseTopology.CASES);
        this.timers = DurableSchedule.from(context, CaseTopology.TIMERS);
        this.credit = context.getStateStore(CaseTopology.CREDIT_VIEW);
        this.legacyTimers = context.getStateStore(LegacyTimerMigration.STORE);
        context.schedule(punctuateEvery, PunctuationType.WALL_CLOCK_TIME, wallClock -> fireDueTimers(now(), wallClock));
    }

    @Override
    public void process(Record<String, CaseInput> record) {
        CaseInput input = record.value();
        String id = record.key();
        ComplaintCase current = cases.get(id);
        if (input.triaged() != null) {
            if (current == null) { // a redelivered triaged complaint does not open a second case
                var complaint = input.triaged().getComplaint();
                applyInput(CaseOpening.open(input.triaged(), credit(CreditSubject.USER, complaint.getUserId()),
                        credit(CreditSubject.ORDER, complaint.getOrderId()), policies, now()), record.timestamp());
            }
            return;
        }
        if (current == null) {
            throw new IllegalStateException("no case " + id + " for this " + (input.command() != null ? "command" : "survey answer"));
        }
        if (input.command() != null) {
            ComplaintCommand command = input.command();
            if (!applied(current, command.getEnvelope().getEventId())) {
                applyInput(CaseCommands.handle(current, command, policies, now()), record.timestamp());
            }
        } else if (!applied(current, input.survey().getEnvelope().getEventId())) {
            applyInput(CaseDisputes.survey(current, input.survey(), policies, now()), record.timestamp());
        }
    }

    /**
     * Fires every timer due at {@code now} (the injectable clock's time), oldest first; records are stamped with the
     * punctuation's wall-clock time.
     */
    void fireDueTimers(Instant now, long wallClock) {
        if (legacyTimers != null) {
            int moved = LegacyTimerMigration.moveAll(legacyTimers, timers);
            if (moved > 0) {
                log.info("moved {} timers from the schedule store {} to {}", moved, LegacyTimerMigration.STORE, CaseTopology.TIMERS);
            }
            legacyTimers = null;
        }
        timers.drainDue(now, MAX_TIMERS_PER_PUNCTUATION, due -> {
            // due at the schedule's millisecond instant, the precision of the case's clocks (Avro timestamp-millis)
            SlaTimer timer = new SlaTimer(due.due(), due.value().complaintId(), due.value().kind(), due.value().clock());
            ComplaintCase c = cases.get(timer.complaintId());
            if (c != null) {
                CaseTimers.fire(c, timer, policies, now).ifPresent(change -> apply(change, wallClock));
            }
        });
    }

    /**
     * Writes the change an input record caused, unless the case would outgrow its bound ({@code CaseSizeBound}): then
     * nothing is written and the exception sends the input to its dead-letter topic with the reason (the DLT handler
     * of service-support), so the partition goes on instead of failing on a record the producer would refuse.
     */
    private void applyInput(CaseChange change, long at) {
        policies.size().tooLarge(change.result()).ifPresent(reason -> {
            throw new CaseTooLargeException(reason);
        });
        apply(change, at);
    }

    /** A change that would make the case larger than any record may be. */
    static final class CaseTooLargeException extends IllegalStateException {
        CaseTooLargeException(String reason) {
            super(reason);
        }
    }

    /**
     * Writes a change: case store, schedule, and every event. Record timestamps are Kafka's time (the input record's,
     * or the punctuation's); the business time is in the events' fields.
     */
    private void apply(CaseChange change, long at) {
        ComplaintCase next = change.result();
        String id = change.complaintId();
        cases.put(id, next);
        for (SlaTimer timer : change.timers()) {
            timers.schedule(timer.fireAt(), timer.scheduleId(), timer);
        }
        context.forward(new Record<>(id, next, at));
        for (ComplaintOutcome outcome : change.outcomes()) {
            context.forward(new Record<>(id, outcome, at));
            // a regulator's ticket is answered with the outcome, in the same transaction
            RegulatorReplies.of(next, outcome).ifPresent(reply -> context.forward(new Record<>(id, reply, at)));
        }
        for (SlaEvent event : change.slaEvents()) {
            context.forward(new Record<>(id, event, at));
        }
        for (ReplayRetention retention : change.retentions()) {
            context.forward(new Record<>(id, retention, at));
        }
        for (CreditRecord delta : change.creditDeltas()) {
            context.forward(new Record<>(CreditKeys.key(delta.getSubject(), delta.getSubjectId()), delta, at));
        }
        change.refusal().ifPresent(r -> log.info("case {} refused a command: {} {}", id, r.kind(), r.reason()));
    }

    /** A subject's record from the global credit-records replica (orders: the refunds granted on them), or null. */
    private CreditRecord credit(CreditSubject subject, String id) {
        if (id == null) {
            return null;
        }
        ValueAndTimestamp<CreditRecord> record = credit.get(CreditKeys.key(subject, id));
        return record == null ? null : record.value();
    }

    private static boolean applied(ComplaintCase c, String eventId) {
        for (TimelineEntry entry : c.getTimeline()) {
            if (eventId.equals(entry.getCommandId())) {
                return true;
            }
        }
        return false;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

}
