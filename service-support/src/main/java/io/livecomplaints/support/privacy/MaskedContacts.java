package io.livecomplaints.support.privacy;

import io.livecomplaints.events.MaskedContact;
import io.livecomplaints.events.PersonalContact;

/**
 * The contact as agents may see it (DOMAIN: personal data is masked in outbound events that do not need it): phone,
 * e-mail and name masked by {@link Pii}, the same rule as the logs, and the consent flag as given.
 */
public final class MaskedContacts {

    private MaskedContacts() {
    }

    /** Null without a contact. */
    public static MaskedContact of(PersonalContact contact) {
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
