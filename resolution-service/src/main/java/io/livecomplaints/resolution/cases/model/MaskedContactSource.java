package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.MaskedContact;
import io.livecomplaints.events.PersonalContact;
import io.livecomplaints.support.privacy.Pii;

/**
 * The complainant's contact as the case keeps it: masked (138****5678, 张**, a***@example.com) with the consent flag;
 * the raw values never enter complaint-cases. Today it masks the contact embedded in the triaged complaint; once
 * complaints-triaged carries triage's own {@code maskedContact}, this is the one place to read that instead.
 */
public final class MaskedContactSource {

    private MaskedContactSource() {
    }

    /** The masked contact, or null when the user left none. */
    public static MaskedContact of(ComplaintTriaged triaged) {
        PersonalContact contact = triaged.getComplaint().getContact();
        if (contact == null) {
            return null;
        }
        return MaskedContact.newBuilder()
                .setPhone(Pii.maskPhone(contact.getPhone()))
                .setEmail(Pii.maskEmail(contact.getEmail()))
                .setName(Pii.maskName(contact.getName()))
                .setConsent(contact.getConsentToContact())
                .build();
    }
}
