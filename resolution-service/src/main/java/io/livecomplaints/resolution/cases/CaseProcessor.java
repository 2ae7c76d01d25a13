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
import java.util.Optional;
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
 *
 * <p>The schedule holds one entry per case with a pending timer: id = complaint id, due = the case's next timer
 * ({@link CaseTimers#next}, a function of the case). A change moves the entry only when that instant changes; when
 * the entry falls due, the case is read once, every timer of it due by then fires in order, and the entry goes to
 * the case's next timer.
 */
final class CaseProcessor implements Processor<String, CaseInput, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(CaseProcessor.class);
    /** Case entries handled per punctuation, so a large backlog after downtime does not block the task for long. */
    private static final int MAX_TIMERS_PER_PUNCTUATION = 500;
    /** The value of every schedule entry: the key (due instant, complaint id) says everything. */
    static final String ENTRY = "";

    private final CasePolicies policies;
    private final Clock clock;
    private final Duration punctuateEvery;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, ComplaintCase> cases;
    private DurableSchedule<String> deadlines;
    private LegacyTimerMigration migration;
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
        this.deadlines = DurableSchedule.from(context, CaseTopology.DEADLINES);
        this.credit = context.getStateStore(CaseTopology.CREDIT_VIEW);
        this.migration = new LegacyTimerMigration(context.getStateStore(LegacyTimerMigration.STRING_KEYS),
                context.getStateStore(LegacyTimerMigration.TIMER_SCHEDULE));
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
     * Fires every timer due at {@code now} (the injectable clock's time), oldest case entry first; records are stamped
     * with the punctuation's wall-clock time.
     */
    void fireDueTimers(Instant now, long wallClock) {
        if (migration != null) {
            LegacyTimerMigration.Moved moved = migration.moveAll(deadlines, this::nextDue);
            if (moved.timers() > 0) {
                log.info("moved {} timers from the schedule stores {} and {} to {} ({} cases with a pending timer)",
                        moved.timers(), LegacyTimerMigration.STRING_KEYS, LegacyTimerMigration.TIMER_SCHEDULE,
                        CaseTopology.DEADLINES, moved.cases());
            }
            migration = null;
        }
        deadlines.drainDue(now, MAX_TIMERS_PER_PUNCTUATION, due -> fireCase(due.id(), now, wallClock));
    }

    /**
     * The case's entry came due (and is gone from the schedule): each of its timers due by {@code now} fires against
     * the case as the ones before left it (a timer an earlier one made stale does nothing), then the entry goes to the
     * case's next timer. A timer that firing created and that is already due fires at the next punctuation.
     */
    private void fireCase(String id, Instant now, long wallClock) {
        ComplaintCase c = cases.get(id);
        if (c == null) {
            return;
        }
        for (SlaTimer timer : CaseTimers.due(c, policies, now)) {
            Optional<CaseChange> change = CaseTimers.fire(c, timer, policies, now);
            if (change.isPresent()) {
                write(change.get(), wallClock);
                c = change.get().result();
            }
        }
        CaseTimers.next(c, policies).ifPresent(next -> deadlines.schedule(next, id, ENTRY));
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

    /** Writes a change an input caused and moves the case's schedule entry if its next timer moved. */
    private void apply(CaseChange change, long at) {
        Optional<Instant> before = change.before() == null ? Optional.empty() : CaseTimers.next(change.before(), policies);
        Optional<Instant> after = CaseTimers.next(change.result(), policies);
        if (!before.equals(after)) {
            before.ifPresent(due -> deadlines.cancel(due, change.complaintId()));
            after.ifPresent(due -> deadlines.schedule(due, change.complaintId(), ENTRY));
        }
        write(change, at);
    }

    /**
     * Writes a change: case store and every event. Record timestamps are Kafka's time (the input record's, or the
     * punctuation's); the business time is in the events' fields.
     */
    private void write(CaseChange change, long at) {
        ComplaintCase next = change.result();
        String id = change.complaintId();
        cases.put(id, next);
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

    /** When the complaint's next timer falls due (empty: no such case, or nothing pending). */
    private Optional<Instant> nextDue(String complaintId) {
        return Optional.ofNullable(cases.get(complaintId)).flatMap(c -> CaseTimers.next(c, policies));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

}
