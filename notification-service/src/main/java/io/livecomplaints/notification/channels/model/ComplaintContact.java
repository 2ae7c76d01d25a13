package io.livecomplaints.notification.channels.model;

import io.livecomplaints.support.privacy.Pii;

/**
 * A complainant's contact data (PIPL personal data): used only by this service to reach them, kept only in its
 * changelogged store, never logged or written anywhere unmasked ({@link #toString()} masks).
 */
public record ComplaintContact(String name, String phone, String email, boolean consentToContact) {

    @Override
    public String toString() {
        return "ComplaintContact[name=" + Pii.maskName(name) + ", phone=" + Pii.maskPhone(phone) + ", email="
                + Pii.maskEmail(email) + ", consentToContact=" + consentToContact + "]";
    }
}
