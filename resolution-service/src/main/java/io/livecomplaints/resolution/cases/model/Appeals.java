package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.ActorRole;
import io.livecomplaints.events.Appeal;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.CreditSubject;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Appeals (申诉): the merchant a decision charged without its consent — an auto-approval (超时自动同意) or a debt booked
 * by 先行赔付 — may contest it within the appeal window after the decision. The appeal waits in the supervisors'
 * review queue; a supervisor upholds the decision (nothing changes) or overturns it: the charge leaves the
 * merchant's credit record (the timeout no longer counts; the platform bears the advanced amount instead of the
 * merchant). An anchor may appeal a penalty (ANCHOR_PENALTY) the same way; an overturn takes it off the anchor's
 * record ({@code anchorPenalties} − 1). The user keeps what the decision granted either way. One appeal per decision.
 */
public final class Appeals {

    public static final String PENDING = "PENDING";
    public static final String UPHELD = "UPHELD";
    public static final String OVERTURNED = "OVERTURNED";
    public static final String AUTO_APPROVAL = "AUTO_APPROVAL";
    public static final String PLATFORM_ADVANCE = "PLATFORM_ADVANCE";
    public static final String ANCHOR_PENALTY = "ANCHOR_PENALTY";

    private Appeals() {
    }

    /** Who may file or decide an appeal: the case's merchant files, a supervisor decides. */
    public static Optional<Refusal> actorCheck(ComplaintCase c, Actor actor, CommandAction action) {
        if (action == CommandAction.APPEAL) {
            if (actor.getRole() == ActorRole.ANCHOR) {
                return actor.getActorId().equals(c.getAnchorId()) ? Optional.empty()
                        : Optional.of(Refusal.forbidden("only the anchor the penalty charged may appeal it"));
            }
            return actor.getRole() == ActorRole.MERCHANT && actor.getActorId().equals(c.getMerchantId()) ? Optional.empty()
                    : Optional.of(Refusal.forbidden("only the merchant the decision charged may appeal it"));
        }
        return actor.getRole() == ActorRole.SUPERVISOR ? Optional.empty()
                : Optional.of(Refusal.forbidden("only a supervisor decides an appeal"));
    }

    /** What the appeal contests, if the case's decision charged the merchant without its consent. */
    public static Optional<String> appealable(ComplaintCase c) {
        return appealable(c, ActorRole.MERCHANT);
    }

    /** What the appellant may contest: a merchant an auto-approval or a 先行赔付 debt, an anchor a penalty. */
    public static Optional<String> appealable(ComplaintCase c, ActorRole appellant) {
        if (c.getDecision() == null) {
            return Optional.empty();
        }
        if (appellant == ActorRole.ANCHOR) {
            return c.getDecision().getRemedy() == io.livecomplaints.events.Remedy.ANCHOR_PENALTY
                    ? Optional.of(ANCHOR_PENALTY) : Optional.empty();
        }
        if (c.getAutoApproved()) {
            return Optional.of(AUTO_APPROVAL);
        }
        return c.getPlatformAdvanced() ? Optional.of(PLATFORM_ADVANCE) : Optional.empty();
    }

    /** When the case's current decision was taken: its latest step into RESOLVED. */
    public static Optional<Instant> decidedAt(ComplaintCase c) {
        List<TimelineEntry> timeline = c.getTimeline();
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).getToState() == CaseState.RESOLVED && timeline.get(i).getFromState() != CaseState.RESOLVED) {
                return Optional.of(timeline.get(i).getAt());
            }
        }
        return Optional.empty();
    }

    public static Optional<Refusal> file(CaseChange change, ComplaintCommand command, AppealPolicy policy) {
        ComplaintCase c = change.before();
        if (command.getNote() == null || command.getNote().isBlank()) {
            return Optional.of(Refusal.invalid(java.util.Map.of("reason", "is required: why the decision should not charge you")));
        }
        Optional<String> about = appealable(c, command.getActor().getRole());
        if (about.isEmpty()) {
            return Optional.of(Refusal.illegal(command.getActor().getRole() == ActorRole.ANCHOR
                    ? "only an anchor penalty can be appealed by the anchor; this decision imposed none"
                    : "only an auto-approval (超时自动同意) or a 先行赔付 debt can be appealed;"
                    + " this decision was taken with the merchant's answer"));
        }
        if (c.getAppeal() != null && decidedAt(c).map(at -> !c.getAppeal().getFiledAt().isBefore(at)).orElse(true)) {
            return Optional.of(Refusal.illegal("this decision was already appealed (" + c.getAppeal().getStatus() + ")"));
        }
        Instant decided = decidedAt(c).orElse(c.getReceivedAt());
        Instant closes = decided.plus(policy.window());
        if (change.at().isAfter(closes)) {
            return Optional.of(Refusal.illegal("the appeal window closed at " + closes + " (" + policy.window().toDays()
                    + " days after the decision of " + decided + ")"));
        }
        Actor actor = command.getActor();
        change.next().setAppeal(Appeal.newBuilder().setAppellantId(actor.getActorId()).setAppellantRole(actor.getRole().name())
                .setAbout(about.get()).setReason(command.getNote()).setFiledAt(change.at()).setStatus(PENDING).build());
        change.note("APPEAL", actor.getActorId(), about.get() + ": " + command.getNote());
        return Optional.empty();
    }

    public static Optional<Refusal> decide(CaseChange change, ComplaintCommand command, boolean overturn) {
        ComplaintCase c = change.before();
        Appeal appeal = c.getAppeal();
        if (appeal == null || !PENDING.equals(appeal.getStatus())) {
            return Optional.of(Refusal.illegal("no appeal awaits review on this case"));
        }
        String by = command.getActor().getActorId();
        change.next().setAppeal(Appeal.newBuilder(appeal).setStatus(overturn ? OVERTURNED : UPHELD).setDecidedBy(by)
                .setDecidedAt(change.at()).setNote(command.getNote()).build());
        if (overturn) {
            change.credit(List.of(withdrawnCharge(c, appeal, change)));
        }
        change.note(overturn ? "APPEAL_OVERTURNED" : "APPEAL_UPHELD", by, appeal.getAbout()
                + (command.getNote() == null ? "" : ": " + command.getNote()));
        return Optional.empty();
    }

    /** The credit delta that takes an overturned charge off the merchant's record. */
    private static CreditRecord withdrawnCharge(ComplaintCase c, Appeal appeal, CaseChange change) {
        if (ANCHOR_PENALTY.equals(appeal.getAbout())) {
            return CreditRecord.newBuilder().setEnvelope(change.envelope()).setSubject(CreditSubject.ANCHOR)
                    .setSubjectId(c.getAnchorId()).setAnchorPenalties(-1).build();
        }
        CreditRecord.Builder delta = CreditRecord.newBuilder().setEnvelope(change.envelope()).setSubject(CreditSubject.MERCHANT)
                .setSubjectId(c.getMerchantId());
        if (AUTO_APPROVAL.equals(appeal.getAbout())) {
            delta.setMerchantTimeouts(-1);
        }
        RemedyDecision d = c.getDecision();
        if (c.getPlatformAdvanced() && d != null) {
            delta.setPlatformAdvancedFen(-(d.getRefundFen() + d.getCompensationFen()));
        }
        return delta.build();
    }
}
