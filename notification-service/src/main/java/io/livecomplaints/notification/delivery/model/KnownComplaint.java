package io.livecomplaints.notification.delivery.model;

import io.livecomplaints.notification.channels.model.ComplaintContact;

/**
 * What this service remembers about a complaint to reach its user: owner, contact (personal data, from intake's
 * event only), and the last case version already told (so a replayed case change is not told twice).
 */
public record KnownComplaint(String userId, ComplaintContact contact, long lastToldCaseVersion) {

    public KnownComplaint withContact(String user, ComplaintContact newContact) {
        return new KnownComplaint(user != null ? user : userId, newContact != null ? newContact : contact, lastToldCaseVersion);
    }

    public KnownComplaint told(long caseVersion) {
        return new KnownComplaint(userId, contact, Math.max(lastToldCaseVersion, caseVersion));
    }
}
