package io.livecomplaints.notification.delivery.model;

import io.livecomplaints.notification.channels.model.ComplaintContact;

/**
 * What this service remembers about a complaint to reach its user: owner, contact (personal data, from intake's
 * event only), and the last case version already told (so a replayed case change is not told twice).
 */
public record KnownComplaint(String userId, ComplaintContact contact, long lastToldCaseVersion, String merchantId,
                             String openMerchantRequest) {

    public KnownComplaint(String userId, ComplaintContact contact, long lastToldCaseVersion) {
        this(userId, contact, lastToldCaseVersion, null, null);
    }

    public KnownComplaint withContact(String user, ComplaintContact newContact) {
        return new KnownComplaint(user != null ? user : userId, newContact != null ? newContact : contact, lastToldCaseVersion,
                merchantId, openMerchantRequest);
    }

    public KnownComplaint told(long caseVersion) {
        return new KnownComplaint(userId, contact, Math.max(lastToldCaseVersion, caseVersion), merchantId, openMerchantRequest);
    }

    /** The merchant was asked by the request event {@code requestEventId} and has not answered yet. */
    public KnownComplaint merchantAsked(String merchant, String requestEventId) {
        return new KnownComplaint(userId, contact, lastToldCaseVersion, merchant, requestEventId);
    }

    /** The merchant's request is no longer open (answered, approved for it, or withdrawn). */
    public KnownComplaint merchantRequestClosed() {
        return new KnownComplaint(userId, contact, lastToldCaseVersion, merchantId, null);
    }

    /** Whether a reminder of that request (its source id {@code <requestEventId>/remind-…}) is still due. */
    public boolean reminderStillDue(String reminderSourceId) {
        return openMerchantRequest != null && reminderSourceId.startsWith(openMerchantRequest + "/");
    }
}
