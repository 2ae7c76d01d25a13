package io.livecomplaints.notification.delivery.model;

import io.livecomplaints.notification.channels.model.ComplaintContact;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this service remembers about a complaint to reach its user: owner, contact (personal data, from intake's
 * event only), the last case version already told (so a replayed case change is not told twice), and the delivery
 * jobs already planned for it: the durable dedup record, kept here so that it costs no write of its own (most events
 * that plan messages change this record anyway).
 *
 * @param planned job key ({@code dedupId:KIND:CHANNEL[:target]}) → when it counts from for the dedup retention
 *                (epoch millis: when it was planned, or its due time if later); null in state written before it
 *                existed, read as none
 */
public record KnownComplaint(String userId, ComplaintContact contact, long lastToldCaseVersion, String merchantId,
                             String openMerchantRequest, Map<String, Long> planned) {

    public KnownComplaint {
        planned = planned == null ? Map.of() : Map.copyOf(planned);
    }

    public KnownComplaint(String userId, ComplaintContact contact, long lastToldCaseVersion) {
        this(userId, contact, lastToldCaseVersion, null, null, Map.of());
    }

    public KnownComplaint(String userId, ComplaintContact contact, long lastToldCaseVersion, String merchantId,
                          String openMerchantRequest) {
        this(userId, contact, lastToldCaseVersion, merchantId, openMerchantRequest, Map.of());
    }

    /** Whether the job {@code jobKey} was planned before (and not yet forgotten after the dedup retention). */
    public boolean hasPlanned(String jobKey) {
        return planned.containsKey(jobKey);
    }

    /**
     * With these job keys planned as of {@code at}, and without those whose retention ended before {@code forgetBefore}
     * (a key is forgotten at the record's next change after its retention, not exactly then).
     */
    public KnownComplaint withPlanned(Collection<String> jobKeys, long at, long forgetBefore) {
        Map<String, Long> kept = new TreeMap<>();
        planned.forEach((key, since) -> {
            if (since >= forgetBefore) {
                kept.put(key, since);
            }
        });
        for (String key : jobKeys) {
            kept.merge(key, at, Math::max);
        }
        return new KnownComplaint(userId, contact, lastToldCaseVersion, merchantId, openMerchantRequest, kept);
    }

    public KnownComplaint withContact(String user, ComplaintContact newContact) {
        return new KnownComplaint(user != null ? user : userId, newContact != null ? newContact : contact, lastToldCaseVersion,
                merchantId, openMerchantRequest, planned);
    }

    public KnownComplaint told(long caseVersion) {
        return new KnownComplaint(userId, contact, Math.max(lastToldCaseVersion, caseVersion), merchantId, openMerchantRequest, planned);
    }

    /** The merchant was asked by the request event {@code requestEventId} and has not answered yet. */
    public KnownComplaint merchantAsked(String merchant, String requestEventId) {
        return new KnownComplaint(userId, contact, lastToldCaseVersion, merchant, requestEventId, planned);
    }

    /** The merchant's request is no longer open (answered, approved for it, or withdrawn). */
    public KnownComplaint merchantRequestClosed() {
        return new KnownComplaint(userId, contact, lastToldCaseVersion, merchantId, null, planned);
    }

    /** Whether a reminder of that request (its source id {@code <requestEventId>/remind-…}) is still due. */
    public boolean reminderStillDue(String reminderSourceId) {
        return openMerchantRequest != null && reminderSourceId.startsWith(openMerchantRequest + "/");
    }
}
