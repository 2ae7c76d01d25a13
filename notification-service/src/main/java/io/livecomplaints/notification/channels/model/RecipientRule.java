package io.livecomplaints.notification.channels.model;

import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.support.privacy.Pii;

/**
 * Rule (PIPL, consent): SMS and e-mail go to the complainant's own phone or address only when they consented to be
 * contacted; the in-app inbox is always allowed (it is the user's own account); webhooks go to internal subscribers
 * and carry no contact data. Receipts name recipients only masked.
 */
public final class RecipientRule {

    private RecipientRule() {
    }

    /** Where the message goes, or why it cannot go there. */
    public record Recipient(String address, String masked, String suppressedBecause) {

        public boolean allowed() {
            return suppressedBecause == null;
        }

        @Override
        public String toString() {
            return "Recipient[" + (allowed() ? masked : "suppressed: " + suppressedBecause) + "]";
        }
    }

    public static Recipient resolve(NotificationChannel channel, String userId, String target, ComplaintContact contact) {
        switch (channel) {
            case IN_APP:
                return new Recipient(userId, userId, null);
            case WEBHOOK:
                return new Recipient(target, target, null);
            case SMS:
                return personal(contact, contact == null ? null : contact.phone(), "phone number", Pii.maskPhone(contact == null ? null : contact.phone()));
            case EMAIL:
                return personal(contact, contact == null ? null : contact.email(), "e-mail address", Pii.maskEmail(contact == null ? null : contact.email()));
            default:
                return new Recipient(null, null, "unknown channel " + channel);
        }
    }

    private static Recipient personal(ComplaintContact contact, String address, String what, String masked) {
        if (contact == null || address == null || address.isBlank()) {
            return new Recipient(null, null, "no " + what + " on the complaint");
        }
        if (!contact.consentToContact()) {
            return new Recipient(null, masked, "the user did not consent to be contacted");
        }
        return new Recipient(address.strip(), masked, null);
    }
}
