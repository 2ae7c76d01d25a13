package io.livecomplaints.intake.validation.model;

import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.PersonalContact;
import java.time.Clock;
import java.util.List;

/**
 * A complaint is accepted only if it keeps every rule; the answer to a bad one names every bad field at once. The
 * same rules apply to the REST API and to the {@code complaint-submissions} entry topic.
 */
public final class ComplaintValidator {

    public static final String DEFAULT_LANGUAGE = "zh-CN";

    private final List<ComplaintRule> rules;

    public ComplaintValidator(ValidationLimits limits) {
        this(limits, Clock.systemUTC());
    }

    public ComplaintValidator(ValidationLimits limits, Clock clock) {
        this.rules = List.of(
                new ComplainantNamed(),
                new ChannelKnown(),
                new TextWithinCap(limits.textMaxChars()),
                new LanguageTagWellFormed(),
                new IdsWellFormed(limits.idPattern()),
                new ChannelContextGiven(),
                new AmountNotNegative(),
                new DemandsKnown(),
                new EvidenceWithinLimits(limits.evidenceMaxItems(), limits.urlMaxChars()),
                new IncidentTimeReadable(clock, limits.incidentMaxAge()),
                new ContactWellFormed(),
                new RegulatorTicketGiven(clock));
    }

    /** Every violation of the draft, in the order of the rules; empty when it is valid. */
    public List<FieldViolation> violations(ComplaintDraft draft) {
        Violations violations = new Violations();
        rules.forEach(rule -> rule.check(draft, violations));
        return violations.list();
    }

    /** The typed complaint, or an {@link InvalidComplaintException} naming every bad field. */
    public NewComplaint accept(ComplaintDraft draft) {
        return accept(draft, List.of());
    }

    /**
     * The typed complaint, or an {@link InvalidComplaintException} naming every bad field of the draft followed by
     * {@code alsoWrong}: what the caller found wrong with the rest of the request (a header), reported in the same
     * answer. The rules run once.
     */
    public NewComplaint accept(ComplaintDraft draft, List<FieldViolation> alsoWrong) {
        List<FieldViolation> violations = violations(draft);
        if (!violations.isEmpty() || !alsoWrong.isEmpty()) {
            List<FieldViolation> all = new java.util.ArrayList<>(violations);
            all.addAll(alsoWrong);
            throw new InvalidComplaintException(all);
        }
        return new NewComplaint(draft.userId().strip(), ChannelKnown.parse(draft.channel()),
                draft.language() == null ? DEFAULT_LANGUAGE : draft.language(), draft.text().strip(),
                draft.demands().stream().map(DemandsKnown::parse).distinct().toList(),
                blankToNull(draft.orderId()), blankToNull(draft.roomId()), blankToNull(draft.sessionId()),
                draft.claimedAmountFen(), IncidentTimeReadable.parse(draft.incidentAt()),
                draft.evidence().stream().map(ComplaintValidator::evidence).toList(), contact(draft.contact()), draft.vip(),
                RegulatorTicketGiven.ticket(draft.regulatorTicket()));
    }

    private static Evidence evidence(ComplaintDraft.EvidenceDraft e) {
        return Evidence.newBuilder()
                .setKind(EvidenceWithinLimits.kind(e.kind()))
                .setUrl(e.url().strip())
                .setReplayOffsetSeconds(e.replayOffsetSeconds())
                .setCapturedAt(IncidentTimeReadable.parse(e.capturedAt()))
                .setDescription(e.description())
                .setAddedBy("complainant")
                .build();
    }

    private static PersonalContact contact(ComplaintDraft.ContactDraft c) {
        if (c == null || (c.name() == null && c.phone() == null && c.email() == null)) {
            return null;
        }
        return PersonalContact.newBuilder().setName(c.name()).setPhone(c.phone()).setEmail(c.email())
                .setConsentToContact(Boolean.TRUE.equals(c.consentToContact())).build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
