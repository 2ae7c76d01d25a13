package io.livecomplaints.analytics.mix.model;

import io.livecomplaints.events.ComplaintTriaged;

/** The dimensions a triaged complaint is counted under in the complaint mix (low cardinality, no personal data). */
public final class MixDimensions {

    private MixDimensions() {
    }

    /** The complaint's primary type, as counted in the mix. */
    public static String type(ComplaintTriaged triaged) {
        return triaged.getClassification().getPrimaryType().name();
    }
}
