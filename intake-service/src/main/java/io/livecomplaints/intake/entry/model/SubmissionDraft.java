package io.livecomplaints.intake.entry.model;

import io.livecomplaints.events.ComplaintSubmission;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.PersonalContact;
import io.livecomplaints.events.RegulatorTicket;
import io.livecomplaints.intake.validation.model.ComplaintDraft;

/**
 * A complaint that arrives as an event (hotline system, IM gateway, regulator feed) is read like a REST request
 * from a system: the same fields, the same validation rules; the source system files on behalf of its user.
 */
public final class SubmissionDraft {

    private SubmissionDraft() {
    }

    public static ComplaintDraft of(ComplaintSubmission s) {
        PersonalContact c = s.getContact();
        return new ComplaintDraft(s.getUserId(), s.getChannel() == null ? null : s.getChannel().name(), s.getText(),
                s.getLanguage(), s.getDemands().stream().map(Enum::name).toList(), s.getOrderId(), s.getRoomId(),
                s.getSessionId(), s.getClaimedAmountFen(), s.getIncidentAt() == null ? null : s.getIncidentAt().toString(),
                s.getEvidence().stream().map(SubmissionDraft::evidence).toList(),
                c == null ? null : new ComplaintDraft.ContactDraft(c.getName(), c.getPhone(), c.getEmail(), c.getConsentToContact()),
                s.getVip(), ticket(s.getRegulatorTicket()));
    }

    private static ComplaintDraft.RegulatorTicketDraft ticket(RegulatorTicket t) {
        return t == null ? null : new ComplaintDraft.RegulatorTicketDraft(t.getReference(),
                t.getDeadline() == null ? null : t.getDeadline().toString(), t.getAuthority());
    }

    private static ComplaintDraft.EvidenceDraft evidence(Evidence e) {
        return new ComplaintDraft.EvidenceDraft(e.getKind().name(), e.getUrl(), e.getReplayOffsetSeconds(),
                e.getCapturedAt() == null ? null : e.getCapturedAt().toString(), e.getDescription());
    }
}
