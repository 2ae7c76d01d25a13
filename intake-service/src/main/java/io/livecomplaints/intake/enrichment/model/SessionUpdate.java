package io.livecomplaints.intake.enrichment.model;

import io.livecomplaints.events.LiveSessionEvent;

/**
 * A session's latest event tells its state; promises announced earlier are kept when a later event (e.g. ENDED)
 * repeats none, and so is the replay URL.
 */
public final class SessionUpdate {

    private SessionUpdate() {
    }

    public static LiveSessionEvent apply(LiveSessionEvent previous, LiveSessionEvent update) {
        if (previous == null) {
            return update;
        }
        LiveSessionEvent.Builder merged = LiveSessionEvent.newBuilder(update);
        if (update.getPromises().isEmpty()) {
            merged.setPromises(previous.getPromises());
        }
        if (update.getReplayUrl() == null) {
            merged.setReplayUrl(previous.getReplayUrl());
        }
        if (update.getMerchantId() == null) {
            merged.setMerchantId(previous.getMerchantId());
        }
        return merged.build();
    }
}
