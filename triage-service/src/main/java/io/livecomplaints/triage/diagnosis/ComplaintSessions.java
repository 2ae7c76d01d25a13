package io.livecomplaints.triage.diagnosis;

import io.livecomplaints.events.ComplaintReceived;

/** The live session a complaint is about, shared by the QoS diagnosis and the incident grouping. */
public final class ComplaintSessions {

    private ComplaintSessions() {
    }

    /** Named by the user, else found by intake from the order. */
    public static String sessionOf(ComplaintReceived complaint) {
        return complaint.getSessionId() != null ? complaint.getSessionId() : complaint.getEnrichment().getSessionId();
    }
}
