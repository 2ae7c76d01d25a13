package io.livecomplaints.analytics.stats.model;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What analytics remembers about one complaint so that every statistic counts it exactly once however often its
 * events are re-published (case changelog versions, redelivered outcomes): its attributes, which once-per-complaint
 * facts were already counted, and the ids of its recent events. No personal data.
 */
public final class ComplaintProfile {

    /** How many recent event ids are remembered per complaint for de-duplication. */
    static final int RECENT_EVENTS = 64;

    private Attributes attributes = Attributes.NONE;
    private Instant receivedAt;
    private boolean counted;
    private boolean firstResponded;
    private boolean decided;
    private boolean breached;
    private boolean reopened;
    private boolean merchantRequested;
    private boolean merchantTimedOut;
    private String merchantId;
    private boolean withdrawn;
    private int correctionsCounted;
    private final Set<String> breachedClocks = new TreeSet<>();
    private final Deque<String> recentEvents = new ArrayDeque<>();
    private Instant lastSeenAt = Instant.EPOCH;

    /** True the first time an event id is seen; remembers it. */
    public boolean firstDelivery(String eventId) {
        if (eventId == null) {
            return true;
        }
        if (recentEvents.contains(eventId)) {
            return false;
        }
        recentEvents.addLast(eventId);
        while (recentEvents.size() > RECENT_EVENTS) {
            recentEvents.removeFirst();
        }
        return true;
    }

    public Attributes attributes() {
        return attributes;
    }

    /** Learns attributes from an event; what the profile already knows wins over UNKNOWN only. */
    public void learn(Attributes fromEvent, Instant receivedAt) {
        attributes = Attributes.NONE.equals(attributes) ? fromEvent : attributes.or(fromEvent);
        if (this.receivedAt == null && receivedAt != null) {
            this.receivedAt = receivedAt;
        }
    }

    /** Learns the merchant the complaint is about (a business id, not personal); the first one known stays. */
    public void learnMerchant(String merchant) {
        if (merchantId == null && merchant != null && !merchant.isBlank()) {
            merchantId = merchant;
        }
    }

    /** The merchant, {@link Attributes#UNKNOWN} if no event named one. */
    public String merchantId() {
        return merchantId == null ? Attributes.UNKNOWN : merchantId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public void seenAt(Instant at) {
        if (at != null && at.isAfter(lastSeenAt)) {
            lastSeenAt = at;
        }
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    /** True once: the complaint has not been counted yet (and now is). */
    public boolean markCounted() {
        return !counted && (counted = true);
    }

    public boolean markFirstResponded() {
        return !firstResponded && (firstResponded = true);
    }

    public boolean markDecided() {
        return !decided && (decided = true);
    }

    /** True once per clock. */
    public boolean markBreached(String clock) {
        return breachedClocks.add(clock);
    }

    /** True once per complaint, on its first breach of any clock. */
    public boolean markBreachedComplaint() {
        return !breached && (breached = true);
    }

    public boolean markReopened() {
        return !reopened && (reopened = true);
    }

    /** True once per complaint: its merchant was asked to answer. */
    public boolean markMerchantRequested() {
        return !merchantRequested && (merchantRequested = true);
    }

    /** True once per complaint: its merchant did not answer in time. */
    public boolean markMerchantTimedOut() {
        return !merchantTimedOut && (merchantTimedOut = true);
    }

    /** True once per complaint: the user withdrew it. */
    public boolean markWithdrawn() {
        return !withdrawn && (withdrawn = true);
    }

    /** How many of the case's corrections (transfers, reclassifications) were counted already. */
    public int correctionsCounted() {
        return correctionsCounted;
    }

    public void correctionsCounted(int count) {
        correctionsCounted = Math.max(correctionsCounted, count);
    }

    /** What the store keeps of this profile. */
    public ProfileState state() {
        return new ProfileState(attributes, merchantId, receivedAt, lastSeenAt, counted, firstResponded, decided, breached,
                reopened, merchantRequested, merchantTimedOut, withdrawn, correctionsCounted, List.copyOf(breachedClocks),
                List.copyOf(recentEvents));
    }

    /** The profile a store kept (a new one for null). */
    public static ComplaintProfile of(ProfileState state) {
        ComplaintProfile profile = new ComplaintProfile();
        if (state == null) {
            return profile;
        }
        profile.attributes = state.attributes() == null ? Attributes.NONE : state.attributes();
        profile.merchantId = state.merchantId();
        profile.receivedAt = state.receivedAt();
        profile.lastSeenAt = state.lastSeenAt() == null ? Instant.EPOCH : state.lastSeenAt();
        profile.counted = state.counted();
        profile.firstResponded = state.firstResponded();
        profile.decided = state.decided();
        profile.breached = state.breached();
        profile.reopened = state.reopened();
        profile.merchantRequested = state.merchantRequested();
        profile.merchantTimedOut = state.merchantTimedOut();
        profile.withdrawn = state.withdrawn();
        profile.correctionsCounted = state.correctionsCounted();
        if (state.breachedClocks() != null) {
            profile.breachedClocks.addAll(state.breachedClocks());
        }
        if (state.recentEvents() != null) {
            profile.recentEvents.addAll(state.recentEvents());
        }
        return profile;
    }
}
