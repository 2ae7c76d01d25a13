package io.livecomplaints.resolution.agent.web;

import io.livecomplaints.events.EvidenceKind;
import io.livecomplaints.events.LiableParty;

/** Bodies of the agent actions other than decisions. */
final class ActionRequests {

    private ActionRequests() {
    }

    /** A note: the reason of a denial, escalation or reopening, a progress update, a remark on accepting or approving. */
    record Note(String note) {
    }

    /** Evidence (证据) by reference; a LIVE_REPLAY with the moment (seconds into the replay) it shows. */
    record EvidenceItem(EvidenceKind kind, String url, Long replayOffsetSeconds, String description) {
    }

    /** Hands the case to another agent. */
    record Reassign(String agentId, String note) {
    }

    /** Rejects the complaint with the rule it breaks and the reason the user is told. */
    record Reject(String ruleId, String reason, LiableParty liableParty) {
    }
}
