package io.livecomplaints.triage.incidents.model;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.IncidentKind;
import io.livecomplaints.events.QosVerdict;
import java.util.Optional;

/**
 * Which incident a complaint may belong to. A platform-side stream fault groups by its cause: all complaints about
 * one overloaded CDN node (across sessions), or about one anchor's degraded push (one session). Otherwise complaints
 * of one type about one live session may form a flash-sale surge.
 */
public record Grouping(IncidentKind kind, String scope) {

    public static Optional<Grouping> of(QosVerdict verdict, String cdnNode, String sessionId, ComplaintType type) {
        if (verdict == QosVerdict.CDN_NODE_OVERLOADED && cdnNode != null) {
            return Optional.of(new Grouping(IncidentKind.QOS, "cdn-" + cdnNode));
        }
        if (verdict == QosVerdict.ANCHOR_PUSH_DEGRADED && sessionId != null) {
            return Optional.of(new Grouping(IncidentKind.QOS, "push-" + sessionId));
        }
        if (sessionId != null) {
            return Optional.of(new Grouping(IncidentKind.SURGE, sessionId + "-" + type));
        }
        return Optional.empty();
    }

    /** The key complaints of this grouping are partitioned by, so one task sees all of them. */
    public String key() {
        return kind + ":" + scope;
    }
}
