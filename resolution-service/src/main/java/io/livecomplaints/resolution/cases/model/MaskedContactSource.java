package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.MaskedContact;
import io.livecomplaints.support.privacy.MaskedContacts;

/**
 * The complainant's contact as the case keeps it: masked (138****5678, 张**, a***@example.com) with the consent flag;
 * the raw values never enter complaint-cases. Triage sends it masked ({@code maskedContact}); a triaged record written
 * before triage did so still embeds the raw contact, which is masked here by the same rule and never kept.
 */
public final class MaskedContactSource {

    private MaskedContactSource() {
    }

    /** The masked contact, or null when the user left none. */
    public static MaskedContact of(ComplaintTriaged triaged) {
        if (triaged.getMaskedContact() != null) {
            return triaged.getMaskedContact();
        }
        return triaged.getComplaint().getContact() == null ? null : MaskedContacts.of(triaged.getComplaint().getContact());
    }
}
