package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.Envelope;
import io.livecomplaints.events.ReplayRetention;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.TimelineEntry;
import io.livecomplaints.resolution.sla.model.SlaClocks;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.Parties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One change of a case and everything it causes: the next version of the case (with its new timeline steps) and the
 * events to publish (outcome, SLA events, replay retention, credit deltas). The case processor writes them all in one
 * transaction, and moves the case's schedule entry when its next timer ({@link CaseTimers#next}) changed.
 */
public final class CaseChange {

    private final ComplaintCase before;
    private final ComplaintCase.Builder next;
    private final Envelope cause;
    private final Instant at;
    private final String commandId;
    private final List<TimelineEntry> steps = new ArrayList<>();
    private final List<ComplaintOutcome> outcomes = new ArrayList<>();
    private final List<SlaEvent> slaEvents = new ArrayList<>();
    private final List<ReplayRetention> retentions = new ArrayList<>();
    private final List<CreditRecord> creditDeltas = new ArrayList<>();
    private Refusal refusal;
    private ComplaintCase result;

    private CaseChange(ComplaintCase before, ComplaintCase.Builder next, Envelope cause, Instant at, String commandId) {
        this.before = before;
        this.next = next;
        this.cause = cause;
        this.at = at;
        this.commandId = commandId;
    }

    /** A change of an existing case caused by the event with envelope {@code cause} (a command's id is its eventId). */
    public static CaseChange of(ComplaintCase before, Envelope cause, Instant at, String commandId) {
        return new CaseChange(before, ComplaintCase.newBuilder(before), cause, at, commandId);
    }

    /** The opening of a case (version 1). */
    static CaseChange opening(ComplaintCase.Builder opened, Envelope cause, Instant at) {
        return new CaseChange(null, opened, cause, at, null);
    }

    /** A refused command: the case records the refusal on its timeline and nothing else changes. */
    public static CaseChange refused(ComplaintCase before, Envelope cause, String action, String actorId, Refusal refusal,
                                     Instant at) {
        CaseChange change = of(before, cause, at, cause.getEventId());
        change.refusal = refusal;
        change.refusedStep(action, actorId, refusal);
        return change;
    }

    public ComplaintCase before() {
        return before;
    }

    /** The case being changed (state, clocks, decision ...), as changed so far. */
    public ComplaintCase.Builder next() {
        return next;
    }

    public Instant at() {
        return at;
    }

    public CaseState state() {
        return next.getState();
    }

    /** A step that moves the case to {@code to} (or keeps its state), on the timeline. */
    public void step(String action, CaseState to, String actorId, String note) {
        steps.add(TimelineEntry.newBuilder().setAt(at).setAction(action).setFromState(next.getState()).setToState(to)
                .setActorId(actorId).setNote(note).setCommandId(commandId).build());
        next.setState(to);
    }

    /** A step that leaves the state as it is. */
    public void note(String action, String actorId, String note) {
        step(action, next.getState(), actorId, note);
    }

    /**
     * A refused {@code action}, on the timeline as {@code <ACTION>_REFUSED} with the refusal's kind in its own field (the
     * command gateway answers from it) and, for people reading the timeline, {@code "KIND: reason"} as its note.
     */
    public void refusedStep(String action, String actorId, Refusal refusal) {
        steps.add(TimelineEntry.newBuilder().setAt(at).setAction(action + "_REFUSED").setFromState(next.getState())
                .setToState(next.getState()).setActorId(actorId).setNote(refusal.note()).setCommandId(commandId)
                .setRefusal(refusal.recorded()).build());
    }

    /** An internal step (a note between agents): on the timeline, never shown or told to the user. */
    public void internalNote(String action, String actorId, String note) {
        steps.add(TimelineEntry.newBuilder().setAt(at).setAction(action).setFromState(next.getState()).setToState(next.getState())
                .setActorId(actorId).setNote(note).setCommandId(commandId).setInternal(true).build());
    }

    /** A fresh envelope for an event this change causes, continuing the cause's trace. */
    public Envelope envelope() {
        return Envelopes.following(cause, Parties.RESOLUTION, at);
    }

    public List<SlaClockStatus> clocks() {
        return next.getSlaClocks();
    }

    public void setClocks(List<SlaClockStatus> clocks) {
        next.setSlaClocks(new ArrayList<>(clocks));
    }

    /** Starts (or restarts) a clock; its timers follow from it ({@link CaseTimers#pending}). */
    public void startClock(SlaClockStatus status) {
        setClocks(SlaClocks.replace(clocks(), status));
    }

    public String complaintId() {
        return next.getEnvelope().getComplaintId();
    }

    public void outcome(ComplaintOutcome outcome) {
        outcomes.add(outcome);
    }

    public void slaEvent(SlaEvent event) {
        slaEvents.add(event);
    }

    public void retain(List<ReplayRetention> requests) {
        retentions.addAll(requests);
    }

    public void credit(List<CreditRecord> deltas) {
        creditDeltas.addAll(deltas);
    }

    public Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** The case after the change: next version, new envelope, timeline with this change's steps. */
    public ComplaintCase result() {
        if (result == null) {
            List<TimelineEntry> timeline = new ArrayList<>(next.getTimeline());
            timeline.addAll(steps);
            result = next.setVersion(before == null ? 1 : before.getVersion() + 1)
                    .setEnvelope(envelope())
                    .setTimeline(timeline)
                    .build();
        }
        return result;
    }

    public List<ComplaintOutcome> outcomes() {
        return outcomes;
    }

    public List<SlaEvent> slaEvents() {
        return slaEvents;
    }

    public List<ReplayRetention> retentions() {
        return retentions;
    }

    public List<CreditRecord> creditDeltas() {
        return creditDeltas;
    }
}
