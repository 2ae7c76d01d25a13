package io.livecomplaints.triage.incidents;

import io.livecomplaints.events.IncidentKind;
import io.livecomplaints.triage.incidents.model.IncidentState;
import java.util.ArrayList;
import java.util.List;

/** Stores an incident state as one line: {@code id|kind|firstSeenAt|lastSeenAt|size|t1,t2,...} (id empty while none). */
final class IncidentStateCodec {

    private IncidentStateCodec() {
    }

    static String encode(IncidentState state) {
        StringBuilder recent = new StringBuilder();
        for (Long t : state.recent()) {
            recent.append(recent.length() == 0 ? "" : ",").append(t);
        }
        return (state.incidentId() == null ? "" : state.incidentId()) + "|" + state.kind() + "|" + state.firstSeenAt() + "|"
                + state.lastSeenAt() + "|" + state.size() + "|" + recent;
    }

    static IncidentState decode(String line) {
        if (line == null) {
            return null;
        }
        String[] parts = line.split("\\|", -1);
        List<Long> recent = new ArrayList<>();
        if (!parts[5].isEmpty()) {
            for (String t : parts[5].split(",")) {
                recent.add(Long.parseLong(t));
            }
        }
        return new IncidentState(parts[0].isEmpty() ? null : parts[0], IncidentKind.valueOf(parts[1]), Long.parseLong(parts[2]),
                Long.parseLong(parts[3]), Integer.parseInt(parts[4]), recent);
    }
}
